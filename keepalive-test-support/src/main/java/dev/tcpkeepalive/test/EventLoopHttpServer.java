package dev.tcpkeepalive.test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The {@link LoopbackHttpServer}'s endpoints on Reactor Netty's event loops, for
 * thousands of exchanges in flight at once: a thread per exchange, as the JDK's server
 * has, starves a small machine long before that.
 * <p>
 * {@code /hello} answers at once; {@code /slow?seconds=N} answers after N seconds
 * (fractions allowed); {@code /drip?seconds=N} sends N bytes, one a second. Connections
 * stay open, without an idle timeout, until the client closes them. Needs
 * {@code reactor-netty-http} on the class path.
 *
 * @since 0.1.0
 */
public final class EventLoopHttpServer implements AutoCloseable {

	private static final Duration ONE_SECOND = Duration.ofSeconds(1);

	private final DisposableServer server;

	private EventLoopHttpServer(DisposableServer server) {
		this.server = server;
	}

	/**
	 * Start a server on the given address that reports each request as it arrives, before
	 * it is answered.
	 * @param address the address to bind, port 0 for an ephemeral port
	 * @param backlog the accept backlog, for bursts of many connections at once
	 * @param requestLog receives {@code "<remote address>:<port> <request URI>"} per
	 * request
	 * @return the running server
	 */
	public static EventLoopHttpServer start(InetSocketAddress address, int backlog, Consumer<String> requestLog) {
		DisposableServer server = HttpServer.create()
			.bindAddress(() -> address)
			.option(ChannelOption.SO_BACKLOG, backlog)
			.route((routes) -> routes
				.get("/hello", (request, response) -> respond(request, response, requestLog, Mono.just("hello")))
				.get("/slow", (request, response) -> {
					double seconds = seconds(request);
					Mono<String> body = Mono.delay(Duration.ofMillis((long) (seconds * 1000)))
						.thenReturn("slept " + seconds + "s");
					return respond(request, response, requestLog, body);
				})
				.get("/drip", (request, response) -> {
					Flux<String> body = Flux.interval(Duration.ZERO, ONE_SECOND)
						.take((long) seconds(request))
						.map((second) -> ".");
					return respond(request, response, requestLog, body);
				}))
			.bindNow();
		return new EventLoopHttpServer(server);
	}

	/**
	 * Run a server until standard input closes, so it ends with the process that started
	 * it. Prints {@code LISTENING <address> <port>} once bound and
	 * {@code REQUEST <remote> <uri>} per request, as
	 * {@link LoopbackHttpServer#main(String[])} does.
	 * @param args the address to bind, and the accept backlog
	 * @throws IOException if standard input cannot be read
	 */
	public static void main(String[] args) throws IOException {
		InetSocketAddress address = new InetSocketAddress(args[0], 0);
		try (EventLoopHttpServer server = start(address, Integer.parseInt(args[1]),
				(request) -> System.out.println("REQUEST " + request))) {
			System.out.println("LISTENING " + args[0] + " " + server.port());
			InputStream in = System.in;
			while (in.read() != -1) {
				// Nothing is expected on stdin: it only tells when the parent is gone
			}
		}
	}

	// A Mono body gets a Content-Length, a Flux is sent chunked, each element flushed as
	// it comes
	private static Mono<Void> respond(HttpServerRequest request, HttpServerResponse response,
			Consumer<String> requestLog, Publisher<String> body) {
		InetSocketAddress remote = request.remoteAddress();
		requestLog.accept(remote.getAddress().getHostAddress() + ":" + remote.getPort() + " " + request.uri());
		return response.header(HttpHeaderNames.CONTENT_TYPE, "text/plain").sendString(body).then();
	}

	// Other parameters, such as a tag that tells concurrent clients apart in the request
	// log, are ignored
	private static double seconds(HttpServerRequest request) {
		List<String> seconds = new QueryStringDecoder(request.uri()).parameters().get("seconds");
		return (seconds != null) ? Double.parseDouble(seconds.get(0)) : 0;
	}

	/**
	 * Return the port the server listens on.
	 * @return the port
	 */
	public int port() {
		return this.server.port();
	}

	@Override
	public void close() {
		this.server.disposeNow();
	}

}
