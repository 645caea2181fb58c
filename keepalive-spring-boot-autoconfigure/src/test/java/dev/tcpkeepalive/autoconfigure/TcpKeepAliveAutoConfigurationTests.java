package dev.tcpkeepalive.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.tcpkeepalive.TcpKeepAliveSettings;
import dev.tcpkeepalive.client.Client;
import dev.tcpkeepalive.observe.KeepAliveObservations;
import dev.tcpkeepalive.observe.KeepAliveValues;
import dev.tcpkeepalive.observe.ObservedKeepAlive;
import dev.tcpkeepalive.test.LoopbackHttpServer;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.NoUniqueBeanDefinitionException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TcpKeepAliveAutoConfiguration} and
 * {@link ReactiveWebRestClientAutoConfiguration}.
 */
class TcpKeepAliveAutoConfigurationTests {

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(HttpClientAutoConfiguration.class,
			ImperativeHttpClientAutoConfiguration.class, TcpKeepAliveAutoConfiguration.class,
			ReactiveWebRestClientAutoConfiguration.class);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(CONFIGURATIONS);

	@Test
	void whenNothingIsConfiguredThenTheDefaultsDefendAgainstAzuresFourMinuteTimeout() {
		this.contextRunner.run((context) -> assertThat(context).getBean(TcpKeepAliveSettings.class)
			.isEqualTo(new TcpKeepAliveSettings(Duration.ofSeconds(120), Duration.ofSeconds(30), 8, null)));
	}

	@Test
	void whenDurationsHaveNoSuffixThenTheyAreSeconds() {
		this.contextRunner
			.withPropertyValues("azure.tcp-keepalive.idle=45", "azure.tcp-keepalive.interval=15",
					"azure.tcp-keepalive.count=5", "azure.tcp-keepalive.user-timeout=20",
					"azure.tcp-keepalive.nat-idle-timeout=300")
			.run((context) -> {
				assertThat(context).getBean(TcpKeepAliveSettings.class)
					.isEqualTo(new TcpKeepAliveSettings(Duration.ofSeconds(45), Duration.ofSeconds(15), 5,
							Duration.ofSeconds(20)));
				assertThat(context.getBean(TcpKeepAliveProperties.class).getNatIdleTimeout())
					.isEqualTo(Duration.ofMinutes(5));
			});
	}

	@Test
	void whenHttpComponentsIsPresentThenBootsBuilderMakesSocketsWithTheSettings() {
		this.contextRunner
			.withPropertyValues("azure.tcp-keepalive.idle=43s", "azure.tcp-keepalive.interval=6s",
					"azure.tcp-keepalive.count=4")
			.run((context) -> assertThat(KeepAliveValues.of(requestThroughBootsBuilder(context)))
				.isEqualTo(KeepAliveValues.keepAlive(43, 6, 4)));
	}

