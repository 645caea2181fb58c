package dev.tcpkeepalive.autoconfigure;

import java.util.function.Consumer;

import dev.tcpkeepalive.TcpKeepAliveSettings;
import dev.tcpkeepalive.client.Client;
import dev.tcpkeepalive.jetty.JettyKeepAlive;
import dev.tcpkeepalive.observe.KeepAliveObservations;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.reactive.client.ReactiveRequest;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.http.client.JettyClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.boot.http.client.autoconfigure.reactive.ClientHttpConnectorBuilderCustomizer;
import org.springframework.boot.http.client.reactive.JettyClientHttpConnectorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.client.reactive.JettyClientHttpConnector;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for TCP keepalive on Jetty
 * HttpClient connections: RestClient, RestTemplate and HTTP service clients on the Jetty
 * request factory, and WebClient on the Jetty connector.
 * <p>
 * The customizers only add listeners to the {@link ClientConnector}, ordered after Boot's
 * own customizers, so a listener an application adds itself runs later and its socket
 * options win.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = TcpKeepAliveAutoConfiguration.class,
		beforeName = {
				"org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration",
				"org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration" })
@ConditionalOnClass({ HttpClient.class, ClientConnector.class })
public final class JettyTcpKeepAliveAutoConfiguration {

	static final String JETTY_ENABLED = "azure.tcp-keepalive.jetty.enabled";

	static Consumer<ClientConnector> keepAlive(TcpKeepAliveSettings settings, KeepAliveObservations observations) {
		observations.asked(Client.JETTY, settings);
		return (connector) -> JettyKeepAlive.apply(settings, connector);
	}

	static Consumer<ClientConnector> observer(KeepAliveObservations observations) {
		return (connector) -> JettyKeepAlive.observe(connector,
				(observed) -> observations.record(Client.JETTY, observed));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(JettyClientHttpRequestFactoryBuilder.class)
	static class JettyRequestFactoryConfiguration {

		@Bean
		@Order(TcpKeepAliveAutoConfiguration.CUSTOMIZER_ORDER)
		@ConditionalOnBooleanProperty(name = TcpKeepAliveAutoConfiguration.ENABLED, matchIfMissing = true)
		@ConditionalOnBooleanProperty(name = JETTY_ENABLED, matchIfMissing = true)
		ClientHttpRequestFactoryBuilderCustomizer<JettyClientHttpRequestFactoryBuilder> jettyTcpKeepAliveRequestFactoryCustomizer(
				TcpKeepAliveSettings settings, KeepAliveObservations observations) {
			return (builder) -> builder.withClientConnectorCustomizerCustomizer(keepAlive(settings, observations));
		}

		@Bean
		@Order(TcpKeepAliveAutoConfiguration.CUSTOMIZER_ORDER)
		ClientHttpRequestFactoryBuilderCustomizer<JettyClientHttpRequestFactoryBuilder> jettyTcpKeepAliveRequestFactoryObserver(
				KeepAliveObservations observations) {
			return (builder) -> builder.withClientConnectorCustomizerCustomizer(observer(observations));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ ReactiveRequest.class, JettyClientHttpConnector.class,
			JettyClientHttpConnectorBuilder.class })
	static class JettyConnectorConfiguration {

		@Bean
		@Order(TcpKeepAliveAutoConfiguration.CUSTOMIZER_ORDER)
		@ConditionalOnBooleanProperty(name = TcpKeepAliveAutoConfiguration.ENABLED, matchIfMissing = true)
		@ConditionalOnBooleanProperty(name = JETTY_ENABLED, matchIfMissing = true)
		ClientHttpConnectorBuilderCustomizer<JettyClientHttpConnectorBuilder> jettyTcpKeepAliveConnectorCustomizer(
				TcpKeepAliveSettings settings, KeepAliveObservations observations) {
			return (builder) -> builder.withClientConnectorCustomizerCustomizer(keepAlive(settings, observations));
		}

		@Bean
		@Order(TcpKeepAliveAutoConfiguration.CUSTOMIZER_ORDER)
		ClientHttpConnectorBuilderCustomizer<JettyClientHttpConnectorBuilder> jettyTcpKeepAliveConnectorObserver(
				KeepAliveObservations observations) {
			return (builder) -> builder.withClientConnectorCustomizerCustomizer(observer(observations));
		}

	}

}
