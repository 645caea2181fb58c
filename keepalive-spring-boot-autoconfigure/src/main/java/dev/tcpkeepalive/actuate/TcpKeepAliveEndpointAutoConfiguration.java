package dev.tcpkeepalive.actuate;

import dev.tcpkeepalive.PlatformSupport;
import dev.tcpkeepalive.TcpKeepAliveSettings;
import dev.tcpkeepalive.autoconfigure.KeepAliveCoverage;
import dev.tcpkeepalive.autoconfigure.TcpKeepAliveAutoConfiguration;
import dev.tcpkeepalive.autoconfigure.TcpKeepAliveProperties;
import dev.tcpkeepalive.observe.KeepAliveObservations;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@link TcpKeepAliveEndpoint}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = TcpKeepAliveAutoConfiguration.class)
@ConditionalOnClass(ConditionalOnAvailableEndpoint.class)
@ConditionalOnAvailableEndpoint(TcpKeepAliveEndpoint.class)
public final class TcpKeepAliveEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean({ KeepAliveCoverage.class, KeepAliveObservations.class })
	TcpKeepAliveEndpoint tcpKeepAliveEndpoint(TcpKeepAliveProperties properties,
			ObjectProvider<TcpKeepAliveSettings> settings, KeepAliveCoverage coverage,
			KeepAliveObservations observations) {
		return new TcpKeepAliveEndpoint(properties, settings.getIfAvailable(), coverage, observations,
				PlatformSupport.current());
	}

}
