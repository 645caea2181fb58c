package dev.tcpkeepalive.autoconfigure;

import dev.tcpkeepalive.client.Client;
import dev.tcpkeepalive.observe.KeepAliveObservations;
import dev.tcpkeepalive.observe.KeepAliveValues;
import dev.tcpkeepalive.observe.ObservedKeepAlive;
import dev.tcpkeepalive.test.KernelSockets;
import dev.tcpkeepalive.test.LoopbackHttpServer;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.HttpComponentsClientHttpConnector;

import static dev.tcpkeepalive.test.KernelSockets.kernelDefault;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for keepalive on WebClient with the HttpComponents connector.
 */
class HttpComponentsAsyncTcpKeepAliveTests {

	private final ApplicationContextRunner runner = HttpClientsContext.runner()
		.withPropertyValues("spring.http.clients.reactive.connector=http-components");

	@AutoClose
	private final LoopbackHttpServer server = LoopbackHttpServer.start();

	@Test
	void whenWebClientUsesTheHttpComponentsConnectorThenItsSocketCarriesTheSettings() {
		this.runner.run((context) -> {
			assertThat(context.getBean(ClientHttpConnector.class))
				.isInstanceOf(HttpComponentsClientHttpConnector.class);
			assertThat(HttpClientsContext.getWithWebClient(context, this.server)).isEqualTo("hello");
			KeepAliveObservations observations = context.getBean(KeepAliveObservations.class);
			ObservedKeepAlive observed = observations.latest(Client.HTTP_COMPONENTS_ASYNC);
			assertThat(observed).isNotNull();
			assertThat(KeepAliveValues.of(observed)).isEqualTo(KeepAliveValues.keepAlive(41, 7, 5));
			assertThat(observed.remoteAddress()).endsWith(":" + this.server.port());
			assertThat(observations.latest(Client.REACTOR_NETTY)).isNull();
			assertThat(KernelSockets.connectedTo(this.server.port())).singleElement()
				.satisfies(
						(socket) -> assertThat(socket.keepAliveRemainingMillis()).isNotNull().isBetween(1L, 41_000L));
		});
	}

	@Test
	void whenHttpComponentsIsDisabledThenTheSocketKeepsTheKernelDefaultsAndIsStillObserved() {
		this.runner.withPropertyValues("azure.tcp-keepalive.http-components.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean("httpComponentsAsyncTcpKeepAliveCustomizer")
				.hasBean("httpComponentsAsyncTcpKeepAliveObserver");
			assertThat(HttpClientsContext.getWithWebClient(context, this.server)).isEqualTo("hello");
			ObservedKeepAlive observed = context.getBean(KeepAliveObservations.class)
				.latest(Client.HTTP_COMPONENTS_ASYNC);
			assertThat(observed).isNotNull();
			assertLibraryDefaults(observed);
		});
	}

	@Test
	void whenTheUserDefinesAClientHttpConnectorBuilderThenItIsLeftAlone() {
		this.runner.withBean(ClientHttpConnectorBuilder.class, ClientHttpConnectorBuilder::httpComponents)
			.run((context) -> {
				assertThat(HttpClientsContext.getWithWebClient(context, this.server)).isEqualTo("hello");
				assertThat(context.getBean(KeepAliveObservations.class).latest(Client.HTTP_COMPONENTS_ASYNC)).isNull();
				assertLibraryDefaults(null);
			});
	}

	// httpcore5 5.4 (Boot 4.1) turns keepalive on by itself at 5s/5s/3; 5.3 (Boot 4.0)
	// leaves the kernel's default off
	private void assertLibraryDefaults(@Nullable ObservedKeepAlive observed) {
		assertThat(IOReactorConfig.DEFAULT.isSoKeepAlive()).isEqualTo(BootLine.httpComponentsKeepsAliveByDefault());
		if (BootLine.httpComponentsKeepsAliveByDefault()) {
			if (observed != null) {
				assertThat(KeepAliveValues.of(observed)).as("observed %s", observed)
					.isEqualTo(KeepAliveValues.keepAlive(5, 5, 3));
			}
			assertThat(KernelSockets.connectedTo(this.server.port())).singleElement()
				.satisfies((socket) -> assertThat(socket.keepAliveRemainingMillis()).isNotNull()
					.isLessThanOrEqualTo(5000L));
		}
		else {
			if (observed != null) {
				assertThat(observed.soKeepAlive()).isFalse();
				assertThat(observed.idleSeconds()).isEqualTo(kernelDefault("tcp_keepalive_time"));
			}
			assertThat(KernelSockets.connectedTo(this.server.port())).singleElement()
				.satisfies((socket) -> assertThat(socket.keepAliveRemainingMillis()).isNull());
		}
	}

}
