package dev.tcpkeepalive.autoconfigure;

import java.net.Socket;
import java.net.StandardSocketOptions;
import java.util.concurrent.atomic.AtomicInteger;

import dev.tcpkeepalive.client.Client;
import dev.tcpkeepalive.observe.KeepAliveObservations;
import dev.tcpkeepalive.observe.ObservedKeepAlive;
import dev.tcpkeepalive.reactor.ChannelSnapshot;
import dev.tcpkeepalive.reactor.NettyTransport;
import dev.tcpkeepalive.test.KernelSockets;
import dev.tcpkeepalive.test.LoopbackHttpServer;
import io.netty.channel.socket.nio.NioChannelOption;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.io.HttpConnectionFactory;
import org.apache.hc.core5.reactor.IOSession;
import org.apache.hc.core5.reactor.IOSessionListener;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.LoopResources;

import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ReactorClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.boot.http.client.autoconfigure.reactive.ClientHttpConnectorBuilderCustomizer;
import org.springframework.boot.http.client.reactive.HttpComponentsClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that a user's customizers win over the starter's: their keepalive values on the
 * real socket, also under NIO's name for an option, their own connection factory and
 * session listener in use.
 */
class UserCustomizationsWinTests {

	private static final int USER_IDLE = 77;

	private final ApplicationContextRunner runner = HttpClientsContext.runner()
		.withUserConfiguration(HttpClientsContext.RecordingConfiguration.class);

	@AutoClose
	private final LoopbackHttpServer server = LoopbackHttpServer.start();

	@Test
	void whenAUserSetsTheReactorNettyIdleOnTheConnectorThenItWinsAndTheOtherSettingsStillApply() {
		this.runner.withUserConfiguration(ReactorConnectorIdleConfiguration.class).run((context) -> {
			assertThat(HttpClientsContext.getWithWebClient(context, this.server)).isEqualTo("hello");
			assertUserIdleOnTheSocket(context.getBean(ChannelSnapshot.Recorder.class).next());
			assertUserIdleObserved(context.getBean(KeepAliveObservations.class).latest(Client.REACTOR_NETTY));
		});
	}

	@Test
	void whenAUserSetsTheReactorNettyIdleOnTheRequestFactoryThenItWinsAndTheOtherSettingsStillApply() {
		this.runner.withUserConfiguration(ReactorRequestFactoryIdleConfiguration.class)
			.withPropertyValues("spring.http.clients.imperative.factory=reactor")
			.run((context) -> {
				assertThat(HttpClientsContext.getWithRestClient(context, this.server)).isEqualTo("hello");
				assertUserIdleOnTheSocket(context.getBean(ChannelSnapshot.Recorder.class).next());
				assertUserIdleObserved(context.getBean(KeepAliveObservations.class).latest(Client.REACTOR_NETTY));
			});
	}

	@Test
	void whenAUserSetsTheIdleInHttpComponentsSocketConfigThenItWinsAndTheOtherSettingsStillApply() {
		this.runner.withUserConfiguration(SocketConfigIdleConfiguration.class).run((context) -> {
			assertThat(HttpClientsContext.getWithRestClient(context, this.server)).isEqualTo("hello");
			assertUserIdleObserved(context.getBean(KeepAliveObservations.class).latest(Client.HTTP_COMPONENTS));
			assertUserIdleInTheKernel();
		});
	}

	@Test
	void whenAUserSetsTheirOwnConnectionFactoryThenRestClientConnectsThroughIt() {
		this.runner.withUserConfiguration(ConnectionFactoryConfiguration.class).run((context) -> {
			assertThat(HttpClientsContext.getWithRestClient(context, this.server)).isEqualTo("hello");
			assertThat(context.getBean("userConnections", AtomicInteger.class)).hasValue(1);
		});
	}

