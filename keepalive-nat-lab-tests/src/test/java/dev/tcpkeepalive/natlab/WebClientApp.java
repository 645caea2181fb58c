package dev.tcpkeepalive.natlab;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ClientHttpConnectorBuilderCustomizer;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Lab client: one GET through the auto-configured {@link WebClient.Builder}; the
 * connector and transport come from {@code spring.http.clients.reactive.connector} and
 * {@code reactor.netty.native}.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
class WebClientApp {

	public static void main(String[] args) {
		LabClientMain.run(WebClientApp.class, WebApplicationType.NONE, args,
				(context, target) -> context.getBean(WebClient.Builder.class)
					.build()
					.method(LabClientMain.method())
					.uri(target)
					.retrieve()
					.bodyToMono(String.class)
					.block());
	}

	// Shows which transport Reactor Netty really chose, so "epoll" and "NIO" rows are
	// what they claim to be
	@Bean
	ClientHttpConnectorBuilderCustomizer<ReactorClientHttpConnectorBuilder> channelReporter() {
		return (builder) -> builder.withHttpClientCustomizer((client) -> client.doOnConnected(
				(connection) -> System.out.println("CHANNEL " + connection.channel().getClass().getSimpleName())));
	}

}
