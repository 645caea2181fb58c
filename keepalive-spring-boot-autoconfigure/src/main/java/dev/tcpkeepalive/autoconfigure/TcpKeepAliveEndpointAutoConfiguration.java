package dev.tcpkeepalive.autoconfigure;

import dev.tcpkeepalive.actuate.TcpKeepAliveEndpoint;
import dev.tcpkeepalive.observe.KeepAliveObservations;
import dev.tcpkeepalive.reactor.NettyTransport;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the
 * {@link TcpKeepAliveEndpoint}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = TcpKeepAliveAutoConfiguration.class)
@ConditionalOnClass(ConditionalOnAvailableEndpoint.class)
@ConditionalOnAvailableEndpoint(TcpKeepAliveEndpoint.class)
public final class TcpKeepAliveEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	// The reporter alone: it comes with the observations, and each type asked for here
	// is one more scan of every bean definition at startup
	@ConditionalOnBean(KeepAliveReporter.class)
	TcpKeepAliveEndpoint tcpKeepAliveEndpoint(KeepAliveReporter reporter, KeepAliveObservations observations) {
		KeepAliveReports reports = reporter.reports();
		return new TcpKeepAliveEndpoint(reports, observations, () -> {
			NettyTransport transport = reports.nettyTransport();
			return (transport != null) ? transport.id() : null;
		});
	}

}
