package dev.tcpkeepalive.azure;

import java.util.Objects;

import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import dev.tcpkeepalive.TcpKeepAliveSettings;
import dev.tcpkeepalive.reactor.ReactorNettyKeepAlive;
import reactor.netty.http.client.HttpClient;

/**
 * Keepalive for an Azure SDK {@link com.azure.core.http.HttpClient} built by hand, for
 * example to pass to an SDK client builder's {@code httpClient(...)}.
 *
 * @since 0.1.0
 */
public final class AzureSdkKeepAlive {

	private AzureSdkKeepAlive() {
	}

	/**
	 * Return an azure-core-http-netty builder whose connections carry the keepalive
	 * settings.
	 * <p>
	 * The builder starts from the given Reactor Netty client, so it ignores
	 * {@link NettyAsyncHttpClientBuilder#connectionProvider}: create the client with your
	 * connection provider instead, as in {@code HttpClient.create(connectionProvider)}.
	 * @param settings the keepalive settings
	 * @param client the Reactor Netty client to start from
	 * @return a builder for the SDK's client; its timeouts and proxy can still be set
	 */
	public static NettyAsyncHttpClientBuilder builder(TcpKeepAliveSettings settings, HttpClient client) {
		Objects.requireNonNull(settings, "'settings' must not be null");
		Objects.requireNonNull(client, "'client' must not be null");
		return new NettyAsyncHttpClientBuilder(ReactorNettyKeepAlive.apply(settings, client));
	}

}
