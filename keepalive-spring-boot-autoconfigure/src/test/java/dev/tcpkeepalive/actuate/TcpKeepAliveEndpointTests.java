package dev.tcpkeepalive.actuate;

import java.io.IOException;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import dev.tcpkeepalive.NatSafety;
import dev.tcpkeepalive.actuate.TcpKeepAliveDescriptor.ClientDescriptor;
import dev.tcpkeepalive.actuate.TcpKeepAliveDescriptor.ConnectionsDescriptor;
import dev.tcpkeepalive.autoconfigure.TcpKeepAliveAutoConfiguration;
import dev.tcpkeepalive.autoconfigure.TcpKeepAliveEndpointAutoConfiguration;
import dev.tcpkeepalive.client.Client;
import dev.tcpkeepalive.observe.KeepAliveObservations;
import dev.tcpkeepalive.observe.ObservedKeepAlive;
import dev.tcpkeepalive.test.LoopbackHttpServer;
import jdk.net.ExtendedSocketOptions;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TcpKeepAliveEndpoint}, fed with options read back from real sockets.
 */
class TcpKeepAliveEndpointTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
				ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
				TcpKeepAliveAutoConfiguration.class, TcpKeepAliveEndpointAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=tcpkeepalive");

	@Test
	void beforeAnyConnectionNothingIsObservedAndNatSafetyComesFromTheSettings() {
		this.contextRunner.run((context) -> {
			TcpKeepAliveDescriptor report = endpoint(context).keepAlive();
			assertThat(report.clients()).containsOnlyKeys("http-components");
			assertThat(report.clients().get("http-components").observed()).isNull();
			assertThat(report.natSafety()).isEqualTo(new NatSafety(true, 150, 240,
					"The settings keep idle connections alive: idle + interval is 150s, below the 240s NAT idle timeout."));
		});
	}

	@Test
	void whenAClientCannotBeCoveredThenNatSafetyIsUnsafeBeforeItEverConnects() {
		this.contextRunner.withPropertyValues("spring.http.clients.imperative.factory=jdk").run((context) -> {
			TcpKeepAliveDescriptor report = endpoint(context).keepAlive();
			assertThat(report.clients().get("jdk").status()).isEqualTo("not-covered");
			assertThat(report.natSafety().safe()).isFalse();
			assertThat(report.natSafety().message()).startsWith("The jdk client (RestClient) has no TCP keepalive");
		});
	}

	@Test
	void whenOneLibraryIsSwitchedOffThenNatSafetyNamesItBeforeItEverConnects() {
		this.contextRunner.withPropertyValues("azure.tcp-keepalive.http-components.enabled=false").run((context) -> {
			TcpKeepAliveDescriptor report = endpoint(context).keepAlive();
			assertThat(report.clients().get("http-components").status()).isEqualTo("disabled");
			assertThat(report.natSafety().safe()).isFalse();
			assertThat(report.natSafety().message()).startsWith("The http-components client (RestClient)");
		});
	}

	@Test
	void whenTheApplicationDefinesItsOwnBuilderThenItsClientIsNotCovered() {
		this.contextRunner
			.withBean("userBuilder", ClientHttpRequestFactoryBuilder.class,
					ClientHttpRequestFactoryBuilder::httpComponents)
			.run((context) -> {
				ClientDescriptor client = endpoint(context).client("http-components");
				assertThat(client.status()).isEqualTo("not-covered");
				assertThat(client.reason()).contains("defines its own client builder bean");
			});
	}

	@Test
	void whenAnAppliedClientsSocketCarriesOtherValuesThenItIsPartialWithTheRealValue() {
		withObservedSocket((socket) -> socket.setOption(ExtendedSocketOptions.TCP_KEEPIDLE, 77),
				(context, observed) -> {
					ClientDescriptor client = endpoint(context).client("http-components");
					assertThat(client.status()).isEqualTo("partial");
					assertThat(client.observed().idleSeconds()).isEqualTo(77);
					assertThat(client.reason()).contains("TCP_KEEPIDLE=77 instead of 120");
				});
	}

	@Test
	void whenAClientsSocketsCarryTheOsDefaultsThenNatSafetyIsUnsafeAndNamesTheClient() {
		withObservedSocket((socket) -> {
		}, (context, observed) -> {
			NatSafety natSafety = endpoint(context).keepAlive().natSafety();
			assertThat(natSafety.safe()).isFalse();
			assertThat(natSafety.worstCaseGapSeconds()).isEqualTo(observed.idleSeconds() + observed.intervalSeconds());
			assertThat(natSafety.message()).startsWith("The http-components client (RestClient) can stay silent");
		});
	}

	@Test
	void whenAClientsSocketsCarryNoKeepAliveThenNatSafetyNamesItAsUnprotected() {
		withObservedSocket((socket) -> socket.setOption(StandardSocketOptions.SO_KEEPALIVE, false),
				(context, observed) -> assertThat(endpoint(context).keepAlive().natSafety().message())
					.startsWith("The http-components client (RestClient) has no TCP keepalive"));
	}

	@Test
	void aSocketWhoseIdlePlusIntervalEqualsTheNatTimeoutIsUnsafe() {
		withObservedSocket((socket) -> {
			socket.setOption(ExtendedSocketOptions.TCP_KEEPIDLE, 210);
			socket.setOption(ExtendedSocketOptions.TCP_KEEPINTERVAL, 30);
		}, (context, observed) -> assertThat(endpoint(context).keepAlive().natSafety())
			.extracting(NatSafety::safe, NatSafety::worstCaseGapSeconds)
			.containsExactly(false, 240L));
	}

	@Test
	void aSocketWhoseIdlePlusIntervalIsOneSecondBelowTheNatTimeoutIsSafe() {
		withObservedSocket((socket) -> {
			socket.setOption(ExtendedSocketOptions.TCP_KEEPIDLE, 209);
			socket.setOption(ExtendedSocketOptions.TCP_KEEPINTERVAL, 30);
		}, (context, observed) -> assertThat(endpoint(context).keepAlive().natSafety())
			.extracting(NatSafety::safe, NatSafety::worstCaseGapSeconds)
			.containsExactly(true, 239L));
	}

	@Test
	void oneConnectionWithoutKeepAliveKeepsNatSafetyUnsafeAfterLaterOnesCarryTheSettings() {
		withObservedSockets((socket) -> socket.setOption(StandardSocketOptions.SO_KEEPALIVE, false), (context) -> {
			TcpKeepAliveDescriptor report = endpoint(context).keepAlive();
			ClientDescriptor client = report.clients().get("http-components");
			assertThat(client.connections()).isEqualTo(new ConnectionsDescriptor(2, 0, 1));
			assertThat(client.status()).isEqualTo("applied");
			assertThat(client.observed().soKeepAlive()).isTrue();
			assertThat(client.lastNotApplied().soKeepAlive()).isFalse();
			assertThat(report.natSafety().safe()).isFalse();
			assertThat(report.natSafety().message())
				.startsWith("The http-components client (RestClient) has no TCP keepalive");
		});
	}

	@Test
	void oneConnectionWhoseIdlePlusIntervalReachesTheNatTimeoutKeepsNatSafetyUnsafe() {
		withObservedSockets((socket) -> socket.setOption(ExtendedSocketOptions.TCP_KEEPIDLE, 210), (context) -> {
			TcpKeepAliveDescriptor report = endpoint(context).keepAlive();
			ClientDescriptor client = report.clients().get("http-components");
			assertThat(client.connections()).isEqualTo(new ConnectionsDescriptor(2, 1, 0));
			assertThat(client.lastNotApplied().idleSeconds()).isEqualTo(210);
			assertThat(report.natSafety()).extracting(NatSafety::safe, NatSafety::worstCaseGapSeconds)
				.containsExactly(false, 240L);
		});
	}

	@Test
	void anEarlierConnectionThatDiffersButKeepsTheNatAliveLeavesNatSafetySafeWithItsGap() {
		withObservedSockets((socket) -> socket.setOption(ExtendedSocketOptions.TCP_KEEPIDLE, 200), (context) -> {
			TcpKeepAliveDescriptor report = endpoint(context).keepAlive();
			assertThat(report.clients().get("http-components").connections())
				.isEqualTo(new ConnectionsDescriptor(2, 1, 0));
			assertThat(report.natSafety()).extracting(NatSafety::safe, NatSafety::worstCaseGapSeconds)
				.containsExactly(true, 230L);
		});
	}

	@Test
	void anUnknownOrAbsentClientHasNoEntry() {
		this.contextRunner.run((context) -> {
			assertThat(endpoint(context).client("http-components")).isNotNull();
			assertThat(endpoint(context).client("reactor")).isNull();
			assertThat(endpoint(context).client("jetty")).isNull();
		});
	}

	private void withObservedSocket(SocketSetup setup, BiConsumer<ApplicationContext, ObservedKeepAlive> check) {
		try (LoopbackHttpServer server = LoopbackHttpServer.start();
				Socket socket = new Socket(server.uri("/").getHost(), server.port())) {
			socket.setKeepAlive(true);
			setup.apply(socket);
			ObservedKeepAlive observed = ObservedKeepAlive.read(socket);
			this.contextRunner.run((context) -> {
				context.getBean(KeepAliveObservations.class).record(Client.HTTP_COMPONENTS, observed);
				check.accept(context, observed);
			});
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	// One connection set up by the test, then two that carry the settings, as if the
	// client recovered
	private void withObservedSockets(SocketSetup first, Consumer<ApplicationContext> check) {
		try (LoopbackHttpServer server = LoopbackHttpServer.start();
				Socket odd = new Socket(server.uri("/").getHost(), server.port());
				Socket applied = new Socket(server.uri("/").getHost(), server.port())) {
			odd.setKeepAlive(true);
			odd.setOption(ExtendedSocketOptions.TCP_KEEPINTERVAL, 30);
			first.apply(odd);
			applied.setKeepAlive(true);
			applied.setOption(ExtendedSocketOptions.TCP_KEEPIDLE, 120);
			applied.setOption(ExtendedSocketOptions.TCP_KEEPINTERVAL, 30);
			applied.setOption(ExtendedSocketOptions.TCP_KEEPCOUNT, 8);
			ObservedKeepAlive oddObserved = ObservedKeepAlive.read(odd);
			ObservedKeepAlive appliedObserved = ObservedKeepAlive.read(applied);
			this.contextRunner.run((context) -> {
				KeepAliveObservations observations = context.getBean(KeepAliveObservations.class);
				observations.record(Client.HTTP_COMPONENTS, oddObserved);
				observations.record(Client.HTTP_COMPONENTS, appliedObserved);
				observations.record(Client.HTTP_COMPONENTS, appliedObserved);
				check.accept(context);
			});
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static TcpKeepAliveEndpoint endpoint(ApplicationContext context) {
		return context.getBean(TcpKeepAliveEndpoint.class);
	}

	@FunctionalInterface
	private interface SocketSetup {

		void apply(Socket socket) throws IOException;

	}

}
