package dev.tcpkeepalive.test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP/1.1 server with persistent connections, for client tests.
 * <p>
 * {@code /hello} answers at once; {@code /slow?seconds=N} answers after N seconds (fractions allowed);
 * {@code /user-agent} answers with the request's {@code User-Agent} header.
 */
public final class LoopbackHttpServer implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService executor;

	private LoopbackHttpServer(HttpServer server, ExecutorService executor) {
		this.server = server;
		this.executor = executor;
	}

	/**
	 * Start a server on 127.0.0.1 and an ephemeral port.
	 * @return the running server
	 */
	public static LoopbackHttpServer start() {
		return start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
	}

	/**
	 * Start a server on the given address.
	 * @param address the address to bind, port 0 for an ephemeral port
	 * @return the running server
	 */
	public static LoopbackHttpServer start(InetSocketAddress address) {
		try {
			HttpServer server = HttpServer.create(address, 128);
			ExecutorService executor = Executors.newCachedThreadPool((runnable) -> {
				Thread thread = new Thread(runnable, "loopback-http-server");
				thread.setDaemon(true);
				return thread;
			});
			server.setExecutor(executor);
			server.createContext("/hello", (exchange) -> respond(exchange, "hello"));
			server.createContext("/slow", LoopbackHttpServer::slow);
			server.createContext("/user-agent",
					(exchange) -> respond(exchange, String.valueOf(exchange.getRequestHeaders().getFirst("User-Agent"))));
			server.start();
			return new LoopbackHttpServer(server, executor);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start the loopback HTTP server", ex);
		}
	}

	private static void slow(HttpExchange exchange) throws IOException {
		String query = exchange.getRequestURI().getQuery();
		double seconds = 0;
		if (query != null && query.startsWith("seconds=")) {
			seconds = Double.parseDouble(query.substring("seconds=".length()));
		}
		try {
			Thread.sleep((long) (seconds * 1000));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		respond(exchange, "slept " + seconds + "s");
	}

	private static void respond(HttpExchange exchange, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "text/plain");
		exchange.sendResponseHeaders(200, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	/**
	 * Return the port the server listens on.
	 * @return the port
	 */
	public int port() {
		return this.server.getAddress().getPort();
	}

	/**
	 * Return the absolute URI of a path on this server.
	 * @param path the path, starting with {@code /}
	 * @return the URI
	 */
	public URI uri(String path) {
		return URI.create("http://" + this.server.getAddress().getAddress().getHostAddress() + ":" + port() + path);
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
