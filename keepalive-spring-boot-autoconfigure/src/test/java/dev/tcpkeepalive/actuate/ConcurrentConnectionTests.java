package dev.tcpkeepalive.actuate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that many concurrent new connections through RestClient and WebClient, while the
 * endpoint is read from several threads, cause no error and leave correct values.
 */
class ConcurrentConnectionTests {

	private static final int CONNECTIONS = 200;

	private static final int POLLERS = 4;

	@Test
	void whenManyConnectionsOpenAtOnceWhileTheEndpointIsReadThenEveryReadIsCorrect() throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(POLLERS + 32);
		// Tomcat rather than the JDK's server, on which a few of these connections were
		// closed before an answer
		try (TomcatHelloServer server = TomcatHelloServer.start(null, false);
				RunningApplication app = RunningApplication.start(TlsConnectionTests.SETTINGS)) {
			List<Throwable> failures = new CopyOnWriteArrayList<>();
			AtomicBoolean done = new AtomicBoolean();
			AtomicInteger reads = new AtomicInteger();
			CountDownLatch polling = new CountDownLatch(POLLERS);
			List<Future<?>> pollers = new ArrayList<>();
			for (int i = 0; i < POLLERS; i++) {
				pollers.add(executor.submit(() -> {
					do {
						try {
							assertConsistent(app.json("/actuator/tcpkeepalive"));
							reads.incrementAndGet();
						}
						catch (Throwable ex) {
							failures.add(ex);
						}
						polling.countDown();
					}
					while (!done.get());
				}));
			}
			assertThat(polling.await(60, TimeUnit.SECONDS)).isTrue();
			RestClient restClient = app.bean(RestClient.Builder.class).build();
			List<Future<String>> restCalls = new ArrayList<>();
			for (int i = 0; i < CONNECTIONS; i++) {
				// Connection: close makes HttpClient 5 open a new connection for every
				// request
				restCalls.add(executor.submit(() -> restClient.get()
					.uri(server.uri("/hello"))
					.header("Connection", "close")
					.retrieve()
					.body(String.class)));
			}
			WebClient webClient = WebClient.builder().clientConnector(newConnectionPerRequest(app)).build();
			List<String> webBodies = Flux.range(0, CONNECTIONS)
				.flatMap((i) -> webClient.get().uri(server.uri("/hello")).retrieve().bodyToMono(String.class),
						CONNECTIONS)
				.collectList()
				.block(Duration.ofSeconds(120));
			for (Future<String> call : restCalls) {
				assertThat(call.get(120, TimeUnit.SECONDS)).isEqualTo("hello");
			}
			done.set(true);
			for (Future<?> poller : pollers) {
				poller.get(60, TimeUnit.SECONDS);
			}
			assertThat(webBodies).hasSize(CONNECTIONS).containsOnly("hello");
			assertThat(failures).isEmpty();
			assertThat(reads.get()).isGreaterThanOrEqualTo(POLLERS);
			// Far more client sockets than the pools keep: the requests really opened new
			// connections
			assertThat(server.clientAddresses()).hasSizeGreaterThan(CONNECTIONS);
			JsonNode report = app.json("/actuator/tcpkeepalive");
			TlsConnectionTests.assertAppliedAndObserved(report.get("clients").get("http-components"), server.port());
			TlsConnectionTests.assertAppliedAndObserved(report.get("clients").get("reactor-netty"), server.port());
			assertThat(report.get("natSafety").get("safe").asBoolean()).isTrue();
		}
		finally {
			executor.shutdownNow();
		}
	}

	// Built from Boot's connector builder, so the starter's customizers are in it. With
	// HTTP persistent connections
	// off (not TCP keepalive), Reactor Netty closes each connection itself instead of
	// pooling one the server closes
	private static ClientHttpConnector newConnectionPerRequest(RunningApplication app) {
		return ((ReactorClientHttpConnectorBuilder) app.bean(ClientHttpConnectorBuilder.class))
			.withHttpClientCustomizer((client) -> client.keepAlive(false))
			.build();
	}

	// Any read, at any moment, shows either no connection yet or exactly the configured
	// values
	private static void assertConsistent(JsonNode report) {
		assertThat(report.get("natSafety").get("safe").asBoolean()).as("natSafety in %s", report).isTrue();
		for (String client : List.of("http-components", "reactor-netty")) {
			JsonNode entry = report.get("clients").get(client);
			assertThat(entry.get("status").asString()).as("status of %s in %s", client, report).isEqualTo("applied");
			JsonNode observed = entry.get("observed");
			if (!observed.isNull()) {
				assertThat(List.of(observed.get("soKeepAlive").asBoolean(), observed.get("idleSeconds").asInt(),
						observed.get("intervalSeconds").asInt(), observed.get("count").asInt()))
					.as("observed of %s", client)
					.containsExactly(true, 50, 10, 4);
			}
		}
	}

}
