package dev.tcpkeepalive.autoconfigure;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;

import dev.tcpkeepalive.KeepAliveOption;
import dev.tcpkeepalive.client.Client;
import dev.tcpkeepalive.client.ClientStatus;
import dev.tcpkeepalive.client.Status;
import dev.tcpkeepalive.observe.KeepAliveObservations;
import dev.tcpkeepalive.observe.KeepAliveValues;
import dev.tcpkeepalive.observe.ObservedKeepAlive;
import dev.tcpkeepalive.test.KernelSockets;
import dev.tcpkeepalive.test.LoopbackHttpServer;
import jdk.net.ExtendedSocketOptions;
import org.eclipse.jetty.io.ClientConnector;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.JettyClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.JettyClientHttpConnector;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import static dev.tcpkeepalive.test.KernelSockets.kernelDefault;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests that RestClient and WebClient on Jetty's HttpClient open sockets that really
 * carry keepalive, read back from the socket inside the JVM and from the kernel with
 * {@code ss}.
 */
class JettyTcpKeepAliveSocketTests {

	private final ApplicationContextRunner runner = HttpClientsContext.runner()
		.withPropertyValues("spring.http.clients.imperative.factory=jetty",
				"spring.http.clients.reactive.connector=jetty");

	@AutoClose
	private final LoopbackHttpServer server = LoopbackHttpServer.start();

	@Test
	void whenRestClientRunsOnJettyThenItsSocketCarriesTheSettings() {
		this.runner.run((context) -> {
			assertThat(context.getBean(ClientHttpRequestFactoryBuilder.class))
				.isInstanceOf(JettyClientHttpRequestFactoryBuilder.class);
			assertThat(HttpClientsContext.getWithRestClient(context, this.server)).isEqualTo("hello");
			assertSocketCarries(context, 41, 7, 5);
			// The JDK cannot set TCP_USER_TIMEOUT, which the shared settings ask for
			ClientStatus coverage = status(context);
			assertThat(coverage.status()).isEqualTo(Status.PARTIAL);
			assertThat(coverage.unsupported()).containsExactly(KeepAliveOption.TCP_USER_TIMEOUT);
			assertThat(coverage.usedBy()).containsExactly("RestClient", "WebClient");
		});
	}

	@Test
	void whenWebClientRunsOnJettyThenItsSocketCarriesTheSettings() {
		this.runner.run((context) -> {
			assertThat(context.getBean(ClientHttpConnector.class)).isInstanceOf(JettyClientHttpConnector.class);
			assertThat(HttpClientsContext.getWithWebClient(context, this.server)).isEqualTo("hello");
			assertSocketCarries(context, 41, 7, 5);
		});
	}

	@Test
	void whenJettyIsTheOnlyReactiveClientLibraryThenWebClientUsesItWithTheSettings() {
		HttpClientsContext.runner().withClassLoader(new FilteredClassLoader("reactor.netty")).run((context) -> {
			assertThat(context.getBean(ClientHttpConnector.class)).isInstanceOf(JettyClientHttpConnector.class);
			assertThat(HttpClientsContext.getWithWebClient(context, this.server)).isEqualTo("hello");
			assertSocketCarries(context, 41, 7, 5);
		});
	}

	@Test
	void whenRestClientRunsOnJettyInAReactiveApplicationThenItsSocketCarriesTheSettings() {
		new ReactiveWebApplicationContextRunner().withConfiguration(HttpClientsContext.AUTO_CONFIGURATIONS)
			.withConfiguration(AutoConfigurations.of(ReactiveWebRestClientAutoConfiguration.class))
			.withPropertyValues(HttpClientsContext.SETTINGS)
			.withPropertyValues("spring.http.clients.imperative.factory=jetty")
			.run((context) -> {
				assertThat(HttpClientsContext.getWithRestClient(context, this.server)).isEqualTo("hello");
				assertSocketCarries(context, 41, 7, 5);
			});
	}

	@Test
	void whenKeepAliveIsDisabledThenTheSocketKeepsTheKernelDefaultsAndIsStillObserved() {
		this.runner.withPropertyValues("azure.tcp-keepalive.enabled=false").run((context) -> {
			assertThat(HttpClientsContext.getWithRestClient(context, this.server)).isEqualTo("hello");
			assertKernelDefaults(context);
		});
	}

	@Test
	void whenJettyIsSwitchedOffThenItsSocketKeepsTheKernelDefaultsAndIsReportedDisabled() {
		this.runner.withPropertyValues("azure.tcp-keepalive.jetty.enabled=false").run((context) -> {
			assertThat(HttpClientsContext.getWithWebClient(context, this.server)).isEqualTo("hello");
			assertKernelDefaults(context);
			ClientStatus coverage = status(context);
			assertThat(coverage.status()).isEqualTo(Status.DISABLED);
			assertThat(coverage.reason()).isEqualTo("azure.tcp-keepalive.jetty.enabled=false");
		});
	}

