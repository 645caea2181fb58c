package dev.tcpkeepalive.autoconfigure;

import java.util.function.Consumer;

import dev.tcpkeepalive.TcpKeepAliveSettings;
import dev.tcpkeepalive.client.Client;
import dev.tcpkeepalive.jetty.JettyKeepAlive;
import dev.tcpkeepalive.observe.KeepAliveObservations;
import org.eclipse.jetty.io.ClientConnector;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.http.client.JettyClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.boot.http.client.autoconfigure.reactive.ClientHttpConnectorBuilderCustomizer;
import org.springframework.boot.http.client.reactive.JettyClientHttpConnectorBuilder;

/**
 * Customizer that adds the keepalive and observing listeners to the
 * {@link ClientConnector} of Boot's Jetty request factory and Jetty connector.
 * <p>
 * It observes also when keepalive is off, so that the endpoint shows what the sockets
 * carry then. One class is Boot's customizer of both builders, rather than a lambda for
 * each, because every lambda is a class of its own; Boot checks each customizer's builder
 * type, so each builder only gets it when Boot really uses that builder. No bean of the
 * starter is a {@code Function}, {@code Consumer} or {@code Supplier}, which frameworks
 * such as Spring Cloud Function would take for the application's own.
 */
final class JettyKeepAliveCustomizer
		implements ClientHttpRequestFactoryBuilderCustomizer<JettyClientHttpRequestFactoryBuilder>,
		ClientHttpConnectorBuilderCustomizer<JettyClientHttpConnectorBuilder> {

	private final @Nullable TcpKeepAliveSettings settings;

	private final KeepAliveObservations observations;

	/**
	 * Create a customizer.
	 * @param settings the settings to apply, or {@code null} to only observe
	 * @param observations where each new connection is recorded
	 */
	JettyKeepAliveCustomizer(@Nullable TcpKeepAliveSettings settings, KeepAliveObservations observations) {
		this.settings = settings;
		this.observations = observations;
	}

	@Override
	public JettyClientHttpRequestFactoryBuilder customize(JettyClientHttpRequestFactoryBuilder builder) {
		return builder.withClientConnectorCustomizerCustomizer(connectorCustomizer());
	}

	@Override
	public JettyClientHttpConnectorBuilder customize(JettyClientHttpConnectorBuilder builder) {
		return builder.withClientConnectorCustomizerCustomizer(connectorCustomizer());
	}

	// When Boot hands it a builder: only then is Jetty's HttpClient really in use
	private Consumer<ClientConnector> connectorCustomizer() {
		if (this.settings != null) {
			this.observations.asked(Client.JETTY, this.settings);
		}
		return JettyKeepAlive.customizer(this.settings, this.observations.connections(Client.JETTY));
	}

}
