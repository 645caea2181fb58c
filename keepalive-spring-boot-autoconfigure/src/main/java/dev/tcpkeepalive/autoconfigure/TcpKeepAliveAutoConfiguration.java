package dev.tcpkeepalive.autoconfigure;

import java.util.List;

import dev.tcpkeepalive.InvalidTcpKeepAliveSettingException;
import dev.tcpkeepalive.TcpKeepAliveSettings;
import dev.tcpkeepalive.httpcomponents.KeepAliveIOReactorConfig;
import dev.tcpkeepalive.httpcomponents.ObservingIOSessionListener;
import dev.tcpkeepalive.client.Client;
import dev.tcpkeepalive.observe.KeepAliveObservations;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.reactive.ReactiveResponseConsumer;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.boot.http.client.autoconfigure.reactive.ClientHttpConnectorBuilderCustomizer;
import org.springframework.boot.http.client.reactive.HttpComponentsClientHttpConnectorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for TCP keepalive on outbound HTTP
 * connections.
 * <p>
 * Keepalive is contributed through Boot's typed builder customizers, so Boot's own client
 * beans, the {@code spring.http.clients.*} settings and users' customizers stay in force.
 * Observation of real sockets stays on when keepalive is disabled, so the endpoint can
 * show what the kernel defaults really are.
 *
 * @since 0.1.0
 */
@AutoConfiguration(beforeName = {
		"org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration",
		"org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration" })
@EnableConfigurationProperties(TcpKeepAliveProperties.class)
public final class TcpKeepAliveAutoConfiguration {

	static final String ENABLED = "azure.tcp-keepalive.enabled";

	static final String HTTP_COMPONENTS_ENABLED = "azure.tcp-keepalive.http-components.enabled";

	/**
	 * Order of the starter's keepalive customizers: after Boot's own {@code @Order(0)}
	 * ones and before unordered user customizers, so that a user's explicit setting wins.
	 */
	static final int CUSTOMIZER_ORDER = 10;

	/**
	 * Order of the observers that install a connection factory or session listener
	 * through a plain setter: first, so that a user's own factory or listener replaces
	 * the observer rather than the other way round.
	 */
	static final int OBSERVER_ORDER = Ordered.HIGHEST_PRECEDENCE;