	@Test
	void whenTheUserAddsAConnectListenerAndClientSettingsThenTheyStayInForce() {
		this.runner.withUserConfiguration(UserListenerConfiguration.class)
			.withPropertyValues("spring.http.clients.read-timeout=2s")
			.run((context) -> {
				RestClient client = context.getBean(RestClient.Builder.class).build();
				assertThat(client.get().uri(this.server.uri("/hello")).retrieve().body(String.class))
					.isEqualTo("hello");
				assertThat(context.getBean(UserListenerConfiguration.class).connections).isNotEmpty();
				// The user's listener runs after the starter's, so its idle time is the
				// one the socket carries
				assertSocketCarries(context, 13, 7, 5);
				assertThatExceptionOfType(ResourceAccessException.class)
					.isThrownBy(
							() -> client.get().uri(this.server.uri("/slow?seconds=5")).retrieve().body(String.class))
					.withRootCauseInstanceOf(TimeoutException.class);
			});
	}

	@Test
	void whenTheUserDefinesAJettyBuilderThenItIsLeftAloneAndReportedNotCovered() {
		JettyClientHttpRequestFactoryBuilder own = ClientHttpRequestFactoryBuilder.jetty();
		this.runner.withBean(ClientHttpRequestFactoryBuilder.class, () -> own).run((context) -> {
			assertThat(context.getBean(ClientHttpRequestFactoryBuilder.class)).isSameAs(own);
			assertThat(HttpClientsContext.getWithRestClient(context, this.server)).isEqualTo("hello");
			assertThat(context.getBean(KeepAliveObservations.class).latest(Client.JETTY)).isNull();
			assertThat(KernelSockets.connectedTo(this.server.port())).singleElement()
				.satisfies((socket) -> assertThat(socket.keepAliveRemainingMillis()).isNull());
			ClientStatus coverage = status(context);
			assertThat(coverage.status()).isEqualTo(Status.NOT_COVERED);
			assertThat(coverage.reason()).contains("its own client builder bean").contains("JettyKeepAlive");
		});
	}

	private void assertSocketCarries(ApplicationContext context, int idle, int interval, int count) {
		KeepAliveObservations observations = context.getBean(KeepAliveObservations.class);
		ObservedKeepAlive observed = observations.latest(Client.JETTY);
		assertThat(observed).as("a Jetty connection was observed").isNotNull();
		assertThat(KeepAliveValues.of(observed)).isEqualTo(KeepAliveValues.keepAlive(idle, interval, count));
		assertThat(observed.userTimeoutMillis()).isNull();
		assertThat(observed.remoteAddress()).endsWith(":" + this.server.port());
		assertThat(observations.latest(Client.REACTOR_NETTY)).isNull();
		assertThat(observations.latest(Client.HTTP_COMPONENTS)).isNull();
		// The pooled connections are still open: the kernel must show a keepalive timer
		// running from the idle time on each of them
		assertThat(KernelSockets.connectedTo(this.server.port())).isNotEmpty()
			.allSatisfy(
					(socket) -> assertThat(socket.keepAliveRemainingMillis()).isNotNull().isBetween(1L, idle * 1000L));
	}

	private void assertKernelDefaults(ApplicationContext context) {
		ObservedKeepAlive observed = context.getBean(KeepAliveObservations.class).latest(Client.JETTY);
		assertThat(observed).as("a Jetty connection was observed").isNotNull();
		assertThat(observed.soKeepAlive()).isFalse();
		assertThat(observed.idleSeconds()).isEqualTo(kernelDefault("tcp_keepalive_time"));
		assertThat(KernelSockets.connectedTo(this.server.port())).singleElement()
			.satisfies((socket) -> assertThat(socket.keepAliveRemainingMillis()).isNull());
	}

	private static @Nullable ClientStatus status(ApplicationContext context) {
		return context.getBean(KeepAliveReporter.class).reports().get().status(Client.JETTY);
	}

	@Configuration(proxyBeanMethods = false)
	static class UserListenerConfiguration {

		final List<SocketAddress> connections = new CopyOnWriteArrayList<>();

		@Bean
		ClientHttpRequestFactoryBuilderCustomizer<JettyClientHttpRequestFactoryBuilder> userListener() {
			return (builder) -> builder.withClientConnectorCustomizerCustomizer(
					(connector) -> connector.addEventListener(new ClientConnector.ConnectListener() {

						@Override
						public void onConnectBegin(SocketChannel channel, SocketAddress address) {
							UserListenerConfiguration.this.connections.add(address);
							try {
								channel.setOption(ExtendedSocketOptions.TCP_KEEPIDLE, 13);
							}
							catch (IOException ex) {
								throw new IllegalStateException(ex);
							}
						}

					}));
		}

	}

}
