package dev.tcpkeepalive.actuate;

import java.io.IOException;
import java.net.Socket;

import dev.tcpkeepalive.autoconfigure.BootLine;
import dev.tcpkeepalive.test.KernelSockets;
import dev.tcpkeepalive.test.LoopbackHttpServer;
import jdk.net.ExtendedSocketOptions;
import org.apache.hc.core5.http.io.SocketConfig;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TcpKeepAliveEndpoint} over HTTP, after real requests through
 * RestClient, RestTemplate and WebClient.
 */
class TcpKeepAliveEndpointHttpTests {

	private static final String EXPOSE = "management.endpoints.web.exposure.include=tcpkeepalive";

	@Test
	void afterRealRequestsEachClientShowsTheConfiguredValuesReadBackFromItsSockets() {
		try (LoopbackHttpServer first = LoopbackHttpServer.start();
				LoopbackHttpServer second = LoopbackHttpServer.start();
				LoopbackHttpServer third = LoopbackHttpServer.start();
				RunningApplication app = RunningApplication.start(EXPOSE, "azure.tcp-keepalive.idle=50s",
						"azure.tcp-keepalive.interval=10s", "azure.tcp-keepalive.count=4")) {
			assertThat(app.json("/actuator/tcpkeepalive/http-components").get("observed").isNull()).isTrue();
			assertThat(app.restClientGet(first.uri("/hello"))).isEqualTo("hello");
			JsonNode afterRestClient = app.json("/actuator/tcpkeepalive/http-components");
			assertObserved(afterRestClient.get("observed"), 50, 10, 4);
			assertThat(afterRestClient.get("observed").get("remoteAddress").asString()).endsWith(":" + first.port());
			assertThat(KernelSockets.connectedTo(first.port()))
				.anySatisfy((entry) -> assertThat(entry.keepAliveRemainingMillis()).isNotNull());
			assertThat(app.restTemplateGet(second.uri("/hello"))).isEqualTo("hello");
			assertThat(app.webClientGet(third.uri("/hello"))).isEqualTo("hello");
			JsonNode report = app.json("/actuator/tcpkeepalive");
			assertThat(report.get("enabled").asBoolean()).isTrue();
			JsonNode settings = report.get("settings");
			assertThat(settings.get("idleSeconds").asInt()).isEqualTo(50);
			assertThat(settings.get("intervalSeconds").asInt()).isEqualTo(10);
			assertThat(settings.get("count").asInt()).isEqualTo(4);
			assertThat(settings.get("userTimeoutMillis").isNull()).isTrue();
			assertThat(settings.get("natIdleTimeoutSeconds").asInt()).isEqualTo(240);
			JsonNode client = report.get("clients").get("http-components");
			assertThat(client.get("status").asString()).isEqualTo("applied");
			assertThat(client.get("usedBy").values()).extracting(JsonNode::asString)
				.containsExactly("RestClient", "RestTemplate");
			assertThat(client.get("applied").get("idleSeconds").asInt()).isEqualTo(50);
			assertObserved(client.get("observed"), 50, 10, 4);
			assertThat(client.get("observed").get("remoteAddress").asString()).endsWith(":" + second.port());
			assertThat(client.get("reason").isNull()).isTrue();
			JsonNode reactor = report.get("clients").get("reactor-netty");
			assertThat(reactor.get("status").asString()).isEqualTo("applied");
			assertThat(reactor.get("usedBy").values()).extracting(JsonNode::asString).contains("WebClient");
			assertObserved(reactor.get("observed"), 50, 10, 4);
			assertThat(reactor.get("observed").get("remoteAddress").asString()).endsWith(":" + third.port());
			JsonNode natSafety = report.get("natSafety");
			assertThat(natSafety.get("safe").asBoolean()).isTrue();
			assertThat(natSafety.get("worstCaseGapSeconds").asInt()).isEqualTo(60);
			assertThat(natSafety.get("natIdleTimeoutSeconds").asInt()).isEqualTo(240);
			JsonNode platform = report.get("platform");
			assertThat(platform.get("os").asString()).isEqualTo(System.getProperty("os.name"));
			assertThat(platform.get("extendedOptionsSupported").propertyNames()).containsExactly("TCP_KEEPIDLE",
					"TCP_KEEPINTERVAL", "TCP_KEEPCOUNT");
			assertThat(platform.get("nettyTransport").asString()).isIn("epoll", "io_uring", "nio");
		}
	}

