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
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for TCP keepalive on Reactor Netty
 * connections: WebClient and HTTP service clients on the Reactor connector, and
 * RestClient or RestTemplate on the reactor request factory.
 * <p>
 * The customizer is ordered after Boot's {@code @Order(0)} one that installs the shared
 * loop resources, and it only adds one {@code doOnChannelInit} callback, so users' own
 * customizations still apply.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = TcpKeepAliveAutoConfiguration.class,
		beforeName = {
				"org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration",
				"org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration" })
@ConditionalOnClass({ HttpClient.class, Mono.class, ReactorClientHttpConnector.class,
		ReactorClientHttpConnectorBuilder.class, ReactorClientHttpRequestFactoryBuilder.class })
public final class ReactorNettyTcpKeepAliveAutoConfiguration {

	// One customizer for both of Boot's builders that run on Reactor Netty; Boot hands it
	// only the builder it really uses. It applies the settings only when keepalive and
	// Reactor Netty's switch are on, and always observes.
	@Bean
	@Order(TcpKeepAliveAutoConfiguration.CUSTOMIZER_ORDER)
	ReactorNettyKeepAliveCustomizer reactorNettyTcpKeepAliveCustomizer(TcpKeepAliveProperties properties,
			ObjectProvider<TcpKeepAliveSettings> settings, KeepAliveObservations observations) {
		return new ReactorNettyKeepAliveCustomizer(
				TcpKeepAliveAutoConfiguration.applied(properties, properties.getReactorNetty(), settings),
				observations);
	}

}
