package dev.tcpkeepalive.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP/1.1 server with persistent connections, for client tests.
 * <p>
 * {@code /hello} answers at once; {@code /slow?seconds=N} answers after N seconds
 * (fractions allowed); {@code /drip?seconds=N} answers over N whole seconds, one byte a
 * second; {@code /user-agent} answers with the request's {@code User-Agent} header. Its
 * {@link #main(String[]) main method} runs it as a separate process, as the NAT lab does
 * inside a network namespace.
 */
public final class LoopbackHttpServer implements AutoCloseable {

	private static final int DEFAULT_BACKLOG = 128;

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
		return start(address, (request) -> {
		});
	}

	/**
	 * Start a server on the given address that reports each request as it arrives, before
	 * it is answered.
	 * @param address the address to bind, port 0 for an ephemeral port
	 * @param requestLog receives {@code "<remote address>:<port> <request URI>"} per
	 * request
	 * @return the running server
	 */
	public static LoopbackHttpServer start(InetSocketAddress address, Consumer<String> requestLog) {
		return start(address, DEFAULT_BACKLOG, requestLog);
	}

	private static LoopbackHttpServer start(InetSocketAddress address, int backlog, Consumer<String> requestLog) {
		try {
			HttpServer server = HttpServer.create(address, backlog);
			ExecutorService executor = Executors.newCachedThreadPool((runnable) -> {
				Thread thread = new Thread(runnable, "loopback-http-server");
				thread.setDaemon(true);
				return thread;
			});
			server.setExecutor(executor);
			Filter log = Filter.beforeHandler("request log", (exchange) -> requestLog
				.accept(address(exchange.getRemoteAddress()) + " " + exchange.getRequestURI()));
			server.createContext("/hello", (exchange) -> respond(exchange, "hello")).getFilters().add(log);
			server.createContext("/slow", LoopbackHttpServer::slow).getFilters().add(log);
			server.createContext("/drip", LoopbackHttpServer::drip).getFilters().add(log);
			server
				.createContext("/user-agent",
						(exchange) -> respond(exchange,
								String.valueOf(exchange.getRequestHeaders().getFirst("User-Agent"))))
				.getFilters()
				.add(log);
			server.start();
			return new LoopbackHttpServer(server, executor);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start the loopback HTTP server", ex);
		}
	}

	/**
	 * Run a server until standard input closes, so it ends with the process that started
	 * it. Prints {@code LISTENING <address> <port>} once bound and
	 * {@code REQUEST <remote> <uri>} per request.
	 * @param args the address to bind, and optionally the accept backlog, for bursts of
	 * many connections at once
	 * @throws IOException if standard input cannot be read
	 */
	public static void main(String[] args) throws IOException {
		InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(args[0]), 0);
		int backlog = (args.length > 1) ? Integer.parseInt(args[1]) : DEFAULT_BACKLOG;
		try (LoopbackHttpServer server = start(address, backlog,
				(request) -> System.out.println("REQUEST " + request))) {
			System.out.println("LISTENING " + args[0] + " " + server.port());
			InputStream in = System.in;
			while (in.read() != -1) {
				// Nothing is expected on stdin: it only tells when the parent is gone
			}
		}
	}

	private static String address(InetSocketAddress address) {
		return address.getAddress().getHostAddress() + ":" + address.getPort();
	}

	private static void slow(HttpExchange exchange) throws IOException {
		double seconds = seconds(exchange);
		sleep((long) (seconds * 1000));
		respond(exchange, "slept " + seconds + "s");
	}

	// Traffic every second keeps the flow fresh in any NAT, so many requests can be held
	// in flight at once
	private static void drip(HttpExchange exchange) throws IOException {
		long seconds = (long) seconds(exchange);
		exchange.getResponseHeaders().add("Content-Type", "text/plain");
		exchange.sendResponseHeaders(200, 0);
		try (OutputStream out = exchange.getResponseBody()) {
			for (long second = 0; second < seconds; second++) {
				out.write('.');
				out.flush();
				sleep(1000);
			}
		}
	}

	private static double seconds(HttpExchange exchange) {
		String query = exchange.getRequestURI().getQuery();
		double seconds = 0;
		// Other parameters, such as a tag that tells concurrent clients apart in the
		// request log, are ignored
		for (String parameter : (query != null) ? query.split("&") : new String[0]) {
			if (parameter.startsWith("seconds=")) {
				seconds = Double.parseDouble(parameter.substring("seconds=".length()));
			}
		}
		return seconds;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
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