	@Test
	void whenEnabledIsFalseThenNothingIsCustomized() {
		this.contextRunner.withPropertyValues("azure.tcp-keepalive.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(TcpKeepAliveSettings.class);
			assertThat(httpComponentsCustomizers(context)).doesNotContainKey("httpComponentsTcpKeepAliveCustomizer");
			// Observing stays on, so the endpoint can show the kernel defaults the
			// sockets really carry
			assertThat(context).hasSingleBean(KeepAliveObservations.class);
		});
	}

	@Test
	void whenHttpComponentsIsDisabledThenItsCustomizerBacksOff() {
		this.contextRunner.withPropertyValues("azure.tcp-keepalive.http-components.enabled=false").run((context) -> {
			assertThat(context).hasSingleBean(TcpKeepAliveSettings.class);
			assertThat(httpComponentsCustomizers(context)).doesNotContainKey("httpComponentsTcpKeepAliveCustomizer");
		});
	}

	@Test
	void whenHttpClient5IsMissingThenNoHttpComponentsCustomizerIsDefined() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(HttpClientBuilder.class)).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(TcpKeepAliveSettings.class);
			assertThat(httpComponentsCustomizers(context)).isEmpty();
		});
	}

	@Test
	void whenTheUserDefinesABuilderThenItIsLeftAlone() {
		this.contextRunner.withUserConfiguration(UserBuilderConfiguration.class)
			.run((context) -> assertThat(context).getBean(ClientHttpRequestFactoryBuilder.class)
				.isSameAs(UserBuilderConfiguration.BUILDER));
	}

	@Test
	void whenTheApplicationIsReactiveThenRestClientStillGetsACustomizedBuilder() {
		new ReactiveWebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues("azure.tcp-keepalive.idle=44s")
			.run((context) -> assertThat(KeepAliveValues.of(requestThroughBootsBuilder(context)))
				.isEqualTo(KeepAliveValues.keepAlive(44, 30, 8)));
	}

	@Test
	void whenTheApplicationIsReactiveAndTheUserDefinesABuilderThenItIsLeftAlone() {
		new ReactiveWebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withUserConfiguration(UserBuilderConfiguration.class)
			.run((context) -> assertThat(context).getBean(ClientHttpRequestFactoryBuilder.class)
				.isSameAs(UserBuilderConfiguration.BUILDER));
	}

	@Test
	void whenTheApplicationIsReactiveAndKeepAliveIsDisabledThenBootsOwnBehaviourIsKept() {
		new ReactiveWebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues("azure.tcp-keepalive.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ClientHttpRequestFactoryBuilder.class));
	}

	@Test
	void whenTheApplicationsOwnObservationsAskForTheSettingsThenTheContextStartsWithThem() {
		this.contextRunner.withUserConfiguration(ObservationsAskingForSettingsConfiguration.class)
			.withPropertyValues("azure.tcp-keepalive.idle=44s")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(requestThroughBootsBuilder(context))
					.extracting(ObservedKeepAlive::soKeepAlive, ObservedKeepAlive::idleSeconds)
					.containsExactly(true, 44);
			});
	}

	// Also when no customizer needs the settings: the reporter resolves them while the
	// context refreshes, not after the application has started
	@Test
	void whenTheApplicationDefinesTwoSettingsBeansAndNeitherIsPrimaryThenTheContextFailsToRefresh() {
		this.contextRunner.withUserConfiguration(TwoSettingsConfiguration.class)
			.withPropertyValues("azure.tcp-keepalive.http-components.enabled=false")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(NoUniqueBeanDefinitionException.class)
				.hasMessageContaining("expected single matching bean but found 2"));
	}

	// A real request through a factory from the builder bean Boot's clients use, read
	// back from its socket
	private static ObservedKeepAlive requestThroughBootsBuilder(ApplicationContext context) {
		try (LoopbackHttpServer server = LoopbackHttpServer.start()) {
			ClientHttpRequestFactory factory = context.getBean(ClientHttpRequestFactoryBuilder.class).build();
			RestClient.builder()
				.requestFactory(factory)
				.build()
				.get()
				.uri(server.uri("/hello"))
				.retrieve()
				.toBodilessEntity();
		}
		ObservedKeepAlive observed = context.getBean(KeepAliveObservations.class).latest(Client.HTTP_COMPONENTS);
		assertThat(observed).as("an observed HttpClient 5 connection").isNotNull();
		return observed;
	}

	private static Map<String, ClientHttpRequestFactoryBuilderCustomizer<?>> httpComponentsCustomizers(
			ApplicationContext context) {
		ResolvableType type = ResolvableType.forClassWithGenerics(ClientHttpRequestFactoryBuilderCustomizer.class,
				HttpComponentsClientHttpRequestFactoryBuilder.class);
		Map<String, ClientHttpRequestFactoryBuilderCustomizer<?>> customizers = new LinkedHashMap<>();
		for (String name : context.getBeanNamesForType(type)) {
			customizers.put(name, context.getBean(name, ClientHttpRequestFactoryBuilderCustomizer.class));
		}
		return customizers;
	}

	@Configuration(proxyBeanMethods = false)
	static class ObservationsAskingForSettingsConfiguration {

		@Bean
		KeepAliveObservations userObservations(ObjectProvider<TcpKeepAliveSettings> settings) {
			assertThat(settings.getIfAvailable()).isNotNull();
			return new KeepAliveObservations();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TwoSettingsConfiguration {

		@Bean
		TcpKeepAliveSettings firstSettings() {
			return TcpKeepAliveSettings.of(Duration.ofSeconds(61), Duration.ofSeconds(11), 5);
		}

		@Bean
		TcpKeepAliveSettings secondSettings() {
			return TcpKeepAliveSettings.of(Duration.ofSeconds(62), Duration.ofSeconds(12), 6);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserBuilderConfiguration {

		static final ClientHttpRequestFactoryBuilder<?> BUILDER = ClientHttpRequestFactoryBuilder.simple();

		@Bean
		ClientHttpRequestFactoryBuilder<?> userClientHttpRequestFactoryBuilder() {
			return BUILDER;
		}

	}

}
