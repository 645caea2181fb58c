package dev.tcpkeepalive.autoconfigure;

import java.time.Duration;

import dev.tcpkeepalive.reactor.ChannelSnapshot;
import dev.tcpkeepalive.test.LoopbackHttpServer;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.ReactorClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ClientHttpConnectorBuilderCustomizer;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * An application context with Boot's HTTP client auto-configurations and the starter's,
 * and real requests through the clients it builds.
 */
final class HttpClientsContext {

	static final AutoConfigurations AUTO_CONFIGURATIONS = AutoConfigurations.of(TcpKeepAliveAutoConfiguration.class,
			ReactorNettyTcpKeepAliveAutoConfiguration.class, JettyTcpKeepAliveAutoConfiguration.class,
			HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class,
			ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
			RestClientAutoConfiguration.class);

	static final String[] SETTINGS = { "azure.tcp-keepalive.idle=41s", "azure.tcp-keepalive.interval=7s",
			"azure.tcp-keepalive.count=5", "azure.tcp-keepalive.user-timeout=20s",
			// Nothing is in flight when a test's context closes, so Reactor Netty need
			// not wait before shutting down
			"spring.reactor.netty.shutdown-quiet-period=0s" };

	private HttpClientsContext() {
	}

	static ApplicationContextRunner runner() {
		return new ApplicationContextRunner().withConfiguration(AUTO_CONFIGURATIONS).withPropertyValues(SETTINGS);
	}

	static String getWithWebClient(ApplicationContext context, LoopbackHttpServer server) {
		return context.getBean(WebClient.Builder.class)
			.build()
			.get()
			.uri(server.uri("/hello"))
			.retrieve()
			.bodyToMono(String.class)
			.block(Duration.ofSeconds(10));
	}

	static String getWithRestClient(ApplicationContext context, LoopbackHttpServer server) {
		return context.getBean(RestClient.Builder.class)
			.build()
			.get()
			.uri(server.uri("/hello"))
			.retrieve()
			.body(String.class);
	}

	/**
	 * Records every Reactor Netty connection, as a user's own customizers would, after
	 * the starter's.
	 */
	@Configuration(proxyBeanMethods = false)
	static class RecordingConfiguration {

		@Bean
		ChannelSnapshot.Recorder recorder() {
			return new ChannelSnapshot.Recorder();
		}

		@Bean
		ClientHttpConnectorBuilderCustomizer<ReactorClientHttpConnectorBuilder> recordingConnectorCustomizer(
				ChannelSnapshot.Recorder recorder) {
			return (builder) -> builder.withHttpClientCustomizer(recorder::record);
		}

		@Bean
		ClientHttpRequestFactoryBuilderCustomizer<ReactorClientHttpRequestFactoryBuilder> recordingRequestFactoryCustomizer(
				ChannelSnapshot.Recorder recorder) {
			return (builder) -> builder.withHttpClientCustomizer(recorder::record);
		}

	}

}
