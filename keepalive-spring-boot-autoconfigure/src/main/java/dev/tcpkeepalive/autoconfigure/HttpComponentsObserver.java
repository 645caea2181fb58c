package dev.tcpkeepalive.autoconfigure;

import java.util.function.Consumer;

import dev.tcpkeepalive.client.Client;
import dev.tcpkeepalive.httpcomponents.ObservingConnectionFactory;
import dev.tcpkeepalive.observe.KeepAliveObservations;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;

import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;

/**
 * Customizer that makes the classic HttpClient 5 request factory read back the keepalive
 * options of every new connection and record them.
 * <p>
 * One class is both Boot's customizer and the connection manager's customizer, rather
 * than a lambda for each, because every lambda is a class of its own loaded at startup.
 */
final class HttpComponentsObserver
		implements ClientHttpRequestFactoryBuilderCustomizer<HttpComponentsClientHttpRequestFactoryBuilder>,
		Consumer<PoolingHttpClientConnectionManagerBuilder> {

	private final KeepAliveObservations observations;

	HttpComponentsObserver(KeepAliveObservations observations) {
		this.observations = observations;
	}

	@Override
	public HttpComponentsClientHttpRequestFactoryBuilder customize(
			HttpComponentsClientHttpRequestFactoryBuilder builder) {
		return builder.withConnectionManagerCustomizer(this);
	}

	@Override
	public void accept(PoolingHttpClientConnectionManagerBuilder connectionManager) {
		connectionManager.setConnectionFactory(
				new ObservingConnectionFactory(this.observations.connections(Client.HTTP_COMPONENTS)));
	}

}
