package dev.tcpkeepalive.autoconfigure;

import dev.tcpkeepalive.client.Client;
import dev.tcpkeepalive.httpcomponents.ObservingConnectionFactory;
import dev.tcpkeepalive.observe.KeepAliveObservations;

import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;

/**
 * Customizer that makes the classic HttpClient 5 request factory read back the keepalive
 * options of every new connection and record them.
 * <p>
 * A named class rather than a lambda, as every lambda is a class of its own loaded at
 * startup; the connection manager's callback is the {@link ObservingConnectionFactory}
 * itself, which installs itself. No bean of the starter is a {@code Function},
 * {@code Consumer} or {@code Supplier}, which frameworks such as Spring Cloud Function
 * would take for the application's own.
 */
final class HttpComponentsObserver
		implements ClientHttpRequestFactoryBuilderCustomizer<HttpComponentsClientHttpRequestFactoryBuilder> {

	private final KeepAliveObservations observations;

	HttpComponentsObserver(KeepAliveObservations observations) {
		this.observations = observations;
	}

	@Override
	public HttpComponentsClientHttpRequestFactoryBuilder customize(
			HttpComponentsClientHttpRequestFactoryBuilder builder) {
		return builder.withConnectionManagerCustomizer(
				new ObservingConnectionFactory(this.observations.connections(Client.HTTP_COMPONENTS)));
	}

}