	@Test
	void whenDisabledThenClientsShowDisabledWithTheKernelDefaultsAndNatSafetyNamesTheUnprotectedClient()
			throws IOException {
		try (LoopbackHttpServer server = LoopbackHttpServer.start();
				RunningApplication app = RunningApplication.start(EXPOSE, "azure.tcp-keepalive.enabled=false")) {
			app.restClientGet(server.uri("/hello"));
			JsonNode report = app.json("/actuator/tcpkeepalive");
			assertThat(report.get("enabled").asBoolean()).isFalse();
			assertThat(report.get("settings").get("idleSeconds").asInt()).isEqualTo(120);
			JsonNode client = report.get("clients").get("http-components");
			assertThat(client.get("status").asString()).isEqualTo("disabled");
			assertThat(client.get("applied").isNull()).isTrue();
			JsonNode observed = client.get("observed");
			JsonNode natSafety = report.get("natSafety");
			if (BootLine.httpComponentsKeepsAliveByDefault()) {
				// httpcore5 5.4 (Boot 4.1) turns keepalive on by itself at 5s/5s/3:
				// reported as observed
				assertObserved(observed, 5, 5, 3);
				assertThat(natSafety.get("safe").asBoolean()).isTrue();
			}
			else {
				assertThat(observed.get("soKeepAlive").asBoolean()).isFalse();
				assertThat(observed.get("idleSeconds").asInt()).isEqualTo(kernelDefaultIdleSeconds(server));
				assertThat(natSafety.get("safe").asBoolean()).isFalse();
				assertThat(natSafety.get("message").asString()).contains("http-components").contains("RestClient");
			}
		}
	}

	@Test
	void whenAUserTimeoutIsSetThenHttpComponentsIsPartialWithTheReason() {
		try (LoopbackHttpServer server = LoopbackHttpServer.start();
				RunningApplication app = RunningApplication.start(EXPOSE, "azure.tcp-keepalive.user-timeout=30s")) {
			app.restClientGet(server.uri("/hello"));
			JsonNode report = app.json("/actuator/tcpkeepalive");
			assertThat(report.get("settings").get("userTimeoutMillis").asInt()).isEqualTo(30000);
			JsonNode client = report.get("clients").get("http-components");
			assertThat(client.get("status").asString()).isEqualTo("partial");
			assertThat(client.get("reason").asString()).contains("TCP_USER_TIMEOUT");
			assertThat(client.get("applied").get("userTimeoutMillis").isNull()).isTrue();
			assertObserved(client.get("observed"), 120, 30, 8);
		}
	}

	@Test
	void whenSomethingElseOverridesTheIdleTimeThenTheClientIsPartialWithTheRealValue() {
		try (LoopbackHttpServer server = LoopbackHttpServer.start();
				RunningApplication app = RunningApplication.start(new Class<?>[] { OverridingConfiguration.class },
						EXPOSE)) {
			app.restClientGet(server.uri("/hello"));
			JsonNode client = app.json("/actuator/tcpkeepalive/http-components");
			assertThat(client.get("status").asString()).isEqualTo("partial");
			assertThat(client.get("observed").get("idleSeconds").asInt()).isEqualTo(77);
			assertThat(client.get("reason").asString()).contains("TCP_KEEPIDLE=77 instead of 120");
		}
	}

	private static void assertObserved(JsonNode observed, int idle, int interval, int count) {
		assertThat(observed.get("soKeepAlive").asBoolean()).isTrue();
		assertThat(observed.get("idleSeconds").asInt()).isEqualTo(idle);
		assertThat(observed.get("intervalSeconds").asInt()).isEqualTo(interval);
		assertThat(observed.get("count").asInt()).isEqualTo(count);
		assertThat(observed.has("userTimeoutMillis")).isTrue();
		assertThat(observed.get("observedAt").asString()).isNotEmpty();
	}

	// A plain socket nobody configured carries the kernel's defaults
	private static int kernelDefaultIdleSeconds(LoopbackHttpServer server) throws IOException {
		try (Socket socket = new Socket(server.uri("/").getHost(), server.port())) {
			return socket.getOption(ExtendedSocketOptions.TCP_KEEPIDLE);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class OverridingConfiguration {

		// The connection manager's socket config is applied after the starter's, as a
		// hand-tuned pool would be
		@Bean
		ClientHttpRequestFactoryBuilderCustomizer<HttpComponentsClientHttpRequestFactoryBuilder> idleOverride() {
			return (builder) -> builder.withConnectionManagerCustomizer((manager) -> manager
				.setDefaultSocketConfig(SocketConfig.custom().setSoKeepAlive(true).setTcpKeepIdle(77).build()));
		}

	}

}
