package dev.tcpkeepalive.autoconfigure;

import java.util.List;

import dev.tcpkeepalive.KeepAliveOption;
import dev.tcpkeepalive.TcpKeepAliveSettings;
import dev.tcpkeepalive.client.Client;
import dev.tcpkeepalive.client.ClientStatus;
import dev.tcpkeepalive.client.Status;
import dev.tcpkeepalive.observe.KeepAliveObservations;
import org.eclipse.jetty.reactive.client.ReactiveRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestTemplateAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JettyTcpKeepAliveAutoConfiguration}.
 */
class JettyTcpKeepAliveAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(TcpKeepAliveAutoConfiguration.class, JettyTcpKeepAliveAutoConfiguration.class,
						HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class,
						ReactiveHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
						RestTemplateAutoConfiguration.class, WebClientAutoConfiguration.class))
		.withPropertyValues("spring.http.clients.imperative.factory=jetty",
				"spring.http.clients.reactive.connector=jetty");

	@Test
	void whenJettyIsPresentThenOneCustomizerServesBothBuildersAndJettyIsApplied() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(JettyKeepAliveCustomizer.class);
			ClientStatus coverage = status(context);
			assertThat(coverage.status()).isEqualTo(Status.APPLIED);
			assertThat(coverage.usedBy()).containsExactly("RestClient", "RestTemplate", "WebClient");
			assertThat(coverage.reason()).isNull();
			assertThat(context.getBean(KeepAliveObservations.class).asked(Client.JETTY))
				.isEqualTo(context.getBean(TcpKeepAliveSettings.class));
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "azure.tcp-keepalive.enabled=false", "azure.tcp-keepalive.jetty.enabled=false" })
	void whenKeepAliveOrJettyIsSwitchedOffThenTheCustomizerOnlyObservesAndJettyIsReportedDisabled(String off) {
		this.runner.withPropertyValues(off).run((context) -> {
			assertThat(context).hasSingleBean(JettyKeepAliveCustomizer.class);
			assertThat(context.getBean(KeepAliveObservations.class).asked(Client.JETTY)).isNull();
			assertThat(status(context).status()).isEqualTo(Status.DISABLED);
		});
	}

	@Test
	void whenAUserTimeoutIsSetThenJettyIsPartialBecauseTheJdkCannotSetIt() {
		this.runner.withPropertyValues("azure.tcp-keepalive.user-timeout=20s").run((context) -> {
			ClientStatus coverage = status(context);
			assertThat(coverage.status()).isEqualTo(Status.PARTIAL);
			assertThat(coverage.unsupported()).containsExactly(KeepAliveOption.TCP_USER_TIMEOUT);
			assertThat(coverage.reason()).contains("cannot be set by Jetty's HttpClient");
		});
	}

	@Test
	void whenJettyIsAbsentThenNoJettyBeanIsDefinedAndNoJettyPathIsReported() {
		this.runner.withClassLoader(new FilteredClassLoader("org.eclipse.jetty"))
			.withPropertyValues("spring.http.clients.imperative.factory=http-components",
					"spring.http.clients.reactive.connector=reactor")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBeanNamesForType(Object.class)).noneMatch((name) -> name.startsWith("jetty"));
				assertThat(status(context)).isNull();
			});
	}

	@Test
	void whenOnlyTheReactiveJettyClientIsAbsentThenOnlyTheRequestFactoryRunsOnJetty() {
		this.runner.withClassLoader(new FilteredClassLoader(ReactiveRequest.class))
			.withPropertyValues("spring.http.clients.reactive.connector=reactor")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(JettyKeepAliveCustomizer.class);
				assertThat(status(context)).extracting(ClientStatus::status, ClientStatus::usedBy)
					.containsExactly(Status.APPLIED, List.of("RestClient", "RestTemplate"));
			});
	}

	private static @Nullable ClientStatus status(ApplicationContext context) {
		return context.getBean(KeepAliveReporter.class).reports().get().status(Client.JETTY);
	}

}
