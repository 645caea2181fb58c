package dev.tcpkeepalive.benchmarks;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * One phase of figure 4's requests: all at once, each tagged with the run, the phase and
 * its index, so that the server's log tells which client port carried which request.
 */
final class IdleScaleRequests {

	// Beyond the answer time, for thousands of requests to be dispatched on a busy
	// machine; a dead flow never answers
	private static final Duration MARGIN = Duration.ofSeconds(30);

	private final WebClient client;

	private final URI server;

	private final String run;

	private final int seconds;

	private final Duration timeout;

	IdleScaleRequests(WebClient client, URI server, String run, int seconds) {
		this.client = client;
		this.server = server;
		this.run = run;
		this.seconds = seconds;
		this.timeout = MARGIN.plusSeconds(seconds);
	}

	Outcome send(String phase, int count) {
		long start = System.nanoTime();
		Queue<Integer> failed = new ConcurrentLinkedQueue<>();
		AtomicReference<String> firstFailure = new AtomicReference<>();
		Flux.range(0, count)
			.flatMap((index) -> this.client.get()
				.uri(this.server.resolve("/drip?seconds=" + this.seconds + "&" + tag(phase) + index))
				.retrieve()
				.bodyToMono(String.class)
				.timeout(this.timeout)
				.then()
				.onErrorResume((ex) -> {
					failed.add(index);
					firstFailure.compareAndSet(null, chain(ex));
					return Mono.empty();
				}), count)
			.blockLast();
		return new Outcome(count - failed.size(), failed.stream().sorted().toList(), (System.nanoTime() - start) / 1e9,
				firstFailure.get());
	}

	/**
	 * Send a last request, after which the server's log holds every earlier request of
	 * the run. It goes on a new connection outside the pool, which may still hold
	 * connections whose flows the NAT has forgotten.
	 */
	void done() {
		WebClient.builder()
			.clientConnector(new ReactorClientHttpConnector(HttpClient.newConnection()))
			.build()
			.get()
			.uri(this.server.resolve("/hello?" + tag("done")))
			.retrieve()
			.bodyToMono(String.class)
			.block(MARGIN);
	}

	String tag(String phase) {
		return tag(this.run, phase);
	}

	static String tag(String run, String phase) {
		return "run=" + run + "&phase=" + phase + "&i=";
	}

	private static String chain(Throwable ex) {
		StringBuilder chain = new StringBuilder();
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			chain.append((chain.length() > 0) ? " <- " : "").append(cause.getClass().getSimpleName());
		}
		return chain.toString();
	}

	/**
	 * What one phase's requests did.
	 *
	 * @param ok requests answered
	 * @param failed indices of the requests that failed or timed out
	 * @param seconds wall-clock time of the phase
	 * @param firstFailure the first failure's exception chain, or {@code null}
	 */
	record Outcome(int ok, List<Integer> failed, double seconds, String firstFailure) {

		String failedIndices() {
			return this.failed.isEmpty() ? "-"
					: this.failed.stream().map(String::valueOf).collect(Collectors.joining(","));
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "ok=%d failed=%d seconds=%.1f first-failure=%s", this.ok,
					this.failed.size(), this.seconds, (this.firstFailure != null) ? this.firstFailure : "-");
		}

	}

}
