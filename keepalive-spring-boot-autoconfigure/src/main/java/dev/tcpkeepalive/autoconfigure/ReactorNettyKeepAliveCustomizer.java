package dev.tcpkeepalive.autoconfigure;

import java.util.function.UnaryOperator;

import dev.tcpkeepalive.TcpKeepAliveSettings;
import dev.tcpkeepalive.client.Client;
import dev.tcpkeepalive.reactor.ReactorNettyKeepAlive;
import reactor.netty.http.client.HttpClient;

import org.springframework.boot.http.client.autoconfigure.reactive.ClientHttpConnectorBuilderCustomizer;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;

/**
 * Customizer that puts the keepalive settings on the Reactor Netty {@link HttpClient} of
 * the reactive connector.
 * <p>
 * One class is both Boot's customizer and Reactor Netty's client customizer, rather than
 * a lambda for each, because every lambda is a class of its own loaded at startup.
 */
final class ReactorNettyKeepAliveCustomizer
		implements ClientHttpConnectorBuilderCustomizer<ReactorClientHttpConnectorBuilder>, UnaryOperator<HttpClient> {

	private final TcpKeepAliveSettings settings;

	private final KeepAliveReporter reporter;

	ReactorNettyKeepAliveCustomizer(TcpKeepAliveSettings settings, KeepAliveReporter reporter) {
		this.settings = settings;
		this.reporter = reporter;
	}

	@Override
	public ReactorClientHttpConnectorBuilder customize(ReactorClientHttpConnectorBuilder builder) {
		this.reporter.customized(Client.REACTOR_NETTY);
		return builder.withHttpClientCustomizer(this);
	}

	@Override
	public HttpClient apply(HttpClient httpClient) {
		return ReactorNettyKeepAlive.apply(this.settings, httpClient);
	}

}