	@Test
	void whenAUserSetsTheirOwnSessionListenerThenTheAsyncClientReportsToIt() {
		this.runner.withUserConfiguration(SessionListenerConfiguration.class)
			.withPropertyValues("spring.http.clients.reactive.connector=http-components")
			.run((context) -> {
				assertThat(HttpClientsContext.getWithWebClient(context, this.server)).isEqualTo("hello");
				assertThat(context.getBean("userSessions", AtomicInteger.class)).hasValue(1);
			});
	}

	@Test
	void whenAUserOnNioTurnsSoKeepAliveOffWithTheNioOptionAfterTheStarterThenItStaysOff() {
		HttpClientsContext.runner().withUserConfiguration(NioKeepAliveOffConfiguration.class).run((context) -> {
			assertThat(HttpClientsContext.getWithWebClient(context, this.server)).isEqualTo("hello");
			assertKeepAliveOffOnNio(context.getBean(ChannelSnapshot.Recorder.class).next());
			assertThat(context.getBean(KeepAliveObservations.class).latest(Client.REACTOR_NETTY))
				.extracting(ObservedKeepAlive::soKeepAlive)
				.isEqualTo(false);
		});
	}

	@Test
	void whenAUserOnNioTurnsSoKeepAliveOffWithTheNioOptionBeforeTheStarterThenItStaysOff() {
		HttpClientsContext.runner().withUserConfiguration(EarlyNioKeepAliveOffConfiguration.class).run((context) -> {
			assertThat(HttpClientsContext.getWithWebClient(context, this.server)).isEqualTo("hello");
			assertKeepAliveOffOnNio(context.getBean(ChannelSnapshot.Recorder.class).next());
		});
	}

	private static void assertKeepAliveOffOnNio(ChannelSnapshot snapshot) {
		assertThat(snapshot).extracting(ChannelSnapshot::transport, ChannelSnapshot::soKeepAlive)
			.containsExactly(NettyTransport.NIO, false);
	}

	private void assertUserIdleOnTheSocket(ChannelSnapshot snapshot) {
		assertThat(snapshot)
			.extracting(ChannelSnapshot::soKeepAlive, ChannelSnapshot::idle, ChannelSnapshot::interval,
					ChannelSnapshot::count)
			.containsExactly(true, USER_IDLE, 7, 5);
		assertUserIdleInTheKernel();
	}

	// The kernel's timer counts down from the idle time: above the starter's 41s only if
	// the user's 77s is in force
	private void assertUserIdleInTheKernel() {
		assertThat(KernelSockets.connectedTo(this.server.port())).singleElement()
			.satisfies((socket) -> assertThat(socket.keepAliveRemainingMillis()).isNotNull()
				.isGreaterThan(41_000L)
				.isLessThanOrEqualTo(USER_IDLE * 1000L));
	}

	private static void assertUserIdleObserved(ObservedKeepAlive observed) {
		assertThat(observed).isNotNull();
		assertThat(observed)
			.extracting(ObservedKeepAlive::soKeepAlive, ObservedKeepAlive::idleSeconds,
					ObservedKeepAlive::intervalSeconds, ObservedKeepAlive::count)
			.containsExactly(true, USER_IDLE, 7, 5);
	}

	// NIO's name for the JDK option, on a client moved to the NIO transport
	static HttpClient nioKeepAliveOff(HttpClient client, LoopResources loops) {
		return client.runOn(loops, false).option(NioChannelOption.of(StandardSocketOptions.SO_KEEPALIVE), false);
	}

	@Configuration(proxyBeanMethods = false)
	static class UserNioLoopsConfiguration {

		@Bean(destroyMethod = "dispose")
		LoopResources userNioLoops() {
			return LoopResources.create("user-nio", 1, true);
		}

