package dev.tcpkeepalive.actuate;

import java.util.Arrays;

import dev.tcpkeepalive.test.KernelSockets;
import dev.tcpkeepalive.test.LoopbackHttpServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TcpKeepAliveEndpoint} over HTTP, after real requests through
 * RestClient, RestTemplate and WebClient on Jetty's HttpClient.
 */
class JettyTcpKeepAliveEndpointHttpTests {

	private static final String[] ON_JETTY = { "management.endpoints.web.exposure.include=tcpkeepalive",
			"spring.http.clients.imperative.factory=jetty", "spring.http.clients.reactive.connector=jetty",
			"azure.tcp-keepalive.idle=50s", "azure.tcp-keepalive.interval=10s", "azure.tcp-keepalive.count=4" };

	@Test
	void afterRealRequestsJettyIsAppliedWithTheConfiguredValuesReadBackFromItsSockets() {
		try (LoopbackHttpServer first = LoopbackHttpServer.start();
				LoopbackHttpServer second = LoopbackHttpServer.start();
				RunningApplication app = RunningApplication.start(ON_JETTY)) {
			assertThat(app.json("/actuator/tcpkeepalive/jetty").get("observed").isNull()).isTrue();
			assertThat(app.restClientGet(first.uri("/hello"))).isEqualTo("hello");
			JsonNode afterRestClient = app.json("/actuator/tcpkeepalive/jetty");
			assertObserved(afterRestClient.get("observed"), 50, 10, 4);
			assertThat(afterRestClient.get("observed").get("remoteAddress").asString()).endsWith(":" + first.port());
			assertThat(KernelSockets.connectedTo(first.port())).singleElement()
				.satisfies(
						(socket) -> assertThat(socket.keepAliveRemainingMillis()).isNotNull().isBetween(1L, 50_000L));
			assertThat(app.webClientGet(second.uri("/hello"))).isEqualTo("hello");
			JsonNode report = app.json("/actuator/tcpkeepalive");
			assertThat(report.get("clients").propertyNames()).containsExactly("jetty");
			JsonNode jetty = report.get("clients").get("jetty");
			assertThat(jetty.get("status").asString()).isEqualTo("applied");
			assertThat(jetty.get("usedBy").values()).extracting(JsonNode::asString)
				.containsExactly("RestClient", "RestTemplate", "WebClient");
			assertThat(jetty.get("applied").get("soKeepAlive").asBoolean()).isTrue();
			assertThat(jetty.get("applied").get("idleSeconds").asInt()).isEqualTo(50);
			assertObserved(jetty.get("observed"), 50, 10, 4);
			assertThat(jetty.get("observed").get("remoteAddress").asString()).endsWith(":" + second.port());
			assertThat(jetty.get("reason").isNull()).isTrue();
			JsonNode natSafety = report.get("natSafety");
			assertThat(natSafety.get("safe").asBoolean()).as(natSafety::toString).isTrue();
			assertThat(natSafety.get("worstCaseGapSeconds").asInt()).isEqualTo(60);
		}
	}

	@Test
	void whenAUserTimeoutIsSetThenJettyIsPartialWithTheReasonAndStillCarriesTheRest() {
		try (LoopbackHttpServer server = LoopbackHttpServer.start();
				RunningApplication app = RunningApplication
					.start(with(ON_JETTY, "azure.tcp-keepalive.user-timeout=30s"))) {
			app.restClientGet(server.uri("/hello"));
			JsonNode jetty = app.json("/actuator/tcpkeepalive/jetty");
			assertThat(jetty.get("status").asString()).isEqualTo("partial");
			assertThat(jetty.get("reason").asString()).contains("TCP_USER_TIMEOUT cannot be set by Jetty's HttpClient");
			assertThat(jetty.get("applied").get("userTimeoutMillis").isNull()).isTrue();
			assertObserved(jetty.get("observed"), 50, 10, 4);
		}
	}

	@Test
	void whenDisabledThenJettyShowsTheKernelDefaultsAndNatSafetyNamesIt() {
		try (LoopbackHttpServer server = LoopbackHttpServer.start();
				RunningApplication app = RunningApplication
					.start(with(ON_JETTY, "azure.tcp-keepalive.enabled=false"))) {
			app.restClientGet(server.uri("/hello"));
			JsonNode report = app.json("/actuator/tcpkeepalive");
			JsonNode jetty = report.get("clients").get("jetty");
			assertThat(jetty.get("status").asString()).isEqualTo("disabled");
			assertThat(jetty.get("observed").get("soKeepAlive").asBoolean()).isFalse();
			assertThat(jetty.get("observed").get("idleSeconds").asInt())
				.isEqualTo(KernelSockets.kernelDefault("tcp_keepalive_time"));
			assertThat(report.get("natSafety").get("safe").asBoolean()).isFalse();
			assertThat(report.get("natSafety").get("message").asString()).contains("jetty");
		}
	}

	private static void assertObserved(JsonNode observed, int idle, int interval, int count) {
		assertThat(observed.get("soKeepAlive").asBoolean()).isTrue();
		assertThat(observed.get("idleSeconds").asInt()).isEqualTo(idle);
		assertThat(observed.get("intervalSeconds").asInt()).isEqualTo(interval);
		assertThat(observed.get("count").asInt()).isEqualTo(count);
		assertThat(observed.get("userTimeoutMillis").isNull()).isTrue();
		assertThat(observed.get("observedAt").asString()).isNotEmpty();
	}

	private static String[] with(String[] properties, String extra) {
		String[] all = Arrays.copyOf(properties, properties.length + 1);
		all[properties.length] = extra;
		return all;
	}

}
