package dev.tcpkeepalive.autoconfigure;

import java.time.Duration;
import java.util.List;

import dev.tcpkeepalive.KeepAliveOption;
import dev.tcpkeepalive.TcpKeepAliveSettings;
import dev.tcpkeepalive.client.Client;
import dev.tcpkeepalive.client.ClientStatus;
import dev.tcpkeepalive.client.Status;
import dev.tcpkeepalive.observe.ClientConnections;
import dev.tcpkeepalive.observe.ConnectionState;
import dev.tcpkeepalive.observe.KeepAliveObservations;
import dev.tcpkeepalive.test.LoopbackHttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestTemplateAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link KeepAliveReporter}.
 */
@ExtendWith(OutputCaptureExtension.class)
class KeepAliveReporterTests {

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(HttpClientAutoConfiguration.class,
			ImperativeHttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
			TcpKeepAliveAutoConfiguration.class, ReactorNettyTcpKeepAliveAutoConfiguration.class,
			ReactiveWebRestClientAutoConfiguration.class, RestClientAutoConfiguration.class,
			RestTemplateAutoConfiguration.class, WebClientAutoConfiguration.class);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(CONFIGURATIONS);

	@Test
	void whenHttpClient5IsPresentThenRestClientAndRestTemplateAreAppliedAndOneInfoLineSaysSo(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			ready(context.getSourceApplicationContext());
			ClientStatus coverage = status(context, Client.HTTP_COMPONENTS);
			assertThat(coverage).isNotNull();
			assertThat(coverage.status()).isEqualTo(Status.APPLIED);
			assertThat(coverage.usedBy()).containsExactly("RestClient", "RestTemplate");
			assertThat(status(context, Client.REACTOR_NETTY).usedBy()).containsExactly("WebClient");
		});
		assertThat(output).containsOnlyOnce("TCP keepalive idle=120s, interval=30s, count=8, user-timeout=unset, "
				+ "nat-idle-timeout=240s; applied to: http-components (RestClient, RestTemplate), reactor-netty (WebClient)");
		assertThat(output).doesNotContain("WARN");
	}

	@Test
	void whenTheApplicationDefinesItsOwnSettingsThenTheReportTheLogAndTheCountsAllUseThem(CapturedOutput output) {
		try (LoopbackHttpServer server = LoopbackHttpServer.start()) {
			this.contextRunner
				.withBean(TcpKeepAliveSettings.class,
						() -> TcpKeepAliveSettings.of(Duration.ofSeconds(60), Duration.ofSeconds(7), 4))
				.run((context) -> {
					ready(context.getSourceApplicationContext());
					context.getBean(RestClient.Builder.class)
						.build()
						.get()
						.uri(server.uri("/hello"))
						.retrieve()
						.body(String.class);
					TcpKeepAliveSettings reported = context.getBean(KeepAliveReporter.class).reports().get().settings();
					assertThat(reported)
						.extracting(TcpKeepAliveSettings::idleSeconds, TcpKeepAliveSettings::intervalSeconds,
								TcpKeepAliveSettings::count)
						.containsExactly(60, 7, 4);
					ClientConnections connections = context.getBean(KeepAliveObservations.class)
						.connections(Client.HTTP_COMPONENTS);
					assertThat(connections.latest())
						.extracting("soKeepAlive", "idleSeconds", "intervalSeconds", "count")
						.containsExactly(true, 60, 7, 4);
					assertThat(connections.count(ConnectionState.APPLIED)).isEqualTo(1);
					assertThat(status(context, Client.HTTP_COMPONENTS).status()).isEqualTo(Status.APPLIED);
				});
		}
		assertThat(output).contains("TCP keepalive idle=60s, interval=7s, count=4, ");
	}

	@Test
	void whenRestClientIsLeftWithTheJdkClientThenItIsNotCoveredAndAWarningNamesTheFix(CapturedOutput output) {
		this.contextRunner
			.withClassLoader(new FilteredClassLoader("org.apache.hc.client5", "reactor.netty", "org.eclipse.jetty"))
			.run((context) -> {
				ready(context.getSourceApplicationContext());
				ClientStatus coverage = status(context, Client.JDK);
				assertThat(coverage.status()).isEqualTo(Status.NOT_COVERED);
				assertThat(coverage.usedBy()).containsExactly("RestClient", "RestTemplate", "WebClient");
			});
		assertThat(output).containsOnlyOnce("WARN")
			.contains("TCP keepalive is not-covered for jdk (RestClient, RestTemplate, WebClient): the JDK HttpClient "
					+ "has no socket-option API: add org.apache.httpcomponents.client5:httpclient5 or set "
					+ "spring.http.clients.imperative.factory=http-components; set "
					+ "spring.http.clients.reactive.connector=reactor or http-components");
	}

	@Test
	void whenAUserTimeoutIsSetThenHttpComponentsIsPartialAndAWarningSaysWhy(CapturedOutput output) {
		this.contextRunner.withPropertyValues("azure.tcp-keepalive.user-timeout=20s").run((context) -> {
			ready(context.getSourceApplicationContext());
			ClientStatus coverage = status(context, Client.HTTP_COMPONENTS);
			assertThat(coverage.status()).isEqualTo(Status.PARTIAL);
			assertThat(coverage.unsupported()).containsExactly(KeepAliveOption.TCP_USER_TIMEOUT);
		});
		assertThat(output).contains("user-timeout=20000ms")
			.contains("TCP keepalive is partial for http-components (RestClient, RestTemplate): TCP_USER_TIMEOUT "
					+ "cannot be set by Apache HttpClient 5");
	}

	@Test
	void aZeroUserTimeoutIsTheOsDefaultAndWarnsAboutNothing(CapturedOutput output) {
		this.contextRunner.withPropertyValues("azure.tcp-keepalive.user-timeout=0").run((context) -> {
			ready(context.getSourceApplicationContext());
			assertThat(status(context, Client.HTTP_COMPONENTS).status()).isEqualTo(Status.APPLIED);
			assertThat(status(context, Client.REACTOR_NETTY).status()).isEqualTo(Status.APPLIED);
		});
		assertThat(output).contains("user-timeout=unset").doesNotContain("WARN");
	}

	@Test
	void aClientWhoseCustomizerNeverRanIsNotReportedAsApplied(CapturedOutput output) {
		// Without httpcore5-reactive the starter's async customizers are not registered
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.apache.hc.core5.reactive"))
			.withPropertyValues("spring.http.clients.reactive.connector=http-components")
			.run((context) -> {
				ready(context.getSourceApplicationContext());
				ClientStatus status = status(context, Client.HTTP_COMPONENTS_ASYNC);
				assertThat(status).extracting(ClientStatus::status, ClientStatus::usedBy)
					.containsExactly(Status.NOT_COVERED, List.of("WebClient"));
				assertThat(status.reason()).contains("httpcore5-reactive");
			});
		assertThat(output).contains("applied to: http-components (RestClient, RestTemplate)")
			.contains("TCP keepalive is not-covered for http-components-async (WebClient)");
	}

	@Test
	void whenDisabledThenEveryClientIsDisabledWithoutWarnings(CapturedOutput output) {
		this.contextRunner.withPropertyValues("azure.tcp-keepalive.enabled=false").run((context) -> {
			ready(context.getSourceApplicationContext());
			List<ClientStatus> clients = context.getBean(KeepAliveReporter.class).reports().get().clients();
			assertThat(clients).isNotEmpty()
				.allSatisfy((client) -> assertThat(client.status()).isEqualTo(Status.DISABLED));
		});
		assertThat(output).contains("TCP keepalive is disabled (azure.tcp-keepalive.enabled=false)")
			.doesNotContain("WARN");
	}

	@Test
	void theStartupLinesWaitForTheApplicationToBeReadyAndAreLoggedOnce(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			assertThat(output).doesNotContain("TCP keepalive idle=");
			ready(context.getSourceApplicationContext());
			ready(context.getSourceApplicationContext());
			assertThat(output).containsOnlyOnce("TCP keepalive idle=120s");
		});
	}

	@Test
	void whenOneLibraryIsSwitchedOffThenOnlyItIsDisabled() {
		this.contextRunner.withPropertyValues("azure.tcp-keepalive.reactor-netty.enabled=false").run((context) -> {
			assertThat(status(context, Client.REACTOR_NETTY).status()).isEqualTo(Status.DISABLED);
			assertThat(status(context, Client.HTTP_COMPONENTS).status()).isEqualTo(Status.APPLIED);
		});
	}

	@Test
	void inAReactiveAppRestClientGoesThroughTheBuilderTheStarterProvides() {
		new ReactiveWebApplicationContextRunner().withConfiguration(CONFIGURATIONS).run((context) -> {
			ClientStatus coverage = status(context, Client.HTTP_COMPONENTS);
			assertThat(coverage.status()).isEqualTo(Status.APPLIED);
			assertThat(coverage.usedBy()).contains("RestClient");
		});
	}

	@Test
	void inADisabledReactiveAppRestClientIsStillReportedFromWhatBootDetects() {
		new ReactiveWebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues("azure.tcp-keepalive.enabled=false")
			.run((context) -> assertThat(status(context, Client.HTTP_COMPONENTS))
				.satisfies((coverage) -> assertThat(coverage.status()).isEqualTo(Status.DISABLED)));
	}

	@Test
	void theNettyTransportIsTheOneReactorNettyReallyConnectsWith() {
		try (LoopbackHttpServer server = LoopbackHttpServer.start()) {
			String channel = reactor.netty.http.client.HttpClient.create()
				.get()
				.uri(server.uri("/hello"))
				.responseConnection(
						(response, connection) -> Mono.just(connection.channel().getClass().getSimpleName()))
				.blockLast();
			this.contextRunner.run((context) -> {
				String transport = context.getBean(KeepAliveReporter.class).reports().nettyTransport().id();
				assertThat(channel).startsWithIgnoringCase(transport.replace("_", ""));
			});
		}
	}

	@Test
	void whenReactorNettyIsAbsentThenThereIsNoNettyTransport() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(reactor.netty.http.client.HttpClient.class))
			.run((context) -> assertThat(context.getBean(KeepAliveReporter.class).reports().nettyTransport()).isNull());
	}

	// What SpringApplication publishes once the application has started; a context runner
	// does not
	private static void ready(ConfigurableApplicationContext context) {
		context.publishEvent(new ApplicationReadyEvent(new SpringApplication(), new String[0], context, Duration.ZERO));
	}

	static ClientStatus status(ApplicationContext context, Client client) {
		return context.getBean(KeepAliveReporter.class).reports().get().status(client);
	}

}
