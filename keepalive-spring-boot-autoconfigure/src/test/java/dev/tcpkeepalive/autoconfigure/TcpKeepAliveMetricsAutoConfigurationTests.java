package dev.tcpkeepalive.autoconfigure;

import dev.tcpkeepalive.actuate.TcpKeepAliveDescriptor.ConnectionsDescriptor;
import dev.tcpkeepalive.actuate.TcpKeepAliveEndpoint;
import dev.tcpkeepalive.micrometer.KeepAliveMeterBinder;
import dev.tcpkeepalive.test.LoopbackHttpServer;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TcpKeepAliveMetricsAutoConfiguration}, with real connections counted.
 */
class TcpKeepAliveMetricsAutoConfigurationTests {

	private final ApplicationContextRunner runner = HttpClientsContext.runner()
		.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
				SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
				TcpKeepAliveMetricsAutoConfiguration.class, TcpKeepAliveEndpointAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=tcpkeepalive");

	@AutoClose
	private final LoopbackHttpServer server = LoopbackHttpServer.start();

	@Test
	void eachClientInUseHasOneCounterPerStateThatCountsItsNewConnections() {
		this.runner.run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.find(KeepAliveMeterBinder.CONNECTIONS).functionCounters())
				.extracting((counter) -> counter.getId().getTag("client") + "/" + counter.getId().getTag("state"))
				.containsExactlyInAnyOrder("http-components/applied", "http-components/differs", "http-components/off",
						"reactor-netty/applied", "reactor-netty/differs", "reactor-netty/off");
			assertThat(counter(registry, "http-components", "applied").getId().getDescription()).isNotBlank();
			RestClient restClient = context.getBean(RestClient.Builder.class).build();
			for (int i = 0; i < 3; i++) {
				restClient.get().uri(this.server.uri("/hello")).retrieve().body(String.class);
			}
			HttpClientsContext.getWithWebClient(context, this.server);
			assertThat(counter(registry, "http-components", "applied").count()).isEqualTo(1);
			assertThat(counter(registry, "reactor-netty", "applied").count()).isEqualTo(1);
			assertThat(registry.find(KeepAliveMeterBinder.CONNECTIONS)
				.tags("state", "differs")
				.functionCounters()
				.stream()
				.mapToDouble(FunctionCounter::count)
				.sum()).isZero();
			assertThat(registry.find(KeepAliveMeterBinder.CONNECTIONS)
				.tags("state", "off")
				.functionCounters()
				.stream()
				.mapToDouble(FunctionCounter::count)
				.sum()).isZero();
		});
	}

	@Test
	void whenKeepAliveIsDisabledThenReactorNettysConnectionsAreCountedAsOff() {
		this.runner.withPropertyValues("azure.tcp-keepalive.enabled=false").run((context) -> {
			HttpClientsContext.getWithWebClient(context, this.server);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(counter(registry, "reactor-netty", "off").count()).isEqualTo(1);
			assertThat(counter(registry, "reactor-netty", "applied").count()).isZero();
		});
	}

	@Test
	void whenThereIsNoMeterRegistryThenNoBinderIsDefined() {
		new ApplicationContextRunner().withConfiguration(HttpClientsContext.AUTO_CONFIGURATIONS)
			.withConfiguration(AutoConfigurations.of(TcpKeepAliveMetricsAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(KeepAliveMeterBinder.class));
	}

	@Test
	void whenMicrometerIsAbsentThenTheStarterStartsAndTheEndpointStillCounts() {
		this.runner.withClassLoader(new FilteredClassLoader("io.micrometer")).run((context) -> {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean("tcpKeepAliveMeterBinder")
				.doesNotHaveBean(MeterRegistry.class);
			RestClient restClient = context.getBean(RestClient.Builder.class).build();
			restClient.get().uri(this.server.uri("/hello")).retrieve().body(String.class);
			restClient.get().uri(this.server.uri("/hello")).retrieve().body(String.class);
			assertThat(connections(context, "http-components")).isEqualTo(new ConnectionsDescriptor(1, 0, 0));
		});
	}

	private static FunctionCounter counter(MeterRegistry registry, String client, String state) {
		return registry.get(KeepAliveMeterBinder.CONNECTIONS).tags("client", client, "state", state).functionCounter();
	}

	private static ConnectionsDescriptor connections(ApplicationContext context, String client) {
		return context.getBean(TcpKeepAliveEndpoint.class).client(client).connections();
	}

}
