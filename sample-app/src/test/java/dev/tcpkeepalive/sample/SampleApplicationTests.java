package dev.tcpkeepalive.sample;

import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import dev.tcpkeepalive.test.KernelSockets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the sample application: each demo endpoint through its real client, then the
 * endpoint's report.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SampleApplicationTests {

	private static final List<String> DEMOS = List.of("rest-client", "rest-template", "web-client", "http-interface");

	@LocalServerPort
	private int port;

	@Autowired
	private RestClient.Builder restClientBuilder;

	@ParameterizedTest
	@ValueSource(strings = { "rest-client", "rest-template", "web-client", "http-interface" })
	void eachDemoEndpointAnswersWithTheOutcomeAndTheElapsedTime(String demo) {
		DocumentContext result = get("/demo/" + demo + "?seconds=0.3");
		assertThat(result.read("$.outcome", String.class)).isEqualTo("ok");
		assertThat(result.read("$.elapsedMillis", Long.class)).isGreaterThanOrEqualTo(300);
		assertThat(result.read("$.body", String.class)).isEqualTo("answered after 300ms");
	}

	@Test
	void afterEveryDemoTheEndpointShowsEachClientAppliedWithTheConfiguredValuesObserved() {
		DEMOS.forEach((demo) -> assertThat(get("/demo/" + demo + "?seconds=0").read("$.outcome", String.class))
			.isEqualTo("ok"));
		DocumentContext report = get("/actuator/tcpkeepalive");
		Map<String, Object> clients = report.read("$.clients");
		assertThat(clients).containsKeys("http-components", "reactor-netty");
		for (String client : clients.keySet()) {
			String path = "$.clients['" + client + "']";
			assertThat(report.read(path + ".status", String.class)).as(client).isEqualTo("applied");
			assertThat(report.read(path + ".observed.soKeepAlive", Boolean.class)).as(client).isTrue();
			assertThat(report.read(path + ".observed.idleSeconds", Integer.class)).as(client).isEqualTo(120);
			assertThat(report.read(path + ".observed.intervalSeconds", Integer.class)).as(client).isEqualTo(30);
			assertThat(report.read(path + ".observed.count", Integer.class)).as(client).isEqualTo(8);
		}
		assertThat(report.read("$.natSafety.safe", Boolean.class)).isTrue();
		// Each demo client keeps its own pooled connection to the app open, so there is
		// at least one socket per demo
		// besides this test's own, and the kernel runs a keepalive timer on every one of
		// them
		assertThat(KernelSockets.connectedTo(this.port)).hasSizeGreaterThan(DEMOS.size())
			.allSatisfy(
					(socket) -> assertThat(socket.keepAliveRemainingMillis()).isNotNull().isLessThanOrEqualTo(120_000));
	}

	private DocumentContext get(String path) {
		String body = this.restClientBuilder.build()
			.get()
			.uri("http://localhost:" + this.port + path)
			.retrieve()
			.body(String.class);
		return JsonPath.parse(body);
	}

}
