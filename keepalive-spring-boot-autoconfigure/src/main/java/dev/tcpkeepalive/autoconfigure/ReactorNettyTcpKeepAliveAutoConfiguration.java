package dev.tcpkeepalive.autoconfigure;

import dev.tcpkeepalive.TcpKeepAliveSettings;
import dev.tcpkeepalive.observe.KeepAliveObservations;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.http.client.ReactorClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.boot.http.client.autoconfigure.reactive.ClientHttpConnectorBuilderCustomizer;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for TCP keepalive on Reactor Netty
 * connections: WebClient and HTTP service clients on the Reactor connector, and
 * RestClient or RestTemplate on the reactor request factory.
 * <p>
 * The customizers are ordered after Boot's {@code @Order(0)} one that installs the shared
 * loop resources, and they only add a {@code doOnChannelInit} callback, so users' own
 * customizations still apply.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = TcpKeepAliveAutoConfiguration.class,
		beforeName = {
				"org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration",
				"org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration" })
@ConditionalOnClass({ HttpClient.class, Mono.class, ReactorClientHttpConnector.class,
		ReactorClientHttpConnectorBuilder.class })
public final class ReactorNettyTcpKeepAliveAutoConfiguration {

	// One customizer per builder, applying the settings only when keepalive and Reactor
	// Netty's switch are on, and always observing
	@Bean
	@Order(TcpKeepAliveAutoConfiguration.CUSTOMIZER_ORDER)
	ClientHttpConnectorBuilderCustomizer<ReactorClientHttpConnectorBuilder> reactorNettyTcpKeepAliveConnectorCustomizer(
			TcpKeepAliveProperties properties, ObjectProvider<TcpKeepAliveSettings> settings,
			KeepAliveObservations observations) {
		return new ReactorNettyKeepAliveCustomizer(
				TcpKeepAliveAutoConfiguration.applied(properties, properties.getReactorNetty(), settings),
				observations);
	}

	// Only when RestClient really runs on Reactor Netty; Boot's spring-boot-http-client
	// holds both builders, so this needs no more classes than the connector's customizer
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ReactorClientHttpRequestFactoryBuilder.class)
	@Conditional(OnReactorRequestFactoryCondition.class)
	static class ReactorNettyRequestFactoryConfiguration {

		@Bean
		@Order(TcpKeepAliveAutoConfiguration.CUSTOMIZER_ORDER)
		ClientHttpRequestFactoryBuilderCustomizer<ReactorClientHttpRequestFactoryBuilder> reactorNettyTcpKeepAliveRequestFactoryCustomizer(
				TcpKeepAliveProperties properties, ObjectProvider<TcpKeepAliveSettings> settings,
				KeepAliveObservations observations) {
			ReactorNettyKeepAliveCustomizer customizer = new ReactorNettyKeepAliveCustomizer(
					TcpKeepAliveAutoConfiguration.applied(properties, properties.getReactorNetty(), settings),
					observations);
			return (builder) -> {
				customizer.asked();
				return builder.withHttpClientCustomizer(customizer);
			};
		}

	}

}
