package dev.tcpkeepalive.azure;

import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import com.azure.core.util.HttpClientOptions;
import dev.tcpkeepalive.TcpKeepAliveSettings;
import dev.tcpkeepalive.reactor.ReactorNettyKeepAlive;
import io.netty.channel.ChannelOption;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Builds azure-core-http-netty clients the way its {@code NettyAsyncHttpClientProvider}
 * does (azure-core-http-netty 1.16.5), on a Reactor Netty client prepared for keepalive.
 * <p>
 * Kept apart from the provider so that azure-core-http-netty's types are only loaded once
 * it is known to be present.
 */
final class NettyClients {

	// azure-core-http-netty's own default, so that the pool is the same with and without
	// HttpClientOptions
	private static final int DEFAULT_MAX_CONNECTIONS = 500;

	private NettyClients() {
	}

	static com.azure.core.http.HttpClient create(@Nullable HttpClientOptions options) {
		if (options == null) {
			return new NettyAsyncHttpClientBuilder(prepare(HttpClient.create())).build();
		}
		// A base client makes the builder ignore its connection provider, so the pool
		// goes into the base client
		ConnectionProvider.Builder pool = ConnectionProvider.builder("azure-sdk")
			.maxIdleTime(options.getConnectionIdleTimeout());
		Integer maximumPoolSize = options.getMaximumConnectionPoolSize();
		pool.maxConnections(
				(maximumPoolSize != null && maximumPoolSize > 0) ? maximumPoolSize : DEFAULT_MAX_CONNECTIONS);
		return new NettyAsyncHttpClientBuilder(prepare(HttpClient.create(pool.build())))
			.proxy(options.getProxyOptions())
			.configuration(options.getConfiguration())
			.connectTimeout(options.getConnectTimeout())
			.writeTimeout(options.getWriteTimeout())
			.responseTimeout(options.getResponseTimeout())
			.readTimeout(options.getReadTimeout())
			.build();
	}

	// The settings are looked up per connection, so a client made before the application
	// started still gets them
	private static HttpClient prepare(HttpClient client) {
		HttpClient keepAlive = client.doOnChannelInit((observer, channel, remoteAddress) -> {
			TcpKeepAliveSettings settings = AzureSdkDefaults.settings();
			if (settings != null) {
				channel.config().setOption(ChannelOption.SO_KEEPALIVE, true);
				ReactorNettyKeepAlive.apply(settings, channel);
			}
		});
		return ReactorNettyKeepAlive.observe(keepAlive, AzureSdkDefaults::observed);
	}

}