	// The properties that must not be set to an empty value
	private static final List<String> VALUES = List.of("idle", "interval", "count", "nat-idle-timeout", "user-timeout");

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = ENABLED, matchIfMissing = true)
	TcpKeepAliveSettings tcpKeepAliveSettings(TcpKeepAliveProperties properties, Environment environment) {
		return validSettings(properties, environment);
	}

	@Bean
	@ConditionalOnMissingBean
	KeepAliveObservations tcpKeepAliveObservations() {
		return new KeepAliveObservations();
	}

	// Validates the settings also when keepalive is disabled, so that a bad value never
	// waits for the day it is used
	@Bean
	KeepAliveReporter tcpKeepAliveReporter(TcpKeepAliveProperties properties,
			ObjectProvider<TcpKeepAliveSettings> settings, KeepAliveObservations observations, Environment environment,
			ListableBeanFactory beanFactory, ResourceLoader resourceLoader) {
		TcpKeepAliveSettings validated = validSettings(properties, environment);
		// What the customizers apply: the application's own settings bean if it has one
		TcpKeepAliveSettings applied = properties.isEnabled() ? settings.getIfAvailable() : null;
		TcpKeepAliveSettings reported = (applied != null) ? applied : validated;
		return new KeepAliveReporter(new KeepAliveReports(properties.isEnabled(), reported, properties.natIdleTimeout(),
				observations, environment, beanFactory, resourceLoader.getClassLoader()));
	}

	/**
	 * Return the settings a client's customizer applies: none when keepalive or the
	 * client's switch is off, so that the customizer then only observes.
	 * @param properties the properties
	 * @param clientSwitch the client's switch
	 * @param settings the settings bean, the application's own if it defines one
	 * @return the settings, or {@code null}
	 */
	static @Nullable TcpKeepAliveSettings applied(TcpKeepAliveProperties properties,
			TcpKeepAliveProperties.Switch clientSwitch, ObjectProvider<TcpKeepAliveSettings> settings) {
		return (properties.isEnabled() && clientSwitch.isEnabled()) ? settings.getIfAvailable() : null;
	}

	private static TcpKeepAliveSettings validSettings(TcpKeepAliveProperties properties, Environment environment) {
		requireNoEmptyValues(environment);
		return properties.toSettings();
	}

	// Boot converts an empty duration or number to "no value" and keeps the field's
	// default, which also hides a value from a lower property source such as
	// application.properties: a silent change the user did not ask for. Here rather than
	// in a class of its own, which every application would load at startup.
	private static void requireNoEmptyValues(Environment environment) {
		Binder binder = Binder.get(environment);
		for (String name : VALUES) {
			String value = binder.bind("azure.tcp-keepalive." + name, Bindable.of(String.class)).orElse(null);
			if (value != null && value.isBlank()) {
				throw new InvalidTcpKeepAliveSettingException(name, value, "a value; an empty value is not a default",
						"Remove the empty azure.tcp-keepalive.%s so that the configured or built-in value applies, or give it a value."
							.formatted(name));
			}
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ HttpClientBuilder.class, HttpComponentsClientHttpRequestFactoryBuilder.class })
	static class HttpComponentsConfiguration {

		@Bean
		@Order(CUSTOMIZER_ORDER)
		@ConditionalOnBooleanProperty(name = ENABLED, matchIfMissing = true)
		@ConditionalOnBooleanProperty(name = HTTP_COMPONENTS_ENABLED, matchIfMissing = true)
		ClientHttpRequestFactoryBuilderCustomizer<HttpComponentsClientHttpRequestFactoryBuilder> httpComponentsTcpKeepAliveCustomizer(
				TcpKeepAliveSettings settings, KeepAliveObservations observations) {
			return new HttpComponentsKeepAliveCustomizer(settings, observations);
		}

		@Bean
		@Order(OBSERVER_ORDER)
		ClientHttpRequestFactoryBuilderCustomizer<HttpComponentsClientHttpRequestFactoryBuilder> httpComponentsTcpKeepAliveObserver(
				KeepAliveObservations observations) {
			return new HttpComponentsObserver(observations);
		}

	}

	// CloseableHttpAsyncClient rather than its builder, from the same jar: a small class
	// that WebClient's builder loads anyway, where the condition would load the large
	// builder class only to find, in most applications, httpcore5-reactive missing
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ CloseableHttpAsyncClient.class, ReactiveResponseConsumer.class, Mono.class,
			HttpComponentsClientHttpConnectorBuilder.class })
	static class HttpComponentsAsyncConfiguration {

		// The last IOReactorConfig set wins, so a user's own stays in force
		@Bean
		@Order(CUSTOMIZER_ORDER)
		@ConditionalOnBooleanProperty(name = ENABLED, matchIfMissing = true)
		@ConditionalOnBooleanProperty(name = HTTP_COMPONENTS_ENABLED, matchIfMissing = true)
		ClientHttpConnectorBuilderCustomizer<HttpComponentsClientHttpConnectorBuilder> httpComponentsAsyncTcpKeepAliveCustomizer(
				TcpKeepAliveSettings settings, KeepAliveObservations observations) {
			return (builder) -> {
				observations.asked(Client.HTTP_COMPONENTS_ASYNC, settings);
				return builder.withHttpClientCustomizer(
						(httpClient) -> httpClient.setIOReactorConfig(KeepAliveIOReactorConfig.of(settings)));
			};
		}

		@Bean
		@Order(OBSERVER_ORDER)
		ClientHttpConnectorBuilderCustomizer<HttpComponentsClientHttpConnectorBuilder> httpComponentsAsyncTcpKeepAliveObserver(
				KeepAliveObservations observations) {
			return (builder) -> builder.withHttpClientCustomizer((httpClient) -> httpClient.setIOSessionListener(
					new ObservingIOSessionListener(observations.connections(Client.HTTP_COMPONENTS_ASYNC))));
		}

	}

}
