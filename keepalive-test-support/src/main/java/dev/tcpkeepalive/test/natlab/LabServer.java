package dev.tcpkeepalive.test.natlab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.tcpkeepalive.test.EventLoopHttpServer;
import dev.tcpkeepalive.test.LoopbackHttpServer;

/**
 * The lab's slow HTTP/1.1 server, in its own JVM inside the server namespace, with
 * persistent connections, {@code /hello}, {@code /slow?seconds=N} and
 * {@code /drip?seconds=N}: a {@link LoopbackHttpServer} or an
 * {@link EventLoopHttpServer}, see {@link Kind}.
 *
 * @since 0.1.0
 */
public final class LabServer {

	private static final Duration START_DEADLINE = Duration.ofSeconds(30);

	private static final int DEFAULT_BACKLOG = 128;

	private static final Duration IDLE_INTERVAL = Duration.ofMinutes(10);

	private final Process process;

	private final LabServerOutput output;

	private LabServer(Process process) {
		this.process = process;
		this.output = LabServerOutput.readInBackground(process.getInputStream());
	}

	static LabServer start(String namespace, int connections, Kind kind) {
		String mainClass = (kind == Kind.EVENT_LOOP) ? EventLoopHttpServer.class.getName()
				: LoopbackHttpServer.class.getName();
		Map<String, String> properties = (kind == Kind.EVENT_LOOP) ? Map.of() : systemProperties(connections);
		List<String> command = ChildJvm.command(namespace, connections, mainClass,
				List.of(LabNetwork.SERVER_ADDRESS, String.valueOf(Math.max(DEFAULT_BACKLOG, connections))), properties);
		try {
			LabServer server = new LabServer(new ProcessBuilder(command).redirectErrorStream(true).start());
			try {
				server.output.awaitListening(START_DEADLINE);
			}
			catch (RuntimeException ex) {
				// The lab cannot stop a server it never got back: stop it here, or it
				// outlives the namespaces
				server.process.destroyForcibly();
				throw ex;
			}
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the lab server", ex);
		}
	}

	// The JDK server closes idle connections beyond 200, and any idle for 30 s; a sized
	// lab must keep them all
	private static Map<String, String> systemProperties(int connections) {
		if (connections == 0) {
			return Map.of();
		}
		return Map.of("sun.net.httpserver.maxIdleConnections", String.valueOf(connections),
				"sun.net.httpserver.idleInterval", String.valueOf(IDLE_INTERVAL.toSeconds()));
	}

	/**
	 * Return the port the server listens on.
	 * @return the port
	 */
	public int port() {
		return this.output.port();
	}

	/**
	 * Return the address of a path on the server, as a client in the lab reaches it.
	 * @param pathAndQuery the path, starting with {@code /}, and any query
	 * @return the absolute URI
	 */
	public URI uri(String pathAndQuery) {
		return URI.create("http://" + LabNetwork.SERVER_ADDRESS + ":" + port() + pathAndQuery);
	}

	/**
	 * Wait until a request whose URI contains the given text has arrived; the server
	 * reports it before answering.
	 * @param uriPart text to look for, such as a tag in the query
	 * @param deadline the longest wait
	 * @return the request as {@code <remote address>:<port> <uri>}
	 */
	public String awaitRequest(String uriPart, Duration deadline) {
		return this.output.awaitRequest(uriPart, deadline);
	}

	/**
	 * Return the requests received so far whose URI contains the given text.
	 * @param uriPart text to look for
	 * @return each request as {@code <remote address>:<port> <uri>}, in arrival order
	 */
	public List<String> requests(String uriPart) {
		return this.output.requests(uriPart);
	}

	void stop() {
		try {
			// Closing stdin ends the server by itself; it is forced only when it does not
			// comply
			this.process.getOutputStream().close();
			if (!this.process.waitFor(5, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (IOException ex) {
			this.process.destroyForcibly();
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * How the lab server serves its exchanges.
	 */
	public enum Kind {

		/**
		 * The JDK's {@code HttpServer}, a thread per exchange in flight
		 * ({@link LoopbackHttpServer}); enough for the few connections of a test.
		 */
		THREAD_PER_EXCHANGE,

		/**
		 * Reactor Netty's event loops ({@link EventLoopHttpServer}), for thousands of
		 * exchanges in flight at once; needs {@code reactor-netty-http} on the class
		 * path.
		 */
		EVENT_LOOP

	}

}
