package dev.tcpkeepalive.autoconfigure;

import java.util.List;

import dev.tcpkeepalive.observe.ClientCoverage;
import dev.tcpkeepalive.observe.ClientCoverage.Status;
import dev.tcpkeepalive.observe.ClientPath;
import dev.tcpkeepalive.test.LoopbackHttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link KeepAliveCoverage}.
 */
@ExtendWith(OutputCaptureExtension.class)
class KeepAliveCoverageTests {

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(HttpClientAutoConfiguration.class,
			ImperativeHttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
			TcpKeepAliveAutoConfiguration.class, ReactiveWebRestClientAutoConfiguration.class,
			RestClientAutoConfiguration.class, RestTemplateAutoConfiguration.class, WebClientAutoConfiguration.class);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(CONFIGURATIONS);

	@Test
	void whenHttpClient5IsPresentThenRestClientAndRestTemplateAreAppliedAndOneInfoLineSaysSo(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			ClientCoverage coverage = context.getBean(KeepAliveCoverage.class).client(ClientPath.HTTP_COMPONENTS);
			assertThat(coverage).isNotNull();
			assertThat(coverage.status()).isEqualTo(Status.APPLIED);
			assertThat(coverage.usedBy()).containsExactly("RestClient", "RestTemplate");
			assertThat(context.getBean(KeepAliveCoverage.class).client(ClientPath.REACTOR_NETTY).usedBy())
				.containsExactly("WebClient");
		});
		assertThat(output).containsOnlyOnce("TCP keepalive idle=120s, interval=30s, count=8, user-timeout=unset, "
				+ "nat-idle-timeout=240s; applied to: http-components (RestClient, RestTemplate), reactor-netty (WebClient)");
		assertThat(output).doesNotContain("WARN");
	}

	@Test
	void whenRestClientIsLeftWithTheJdkClientThenItIsNotCoveredAndAWarningNamesTheFix(CapturedOutput output) {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.apache.hc.client5", "reactor.netty", "org.eclipse.jetty"))
			.run((context) -> {
				ClientCoverage coverage = context.getBean(KeepAliveCoverage.class).client(ClientPath.JDK);
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
			ClientCoverage coverage = context.getBean(KeepAliveCoverage.class).client(ClientPath.HTTP_COMPONENTS);
			assertThat(coverage.status()).isEqualTo(Status.PARTIAL);
			assertThat(coverage.unsupported()).containsExactly("TCP_USER_TIMEOUT");
		});
		assertThat(output).contains("user-timeout=20000ms")
			.contains("TCP keepalive is partial for http-components (RestClient, RestTemplate): TCP_USER_TIMEOUT "
					+ "cannot be set by Apache HttpClient 5");
	}

	@Test
	void whenDisabledThenEveryClientIsDisabledWithoutWarnings(CapturedOutput output) {
		this.contextRunner.withPropertyValues("azure.tcp-keepalive.enabled=false").run((context) -> {
			List<ClientCoverage> clients = context.getBean(KeepAliveCoverage.class).clients();
			assertThat(clients).isNotEmpty().allSatisfy((client) -> assertThat(client.status()).isEqualTo(Status.DISABLED));
		});
		assertThat(output).contains("TCP keepalive is disabled (azure.tcp-keepalive.enabled=false)")
			.doesNotContain("WARN");
	}

	@Test
	void whenOneLibraryIsSwitchedOffThenOnlyItIsDisabled() {
		this.contextRunner.withPropertyValues("azure.tcp-keepalive.reactor-netty.enabled=false").run((context) -> {
			KeepAliveCoverage coverage = context.getBean(KeepAliveCoverage.class);
			assertThat(coverage.client(ClientPath.REACTOR_NETTY).status()).isEqualTo(Status.DISABLED);
			assertThat(coverage.client(ClientPath.HTTP_COMPONENTS).status()).isEqualTo(Status.APPLIED);
		});
	}

	@Test
	void inAReactiveAppRestClientGoesThroughTheBuilderTheStarterProvides() {
		new ReactiveWebApplicationContextRunner().withConfiguration(CONFIGURATIONS).run((context) -> {
			ClientCoverage coverage = context.getBean(KeepAliveCoverage.class).client(ClientPath.HTTP_COMPONENTS);
			assertThat(coverage.status()).isEqualTo(Status.APPLIED);
			assertThat(coverage.usedBy()).contains("RestClient");
		});
	}

	@Test
	void inADisabledReactiveAppRestClientIsStillReportedFromWhatBootDetects() {
		new ReactiveWebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues("azure.tcp-keepalive.enabled=false")
			.run((context) -> assertThat(context.getBean(KeepAliveCoverage.class).client(ClientPath.HTTP_COMPONENTS))
				.satisfies((coverage) -> assertThat(coverage.status()).isEqualTo(Status.DISABLED)));
	}

	@Test
	void theNettyTransportIsTheOneReactorNettyReallyConnectsWith() {
		try (LoopbackHttpServer server = LoopbackHttpServer.start()) {
			String channel = reactor.netty.http.client.HttpClient.create()
				.get()
				.uri(server.uri("/hello"))
				.responseConnection((response, connection) -> Mono.just(connection.channel().getClass().getSimpleName()))
				.blockLast();
			this.contextRunner.run((context) -> {
				String transport = context.getBean(KeepAliveCoverage.class).nettyTransport();
				assertThat(channel).startsWithIgnoringCase(transport.replace("_", ""));
			});
		}
	}

	@Test
	void whenReactorNettyIsAbsentThenThereIsNoNettyTransport() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(reactor.netty.http.client.HttpClient.class))
			.run((context) -> assertThat(context.getBean(KeepAliveCoverage.class).nettyTransport()).isNull());
	}

}
