package dev.tcpkeepalive.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal HTTP/1.1 server on a Unix domain socket, answering {@code hello} to every
 * request on persistent connections.
 * <p>
 * Built on the JDK's domain-socket channels rather than an HTTP library, so it runs
 * wherever the JDK does.
 */
public final class DomainSocketHttpServer implements AutoCloseable {

	private static final byte[] RESPONSE = ("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\n"
			+ "hello")
		.getBytes(StandardCharsets.US_ASCII);

	private final ServerSocketChannel server;

	private final Path path;

	private final ExecutorService executor = Executors.newCachedThreadPool((runnable) -> {
		Thread thread = new Thread(runnable, "domain-socket-http-server");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicInteger requests = new AtomicInteger();

	private DomainSocketHttpServer(ServerSocketChannel server, Path path) {
		this.server = server;
		this.path = path;
		this.executor.execute(this::accept);
	}

	/**
	 * Start a server on a new socket file in the given directory.
	 * @param directory an existing directory, such as a test's temporary directory
	 * @return the running server
	 */
	public static DomainSocketHttpServer start(Path directory) {
		Path path = directory.resolve("http.sock");
		try {
			ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
			server.bind(UnixDomainSocketAddress.of(path));
			return new DomainSocketHttpServer(server, path);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start the domain-socket HTTP server", ex);
		}
	}

	/**
	 * Return the path of the socket file.
	 * @return the path
	 */
	public Path path() {
		return this.path;
	}

	/**
	 * Return how many requests were answered.
	 * @return the number of requests
	 */
	public int requests() {
		return this.requests.get();
	}

	private void accept() {
		while (this.server.isOpen()) {
			try {
				SocketChannel connection = this.server.accept();
				this.executor.execute(() -> serve(connection));
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void serve(SocketChannel connection) {
		try (connection;
				InputStream in = Channels.newInputStream(connection);
				OutputStream out = Channels.newOutputStream(connection)) {
			while (readHead(in)) {
				this.requests.incrementAndGet();
				out.write(RESPONSE);
				out.flush();
			}
		}
		catch (IOException ex) {
			// The client went away
		}
	}

	// Reads up to the blank line ending a request's head; the clients under test send no
	// request body
	private static boolean readHead(InputStream in) throws IOException {
		int matched = 0;
		byte[] end = { '\r', '\n', '\r', '\n' };
		int next;
		while ((next = in.read()) != -1) {
			matched = (next == end[matched]) ? matched + 1 : ((next == '\r') ? 1 : 0);
			if (matched == end.length) {
				return true;
			}
		}
		return false;
	}

	@Override
	public void close() {
		try {
			this.server.close();
			Files.deleteIfExists(this.path);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			this.executor.shutdownNow();
		}
	}

}
