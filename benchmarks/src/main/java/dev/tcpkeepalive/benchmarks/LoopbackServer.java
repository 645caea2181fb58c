package dev.tcpkeepalive.benchmarks;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

/**
 * A Reactor Netty HTTP server on 127.0.0.1 and an ephemeral port that answers
 * {@code GET /hello} with a 5-byte body.
 * <p>
 * Netty on its own event-loop thread, rather than the JDK's HttpServer, so the server's
 * cost stays small beside the client's; it keeps connections alive unless the request
 * says {@code Connection: close}.
 */
final class LoopbackServer implements AutoCloseable {

	private static final byte[] BODY = "hello".getBytes(StandardCharsets.US_ASCII);

	private final AtomicLong accepted = new AtomicLong();

	private final LoopResources loops;

	private final DisposableServer server;

	LoopbackServer() {
		this.loops = LoopResources.create("bench-server", 1, true);
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.runOn(this.loops)
			.doOnChannelInit((observer, channel, remoteAddress) -> this.accepted.incrementAndGet())
			.route((routes) -> routes.get("/hello",
					(request, response) -> response.header(HttpHeaderNames.CONTENT_TYPE, "text/plain")
						.header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(BODY.length))
						.sendByteArray(Mono.just(BODY))))
			.bindNow();
	}

	URI uri() {
		return URI.create("http://127.0.0.1:" + this.server.port() + "/hello");
	}

	/**
	 * Return how many connections the server has accepted so far.
	 * @return the count
	 */
	long acceptedConnections() {
		return this.accepted.get();
	}

	@Override
	public void close() {
		this.server.disposeNow();
		this.loops.disposeLater().block();
	}

}