		@Bean
		ChannelSnapshot.Recorder recorder() {
			return new ChannelSnapshot.Recorder();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Import(UserNioLoopsConfiguration.class)
	static class NioKeepAliveOffConfiguration {

		@Bean
		ClientHttpConnectorBuilderCustomizer<ReactorClientHttpConnectorBuilder> userNioKeepAliveOff(
				LoopResources userNioLoops, ChannelSnapshot.Recorder recorder) {
			return (builder) -> builder
				.withHttpClientCustomizer((client) -> recorder.record(nioKeepAliveOff(client, userNioLoops)));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Import(UserNioLoopsConfiguration.class)
	static class EarlyNioKeepAliveOffConfiguration {

		// After Boot's own @Order(0) one, which sets the shared loop resources, and
		// before
		// the starter's
		@Bean
		@Order(5)
		ClientHttpConnectorBuilderCustomizer<ReactorClientHttpConnectorBuilder> userNioKeepAliveOff(
				LoopResources userNioLoops) {
			return (builder) -> builder.withHttpClientCustomizer((client) -> nioKeepAliveOff(client, userNioLoops));
		}

		@Bean
		@Order(20)
		ClientHttpConnectorBuilderCustomizer<ReactorClientHttpConnectorBuilder> recording(
				ChannelSnapshot.Recorder recorder) {
			return (builder) -> builder.withHttpClientCustomizer(recorder::record);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ReactorConnectorIdleConfiguration {

		@Bean
		ClientHttpConnectorBuilderCustomizer<ReactorClientHttpConnectorBuilder> userIdle() {
			return (builder) -> builder
				.withHttpClientCustomizer((client) -> client.option(ChannelSnapshot.idleOption(), USER_IDLE));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ReactorRequestFactoryIdleConfiguration {

		@Bean
		ClientHttpRequestFactoryBuilderCustomizer<ReactorClientHttpRequestFactoryBuilder> userIdle() {
			return (builder) -> builder
				.withHttpClientCustomizer((client) -> client.option(ChannelSnapshot.idleOption(), USER_IDLE));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SocketConfigIdleConfiguration {

		@Bean
		ClientHttpRequestFactoryBuilderCustomizer<HttpComponentsClientHttpRequestFactoryBuilder> userIdle() {
			return (builder) -> builder
				.withSocketConfigCustomizer((socketConfig) -> socketConfig.setTcpKeepIdle(USER_IDLE));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ConnectionFactoryConfiguration {

		@Bean
		AtomicInteger userConnections() {
			return new AtomicInteger();
		}

		@Bean
		ClientHttpRequestFactoryBuilderCustomizer<HttpComponentsClientHttpRequestFactoryBuilder> userConnectionFactory(
				AtomicInteger userConnections) {
			HttpConnectionFactory<ManagedHttpClientConnection> factory = (Socket socket) -> {
				userConnections.incrementAndGet();
				return ManagedHttpClientConnectionFactory.INSTANCE.createConnection(socket);
			};
			return (builder) -> builder.withConnectionManagerCustomizer(
					(connectionManager) -> connectionManager.setConnectionFactory(factory));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SessionListenerConfiguration {

		@Bean
		AtomicInteger userSessions() {
			return new AtomicInteger();
		}

		@Bean
		ClientHttpConnectorBuilderCustomizer<HttpComponentsClientHttpConnectorBuilder> userSessionListener(
				AtomicInteger userSessions) {
			IOSessionListener listener = new CountingSessionListener(userSessions);
			return (builder) -> builder
				.withHttpClientCustomizer((httpClient) -> httpClient.setIOSessionListener(listener));
		}

	}

	private record CountingSessionListener(AtomicInteger connected) implements IOSessionListener {

		@Override
		public void connected(IOSession session) {
			this.connected.incrementAndGet();
		}

		@Override
		public void startTls(IOSession session) {
		}

		@Override
		public void inputReady(IOSession session) {
		}

		@Override
		public void outputReady(IOSession session) {
		}

		@Override
		public void timeout(IOSession session) {
		}

		@Override
		public void exception(IOSession session, Exception ex) {
		}

		@Override
		public void disconnected(IOSession session) {
		}

	}

}
