package dev.tcpkeepalive.autoconfigure;

import java.util.function.UnaryOperator;

import dev.tcpkeepalive.TcpKeepAliveSettings;
import dev.tcpkeepalive.client.Client;
import dev.tcpkeepalive.observe.KeepAliveObservations;
import dev.tcpkeepalive.reactor.ReactorNettyKeepAlive;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.client.HttpClient;

import org.springframework.boot.http.client.autoconfigure.reactive.ClientHttpConnectorBuilderCustomizer;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;

/**
 * Customizer that puts the keepalive settings on a Reactor Netty {@link HttpClient} and
 * records what each of its new connections carries.
 * <p>
 * It observes also when keepalive is off, so that the endpoint shows what the sockets
 * carry then. One class is both Boot's customizer and Reactor Netty's client customizer,
 * rather than a lambda for each, because every lambda is a class of its own loaded at
 * startup.
 */
final class ReactorNettyKeepAliveCustomizer
		implements ClientHttpConnectorBuilderCustomizer<ReactorClientHttpConnectorBuilder>, UnaryOperator<HttpClient> {

	private final @Nullable TcpKeepAliveSettings settings;

	private final KeepAliveObservations observations;

	/**
	 * Create a customizer.
	 * @param settings the settings to apply, or {@code null} to only observe
	 * @param observations where each new connection is recorded
	 */
	ReactorNettyKeepAliveCustomizer(@Nullable TcpKeepAliveSettings settings, KeepAliveObservations observations) {
		this.settings = settings;
		this.observations = observations;
	}

	@Override
	public ReactorClientHttpConnectorBuilder customize(ReactorClientHttpConnectorBuilder builder) {
		asked();
		return builder.withHttpClientCustomizer(this);
	}

	/**
	 * Record what the starter asks of Reactor Netty's sockets, when Boot hands it a
	 * builder.
	 */
	void asked() {
		if (this.settings != null) {
			this.observations.asked(Client.REACTOR_NETTY, this.settings);
		}
	}

	@Override
	public HttpClient apply(HttpClient httpClient) {
		HttpClient client = (this.settings != null) ? ReactorNettyKeepAlive.apply(this.settings, httpClient)
				: httpClient;
		return ReactorNettyKeepAlive.observe(client, this.observations.connections(Client.REACTOR_NETTY));
	}

}
