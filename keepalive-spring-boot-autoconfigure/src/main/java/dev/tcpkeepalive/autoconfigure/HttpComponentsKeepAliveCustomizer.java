package dev.tcpkeepalive.autoconfigure;

import dev.tcpkeepalive.TcpKeepAliveSettings;
import dev.tcpkeepalive.client.Client;
import dev.tcpkeepalive.httpcomponents.KeepAliveSocketConfig;
import dev.tcpkeepalive.observe.KeepAliveObservations;

import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;

/**
 * Customizer that puts the keepalive settings into the socket config of the classic
 * HttpClient 5 request factory.
 * <p>
 * A named class rather than a lambda, as every lambda is a class of its own loaded at
 * startup; HttpClient's socket config callback is {@link KeepAliveSocketConfig} itself.
 * No bean of the starter is a {@code Function}, {@code Consumer} or {@code Supplier},
 * which frameworks such as Spring Cloud Function would take for the application's own.
 */
final class HttpComponentsKeepAliveCustomizer
		implements ClientHttpRequestFactoryBuilderCustomizer<HttpComponentsClientHttpRequestFactoryBuilder> {

	private final TcpKeepAliveSettings settings;

	private final KeepAliveObservations observations;

	HttpComponentsKeepAliveCustomizer(TcpKeepAliveSettings settings, KeepAliveObservations observations) {
		this.settings = settings;
		this.observations = observations;
	}

	@Override
	public HttpComponentsClientHttpRequestFactoryBuilder customize(
			HttpComponentsClientHttpRequestFactoryBuilder builder) {
		this.observations.asked(Client.HTTP_COMPONENTS, this.settings);
		return builder.withSocketConfigCustomizer(KeepAliveSocketConfig.customizer(this.settings));
	}

}
