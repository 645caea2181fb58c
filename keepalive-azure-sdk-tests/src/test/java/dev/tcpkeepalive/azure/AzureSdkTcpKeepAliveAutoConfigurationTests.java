package dev.tcpkeepalive.azure;

import java.time.Duration;

import dev.tcpkeepalive.TcpKeepAliveSettings;
import dev.tcpkeepalive.actuate.TcpKeepAliveDescriptor;
import dev.tcpkeepalive.actuate.TcpKeepAliveDescriptor.ClientDescriptor;
import dev.tcpkeepalive.actuate.TcpKeepAliveEndpoint;
import dev.tcpkeepalive.autoconfigure.AzureSdkTcpKeepAliveAutoConfiguration;
import dev.tcpkeepalive.autoconfigure.TcpKeepAliveAutoConfiguration;
import dev.tcpkeepalive.autoconfigure.TcpKeepAliveEndpointAutoConfiguration;
import dev.tcpkeepalive.test.LoopbackHttpServer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AzureSdkTcpKeepAliveAutoConfiguration}: SDK clients built without
 * {@code .httpClient(...)}, real sockets on loopback, and what the endpoint reports.
 */
class AzureSdkTcpKeepAliveAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TcpKeepAliveAutoConfiguration.class,
				AzureSdkTcpKeepAliveAutoConfiguration.class, TcpKeepAliveEndpointAutoConfiguration.class))
		.withPropertyValues("azure.tcp-keepalive.idle=29s", "azure.tcp-keepalive.interval=6s",
				"azure.tcp-keepalive.count=3", "management.endpoints.web.exposure.include=tcpkeepalive");

	@AutoClose
	private final LoopbackHttpServer server = LoopbackHttpServer.start();

	@Test
	void aBlobContainerClientCarriesTheSettingsAndTheEndpointShowsThemAsObserved() {
		this.runner.run((context) -> {
			assertThat(AzureSdkCalls.container(this.server, null).exists()).isTrue();
			ClientDescriptor client = azureSdk(context);
			assertThat(client).extracting(ClientDescriptor::status, ClientDescriptor::usedBy, ClientDescriptor::reason)
				.containsExactly("applied", java.util.List.of("Azure SDK clients"), null);
			assertThat(client.observed()).isNotNull();
			assertThat(client.observed()).extracting("soKeepAlive", "idleSeconds", "intervalSeconds", "count")
				.containsExactly(true, 29, 6, 3);
			assertThat(AzureSdkCalls.sockets(this.server)).isNotEmpty()
				.allSatisfy((socket) -> assertThat(socket.keepAliveRemainingMillis()).as(socket.raw())
					.isNotNull()
					.isBetween(20_000L, 29_000L));
			TcpKeepAliveDescriptor report = context.getBean(TcpKeepAliveEndpoint.class).keepAlive();
			assertThat(report.natSafety().safe()).isTrue();
		});
	}

	@Test
	void whenTheAzureSdkPathIsDisabledThenItsSocketsKeepTheDefaultsAndAreReportedDisabled() {
		this.runner.withPropertyValues("azure.tcp-keepalive.azure-sdk.enabled=false").run((context) -> {
			assertThat(AzureSdkCalls.container(this.server, null).exists()).isTrue();
			assertThat(AzureSdkCalls.sockets(this.server)).isNotEmpty()
				.allSatisfy((socket) -> assertThat(socket.keepAliveRemainingMillis()).as(socket.raw()).isNull());
			ClientDescriptor client = azureSdk(context);
			assertThat(client.status()).isEqualTo("disabled");
			assertThat(client.reason()).isEqualTo("azure.tcp-keepalive.azure-sdk.enabled=false");
			assertThat(client.observed()).extracting("soKeepAlive").isEqualTo(false);
			assertThat(context.getBean(TcpKeepAliveEndpoint.class).keepAlive().natSafety().safe()).isFalse();
		});
	}

	@Test
	void whenKeepAliveIsDisabledThenTheSdkSocketsKeepTheDefaults() {
		this.runner.withPropertyValues("azure.tcp-keepalive.enabled=false").run((context) -> {
			AzureSdkCalls.container(this.server, null).exists();
			assertThat(AzureSdkCalls.sockets(this.server)).isNotEmpty()
				.allSatisfy((socket) -> assertThat(socket.keepAliveRemainingMillis()).as(socket.raw()).isNull());
			assertThat(azureSdk(context).status()).isEqualTo("disabled");
			assertThat(azureSdk(context).reason()).isEqualTo("azure.tcp-keepalive.enabled=false");
		});
	}

	@Test
	void whenKeepAliveIsDisabledThenEvenTheApplicationsOwnSettingsBeanIsNotApplied() {
		this.runner.withPropertyValues("azure.tcp-keepalive.enabled=false")
			.withBean(TcpKeepAliveSettings.class,
					() -> TcpKeepAliveSettings.of(Duration.ofSeconds(31), Duration.ofSeconds(7), 4))
			.run((context) -> {
				assertThat(context.getBean(AzureSdkDefaults.Registration.class).settings()).isNull();
				AzureSdkCalls.container(this.server, null).exists();
				assertThat(AzureSdkCalls.sockets(this.server)).isNotEmpty()
					.allSatisfy((socket) -> assertThat(socket.keepAliveRemainingMillis()).as(socket.raw()).isNull());
				assertThat(azureSdk(context).status()).isEqualTo("disabled");
			});
	}

	@Test
	void anSdkClientGivenItsOwnHttpClientIsLeftAlone() {
		this.runner.run((context) -> {
			com.azure.core.http.HttpClient own = new com.azure.core.http.netty.NettyAsyncHttpClientBuilder().build();
			assertThat(AzureSdkCalls.container(this.server, own).exists()).isTrue();
			assertThat(AzureSdkCalls.sockets(this.server)).isNotEmpty()
				.allSatisfy((socket) -> assertThat(socket.keepAliveRemainingMillis()).as(socket.raw()).isNull());
			// Only the starter's provider is observed: the endpoint does not claim a
			// client it did not build
			assertThat(azureSdk(context).observed()).isNull();
		});
	}

	@Test
	void whenAzureCoreIsAbsentThenNothingOfTheAzurePathIsDefinedOrReported() {
		this.runner.withClassLoader(new FilteredClassLoader("com.azure.core.")).run((context) -> {
			assertThat(context).doesNotHaveBean(AzureSdkDefaults.Registration.class);
			assertThat(azureSdk(context)).isNull();
		});
	}

	@Test
	void whenAzureCoreHttpNettyIsAbsentThenTheAzurePathIsReportedNotCoveredWithTheFix() {
		this.runner.withClassLoader(new FilteredClassLoader("com.azure.core.http.netty.")).run((context) -> {
			assertThat(context).doesNotHaveBean(AzureSdkDefaults.Registration.class);
			assertThat(azureSdk(context).status()).isEqualTo("not-covered");
			assertThat(azureSdk(context).reason()).contains("add com.azure:azure-core-http-netty");
		});
	}

	private static ClientDescriptor azureSdk(ApplicationContext context) {
		return context.getBean(TcpKeepAliveEndpoint.class).client("azure-sdk");
	}

}
