package dev.tcpkeepalive.autoconfigure;

import dev.tcpkeepalive.TcpKeepAliveSettings;
import dev.tcpkeepalive.client.Client;
import dev.tcpkeepalive.observe.KeepAliveObservations;
import dev.tcpkeepalive.reactor.ReactorNettyKeepAlive;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
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
 * loop resources, and they only add {@code doOnChannelInit} and {@code doOnConnected}
 * callbacks, so users' own customizations still apply.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = TcpKeepAliveAutoConfiguration.class,
		beforeName = {
				"org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration",
				"org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration" })
@ConditionalOnClass(HttpClient.class)
public final class ReactorNettyTcpKeepAliveAutoConfiguration {

	static final String REACTOR_NETTY_ENABLED = "azure.tcp-keepalive.reactor-netty.enabled";

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ Mono.class, ReactorClientHttpConnector.class, ReactorClientHttpConnectorBuilder.class })
	static class ReactorNettyConnectorConfiguration {

		@Bean
		@Order(TcpKeepAliveAutoConfiguration.CUSTOMIZER_ORDER)
		@ConditionalOnBooleanProperty(name = TcpKeepAliveAutoConfiguration.ENABLED, matchIfMissing = true)
		@ConditionalOnBooleanProperty(name = REACTOR_NETTY_ENABLED, matchIfMissing = true)
		ClientHttpConnectorBuilderCustomizer<ReactorClientHttpConnectorBuilder> reactorNettyTcpKeepAliveConnectorCustomizer(
				TcpKeepAliveSettings settings, KeepAliveReporter reporter) {
			return new ReactorNettyKeepAliveCustomizer(settings, reporter);
		}

		@Bean
		@Order(TcpKeepAliveAutoConfiguration.CUSTOMIZER_ORDER)
		ClientHttpConnectorBuilderCustomizer<ReactorClientHttpConnectorBuilder> reactorNettyTcpKeepAliveConnectorObserver(
				KeepAliveObservations observations) {
			return new ReactorNettyObserver(observations);
		}

	}

	// Only when RestClient really runs on Reactor Netty; lambdas rather than the
	// connector's customizer classes, which need WebFlux
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ReactorClientHttpRequestFactoryBuilder.class)
	@Conditional(OnReactorRequestFactoryCondition.class)
	static class ReactorNettyRequestFactoryConfiguration {

		@Bean
		@Order(TcpKeepAliveAutoConfiguration.CUSTOMIZER_ORDER)
		@ConditionalOnBooleanProperty(name = TcpKeepAliveAutoConfiguration.ENABLED, matchIfMissing = true)
		@ConditionalOnBooleanProperty(name = REACTOR_NETTY_ENABLED, matchIfMissing = true)
		ClientHttpRequestFactoryBuilderCustomizer<ReactorClientHttpRequestFactoryBuilder> reactorNettyTcpKeepAliveRequestFactoryCustomizer(
				TcpKeepAliveSettings settings, KeepAliveReporter reporter) {
			return (builder) -> {
				reporter.customized(Client.REACTOR_NETTY);
				return builder
					.withHttpClientCustomizer((httpClient) -> ReactorNettyKeepAlive.apply(settings, httpClient));
			};
		}

		@Bean
		@Order(TcpKeepAliveAutoConfiguration.CUSTOMIZER_ORDER)
		ClientHttpRequestFactoryBuilderCustomizer<ReactorClientHttpRequestFactoryBuilder> reactorNettyTcpKeepAliveRequestFactoryObserver(
				KeepAliveObservations observations) {
			return (builder) -> builder.withHttpClientCustomizer((httpClient) -> ReactorNettyKeepAlive
				.observe(httpClient, (observed) -> observations.record(Client.REACTOR_NETTY, observed)));
		}

	}

}
