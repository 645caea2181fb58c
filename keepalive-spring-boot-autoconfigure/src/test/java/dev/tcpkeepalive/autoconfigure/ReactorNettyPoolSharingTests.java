package dev.tcpkeepalive.autoconfigure;

import dev.tcpkeepalive.test.KernelSockets;
import dev.tcpkeepalive.test.LoopbackHttpServer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that clients built one after another from Boot's builders keep sharing Reactor
 * Netty's pooled connections: Reactor Netty puts a client's channel callbacks into the
 * key of its connection pool, so the starter's callback must be equal for equal settings.
 */
class ReactorNettyPoolSharingTests {

	private static final int BUILDS = 12;

	// Without the starter Boot's builds share one connection; a second one can still be
	// on its way back to the pool
	private static final int SHARED = 2;

	private final ApplicationContextRunner runner = HttpClientsContext.runner();

	@AutoClose
	private final LoopbackHttpServer server = LoopbackHttpServer.start();

	@Test
	void restClientsBuiltOneAfterAnotherOnTheReactorFactoryShareTheirConnection() {
		this.runner.withPropertyValues("spring.http.clients.imperative.factory=reactor")
			.run((context) -> assertSharedAfterBuilds(context));
	}

	@Test
	void whenTheStarterOnlyObservesThenClientsBuiltOneAfterAnotherShareTheirConnection() {
		this.runner
			.withPropertyValues("spring.http.clients.imperative.factory=reactor", "azure.tcp-keepalive.enabled=false")
			.run((context) -> assertSharedAfterBuilds(context));
	}

	// Each RestClient built from Boot's builder gets a request factory and an HttpClient
	// of its own on Boot's shared connection provider; WebClient builds share one
	// connector, so they would prove nothing here
	private void assertSharedAfterBuilds(ApplicationContext context) {
		for (int i = 0; i < BUILDS; i++) {
			String body = context.getBean(RestClient.Builder.class)
				.build()
				.get()
				.uri(this.server.uri("/hello"))
				.retrieve()
				.body(String.class);
			assertThat(body).isEqualTo("hello");
		}
		assertThat(KernelSockets.connectedTo(this.server.port())).as("sockets after %d builds", BUILDS)
			.hasSizeBetween(1, SHARED);
	}

}
