package dev.tcpkeepalive.autoconfigure;

import java.util.function.Consumer;

import dev.tcpkeepalive.TcpKeepAliveSettings;
import dev.tcpkeepalive.client.Client;
import dev.tcpkeepalive.observe.KeepAliveObservations;
import dev.tcpkeepalive.httpcomponents.KeepAliveSocketConfig;
import org.apache.hc.core5.http.io.SocketConfig;

import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;

/**
 * Customizer that puts the keepalive settings into the socket config of the classic
 * HttpClient 5 request factory.
 * <p>
 * One class is both Boot's customizer and HttpClient's socket config callback, rather
 * than a lambda for each, because every lambda is a class of its own loaded at startup.
 */
final class HttpComponentsKeepAliveCustomizer
		implements ClientHttpRequestFactoryBuilderCustomizer<HttpComponentsClientHttpRequestFactoryBuilder>,
		Consumer<SocketConfig.Builder> {

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
		return builder.withSocketConfigCustomizer(this);
	}

	@Override
	public void accept(SocketConfig.Builder socketConfig) {
		KeepAliveSocketConfig.apply(this.settings, socketConfig);
	}

}
