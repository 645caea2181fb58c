package dev.tcpkeepalive.autoconfigure;

import dev.tcpkeepalive.micrometer.KeepAliveMeterBinder;
import dev.tcpkeepalive.observe.KeepAliveObservations;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the connection counters of the
 * starter in Micrometer.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = TcpKeepAliveAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
public final class TcpKeepAliveMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	// The reporter alone: it comes with the observations, and each type asked for here
	// is one more scan of every bean definition at startup
	@ConditionalOnBean(KeepAliveReporter.class)
	KeepAliveMeterBinder tcpKeepAliveMeterBinder(KeepAliveReporter reporter, KeepAliveObservations observations,
			ObjectProvider<ApplicationArguments> applicationArguments) {
		// Only a context run by SpringApplication has its arguments, and only such a
		// context publishes ApplicationReadyEvent: there the report, which decides the
		// counters, waits until the application is ready
		return new KeepAliveMeterBinder(reporter.reports(), observations,
				applicationArguments.getIfAvailable() != null);
	}

}
