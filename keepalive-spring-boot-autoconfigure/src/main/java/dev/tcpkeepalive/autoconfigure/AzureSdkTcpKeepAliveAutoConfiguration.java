package dev.tcpkeepalive.autoconfigure;

import com.azure.core.http.HttpClientProvider;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import dev.tcpkeepalive.TcpKeepAliveSettings;
import dev.tcpkeepalive.azure.AzureSdkDefaults;
import dev.tcpkeepalive.client.Client;
import dev.tcpkeepalive.observe.KeepAliveObservations;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for TCP keepalive on the Azure SDK's
 * HTTP clients.
 * <p>
 * azure-core creates its clients through {@link HttpClientProvider} services, outside the
 * context, so the settings and the observer are handed to the starter's provider through
 * {@link AzureSdkDefaults}; the provider itself is selected by
 * {@link AzureSdkHttpClientSelection}. Observation stays on when keepalive is disabled.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = TcpKeepAliveAutoConfiguration.class)
@ConditionalOnClass(HttpClientProvider.class)
public final class AzureSdkTcpKeepAliveAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ HttpClientProvider.class, NettyAsyncHttpClientBuilder.class })
	static class AzureCoreHttpNettyConfiguration {

		@Bean
		AzureSdkDefaults.Registration tcpKeepAliveAzureSdkDefaults(TcpKeepAliveProperties properties,
				ObjectProvider<TcpKeepAliveSettings> settings, KeepAliveObservations observations) {
			TcpKeepAliveSettings applied = TcpKeepAliveAutoConfiguration.applied(properties, properties.getAzureSdk(),
					settings);
			if (applied != null) {
				observations.asked(Client.AZURE_SDK, applied);
			}
			return AzureSdkDefaults.install(applied, observations.connections(Client.AZURE_SDK));
		}

	}

}
