package dev.tcpkeepalive.autoconfigure;

import java.util.function.UnaryOperator;

import dev.tcpkeepalive.TcpKeepAliveSettings;
import dev.tcpkeepalive.client.Client;
import dev.tcpkeepalive.observe.KeepAliveObservations;
import dev.tcpkeepalive.reactor.ReactorNettyKeepAlive;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.client.HttpClient;

import org.springframework.boot.http.client.ReactorClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.boot.http.client.autoconfigure.reactive.ClientHttpConnectorBuilderCustomizer;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;

/**
 * Customizer that puts the keepalive settings on the Reactor Netty {@link HttpClient} of
 * Boot's reactive connector and reactor request factory, and records what each of its new
 * connections carries.
 * <p>
 * It observes also when keepalive is off, so that the endpoint shows what the sockets
 * carry then. One class is Boot's customizer of both builders, rather than a lambda or a
 * conditional configuration for each, because every lambda or configuration is a class of
 * its own loaded at startup. Boot checks each customizer's builder type, so the request
 * factory's customizer only runs when RestClient really runs on Reactor Netty. The client
 * callback is {@link ReactorNettyKeepAlive#customizer}'s: no bean of the starter is a
 * {@code Function}, {@code Consumer} or {@code Supplier}, which frameworks such as Spring
 * Cloud Function would take for the application's own.
 */
final class ReactorNettyKeepAliveCustomizer
		implements ClientHttpConnectorBuilderCustomizer<ReactorClientHttpConnectorBuilder>,
		ClientHttpRequestFactoryBuilderCustomizer<ReactorClientHttpRequestFactoryBuilder> {

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
		return builder.withHttpClientCustomizer(clientCustomizer());
	}

	@Override
	public ReactorClientHttpRequestFactoryBuilder customize(ReactorClientHttpRequestFactoryBuilder builder) {
		return builder.withHttpClientCustomizer(clientCustomizer());
	}

	// When Boot hands it a builder: only then is Reactor Netty really in use
	private UnaryOperator<HttpClient> clientCustomizer() {
		if (this.settings != null) {
			this.observations.asked(Client.REACTOR_NETTY, this.settings);
		}
		return ReactorNettyKeepAlive.customizer(this.settings, this.observations.connections(Client.REACTOR_NETTY));
	}

}
