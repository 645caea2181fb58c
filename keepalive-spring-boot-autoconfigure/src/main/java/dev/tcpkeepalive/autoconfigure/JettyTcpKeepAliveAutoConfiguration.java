package dev.tcpkeepalive.autoconfigure;

import dev.tcpkeepalive.TcpKeepAliveSettings;
import dev.tcpkeepalive.observe.KeepAliveObservations;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.io.ClientConnector;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.http.client.JettyClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.reactive.JettyClientHttpConnectorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for TCP keepalive on Jetty
 * HttpClient connections: RestClient, RestTemplate and HTTP service clients on the Jetty
 * request factory, and WebClient on the Jetty connector.
 * <p>
 * The customizer only adds listeners to the {@link ClientConnector}, ordered after Boot's
 * own customizers, so a listener an application adds itself runs later and its socket
 * options win.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = TcpKeepAliveAutoConfiguration.class,
		beforeName = {
				"org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration",
				"org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration" })
@ConditionalOnClass({ HttpClient.class, ClientConnector.class, JettyClientHttpRequestFactoryBuilder.class,
		JettyClientHttpConnectorBuilder.class })
public final class JettyTcpKeepAliveAutoConfiguration {

	// One customizer for both of Boot's Jetty builders; Boot hands it only the builders
	// it
	// really uses (the connector only with jetty-reactive-httpclient). It applies the
	// settings only when keepalive and Jetty's switch are on, and always observes.
	@Bean
	@Order(TcpKeepAliveAutoConfiguration.CUSTOMIZER_ORDER)
	JettyKeepAliveCustomizer jettyTcpKeepAliveCustomizer(TcpKeepAliveProperties properties,
			ObjectProvider<TcpKeepAliveSettings> settings, KeepAliveObservations observations) {
		return new JettyKeepAliveCustomizer(
				TcpKeepAliveAutoConfiguration.applied(properties, properties.getJetty(), settings), observations);
	}

}
