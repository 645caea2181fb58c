package dev.tcpkeepalive.autoconfigure;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientsProperties;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientsProperties.Factory;
import org.springframework.boot.thread.Threading;
import org.springframework.boot.util.LambdaSafe;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.task.VirtualThreadTaskExecutor;
import org.springframework.web.client.RestClient;

/**
 * {@link EnableAutoConfiguration Auto-configuration} that lets {@link RestClient} carry
 * keepalive in reactive web applications.
 * <p>
 * Boot switches its imperative HTTP client auto-configuration off in reactive
 * applications, and {@code RestClient.Builder} then detects a request factory without
 * applying any customizer, so keepalive would be silently missing. This fills that gap
 * with the builder Boot would have created in a servlet application; it backs off when
 * the application defines its own.
 *
 * @since 0.1.0
 */
@AutoConfiguration(
		afterName = "org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration",
		beforeName = { "org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration",
				"org.springframework.boot.restclient.autoconfigure.service.HttpServiceClientAutoConfiguration" })
@ConditionalOnWebApplication(type = Type.REACTIVE)
@ConditionalOnClass({ RestClient.class, ClientHttpRequestFactoryBuilder.class })
@ConditionalOnBooleanProperty(name = TcpKeepAliveAutoConfiguration.ENABLED, matchIfMissing = true)
@EnableConfigurationProperties(ImperativeHttpClientsProperties.class)
public final class ReactiveWebRestClientAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ClientHttpRequestFactoryBuilder<?> clientHttpRequestFactoryBuilder(ResourceLoader resourceLoader,
			Environment environment, ImperativeHttpClientsProperties properties,
			ObjectProvider<ClientHttpRequestFactoryBuilderCustomizer<?>> customizers) {
		ClientHttpRequestFactoryBuilder<?> builder = builderFor(properties.getFactory(), resourceLoader);
		if (builder instanceof JdkClientHttpRequestFactoryBuilder jdk && Threading.VIRTUAL.isActive(environment)) {
			builder = jdk.withExecutor(new VirtualThreadTaskExecutor("httpclient-"));
		}
		return customize(builder, customizers.orderedStream().toList());
	}

	private static ClientHttpRequestFactoryBuilder<?> builderFor(@Nullable Factory factory,
			ResourceLoader resourceLoader) {
		if (factory == null) {
			return ClientHttpRequestFactoryBuilder.detect(resourceLoader.getClassLoader());
		}
		return switch (factory) {
			case HTTP_COMPONENTS -> ClientHttpRequestFactoryBuilder.httpComponents();
			case JETTY -> ClientHttpRequestFactoryBuilder.jetty();
			case REACTOR -> ClientHttpRequestFactoryBuilder.reactor();
			case JDK -> ClientHttpRequestFactoryBuilder.jdk();
			case SIMPLE -> ClientHttpRequestFactoryBuilder.simple();
		};
	}

	// Mirrors Boot's ImperativeHttpClientAutoConfiguration so that every typed
	// customizer, not only ours, applies
	@SuppressWarnings("unchecked")
	private ClientHttpRequestFactoryBuilder<?> customize(ClientHttpRequestFactoryBuilder<?> builder,
			List<ClientHttpRequestFactoryBuilderCustomizer<?>> customizers) {
		ClientHttpRequestFactoryBuilder<?>[] result = { builder };
		LambdaSafe.callbacks(ClientHttpRequestFactoryBuilderCustomizer.class, customizers, result[0])
			.invoke((customizer) -> result[0] = customizer.customize(result[0]));
		return result[0];
	}

}
