package dev.tcpkeepalive.actuate;

import dev.tcpkeepalive.test.LoopbackHttpServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the connection counts in {@code /actuator/metrics} and
 * {@code /actuator/tcpkeepalive} of a running application, after real requests through
 * RestClient, RestTemplate and WebClient.
 */
class TcpKeepAliveMetricsHttpTests {

	private static final String METRIC = "/actuator/metrics/tcp.keepalive.connections";

	@Test
	void afterOneCallThroughEachClientTheMetricsAndTheEndpointCountAppliedConnectionsAndNoneOff() {
		try (LoopbackHttpServer server = LoopbackHttpServer.start();
				RunningApplication app = RunningApplication
					.start("management.endpoints.web.exposure.include=health,tcpkeepalive,metrics")) {
			assertThat(app.restClientGet(server.uri("/hello"))).isEqualTo("hello");
			assertThat(app.restTemplateGet(server.uri("/hello"))).isEqualTo("hello");
			assertThat(app.webClientGet(server.uri("/hello"))).isEqualTo("hello");
			JsonNode metric = app.json(METRIC);
			assertThat(metric.get("description").asString()).isNotBlank();
			assertThat(tagValues(metric, "client")).containsExactlyInAnyOrder("http-components", "reactor-netty");
			assertThat(tagValues(metric, "state")).containsExactlyInAnyOrder("applied", "differs", "off");
			// RestClient and RestTemplate each have a pool of their own
			assertThat(count("?tag=client:http-components&tag=state:applied", app)).isEqualTo(2);
			assertThat(count("?tag=client:reactor-netty&tag=state:applied", app)).isEqualTo(1);
			assertThat(count("?tag=state:off", app)).isZero();
			assertThat(count("?tag=state:differs", app)).isZero();
			JsonNode clients = app.json("/actuator/tcpkeepalive").get("clients");
			assertThat(clients.get("http-components").get("connections").get("applied").asLong()).isEqualTo(2);
			assertThat(clients.get("reactor-netty").get("connections").get("applied").asLong()).isEqualTo(1);
			assertThat(clients.get("reactor-netty").get("connections").get("off").asLong()).isZero();
			assertThat(clients.get("http-components").get("lastNotApplied").isNull()).isTrue();
		}
	}

	private static double count(String query, RunningApplication app) {
		JsonNode measurements = app.json(METRIC + query).get("measurements");
		assertThat(measurements.values()).singleElement()
			.satisfies((measurement) -> assertThat(measurement.get("statistic").asString()).isEqualTo("COUNT"));
		return measurements.get(0).get("value").asDouble();
	}

	private static Iterable<String> tagValues(JsonNode metric, String tag) {
		for (JsonNode available : metric.get("availableTags").values()) {
			if (available.get("tag").asString().equals(tag)) {
				return available.get("values").values().stream().map(JsonNode::asString).toList();
			}
		}
		throw new AssertionError("no tag " + tag + " in " + metric);
	}

}
