package dev.tcpkeepalive.autoconfigure;

import java.io.IOException;
import java.util.Properties;

import dev.tcpkeepalive.TcpKeepAliveSettings;
import dev.tcpkeepalive.actuate.RunningApplication;
import dev.tcpkeepalive.actuate.TcpKeepAliveEndpoint;
import dev.tcpkeepalive.client.Client;
import dev.tcpkeepalive.observe.KeepAliveObservations;
import dev.tcpkeepalive.observe.KeepAliveValues;
import dev.tcpkeepalive.test.LoopbackHttpServer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TcpKeepAliveEndpointAutoConfiguration}, in a context and over HTTP.
 */
class TcpKeepAliveEndpointAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
				ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
				TcpKeepAliveAutoConfiguration.class, TcpKeepAliveEndpointAutoConfiguration.class));

	@Test
	void whenExposedThenTheEndpointBeanIsPresent() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=tcpkeepalive")
			.run((context) -> assertThat(context).hasSingleBean(TcpKeepAliveEndpoint.class));
	}

	@Test
	void whenNotExposedThenThereIsNoEndpointBean() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(TcpKeepAliveEndpoint.class));
	}

	@Test
	void whenAccessIsNoneThenThereIsNoEndpointBean() {
		this.contextRunner
			.withInitializer(
					(context) -> context.getEnvironment().setConversionService(new ApplicationConversionService()))
			.withPropertyValues("management.endpoints.web.exposure.include=tcpkeepalive",
					"management.endpoint.tcpkeepalive.access=none")
			.run((context) -> assertThat(context).doesNotHaveBean(TcpKeepAliveEndpoint.class));
	}

	@Test
	void whenActuatorIsAbsentThenTheEndpointBacksOffAndKeepAliveIsStillApplied() {
		try (LoopbackHttpServer server = LoopbackHttpServer.start()) {
			this.contextRunner.withClassLoader(new FilteredClassLoader(ConditionalOnAvailableEndpoint.class))
				.withPropertyValues("management.endpoints.web.exposure.include=tcpkeepalive")
				.run((context) -> {
					assertThat(context).hasNotFailed()
						.doesNotHaveBean(TcpKeepAliveEndpoint.class)
						.hasSingleBean(KeepAliveReporter.class);
					context.getBean(RestClient.Builder.class)
						.build()
						.get()
						.uri(server.uri("/hello"))
						.retrieve()
						.toBodilessEntity();
					assertThat(context.getBean(KeepAliveObservations.class).latest(Client.HTTP_COMPONENTS))
						.extracting(KeepAliveValues::of)
						.isEqualTo(KeepAliveValues.keepAlive(120, 30, 8));
				});
		}
	}

	@Test
	void bootSkipsTheEndpointConfigurationBeforeLoadingItWhenActuatorIsAbsent() throws IOException {
		// Without actuator the condition class itself is missing, so Boot must filter on
		// this metadata first
		Properties metadata = PropertiesLoaderUtils
			.loadAllProperties("META-INF/spring-autoconfigure-metadata.properties");
		assertThat(metadata.getProperty(TcpKeepAliveEndpointAutoConfiguration.class.getName() + ".ConditionalOnClass"))
			.isEqualTo(ConditionalOnAvailableEndpoint.class.getName());
	}

	@Test
	void withoutActuatorTheStarterStarts() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
					ImperativeHttpClientAutoConfiguration.class, TcpKeepAliveAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(TcpKeepAliveSettings.class)
				.hasSingleBean(KeepAliveReporter.class));
	}

	@Test
	void whenNotExposedThenTheEndpointAnswers404OverHttp() {
		try (RunningApplication app = RunningApplication.start()) {
			assertThat(app.status("/actuator/tcpkeepalive", "GET")).isEqualTo(404);
		}
	}

	@Test
	void whenAccessIsNoneThenTheEndpointAnswers404OverHttp() {
		try (RunningApplication app = RunningApplication.start("management.endpoints.web.exposure.include=tcpkeepalive",
				"management.endpoint.tcpkeepalive.access=none")) {
			assertThat(app.status("/actuator/tcpkeepalive", "GET")).isEqualTo(404);
		}
	}

	@Test
	void nothingIsWritableEvenWithUnrestrictedAccess() {
		try (RunningApplication app = RunningApplication.start("management.endpoints.web.exposure.include=tcpkeepalive",
				"management.endpoint.tcpkeepalive.access=unrestricted")) {
			assertThat(app.status("/actuator/tcpkeepalive", "GET")).isEqualTo(200);
			assertThat(app.status("/actuator/tcpkeepalive", "POST")).isEqualTo(405);
			assertThat(app.status("/actuator/tcpkeepalive", "DELETE")).isEqualTo(405);
			assertThat(app.status("/actuator/tcpkeepalive/http-components", "POST")).isEqualTo(405);
		}
	}

	@Test
	void anUnknownClientAnswers404() {
		try (RunningApplication app = RunningApplication
			.start("management.endpoints.web.exposure.include=tcpkeepalive")) {
			assertThat(app.status("/actuator/tcpkeepalive/http-components", "GET")).isEqualTo(200);
			assertThat(app.status("/actuator/tcpkeepalive/no-such-client", "GET")).isEqualTo(404);
			assertThat(app.status("/actuator/tcpkeepalive/jetty", "GET")).isEqualTo(404);
		}
	}

}
