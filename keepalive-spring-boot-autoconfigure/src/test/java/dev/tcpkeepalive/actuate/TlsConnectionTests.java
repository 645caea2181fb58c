package dev.tcpkeepalive.actuate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.tcpkeepalive.test.KernelSockets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that RestClient (Apache HttpClient 5) and WebClient (Reactor Netty) calling an
 * https server through a Boot SSL bundle open sockets that carry keepalive, read back
 * from the kernel and shown by the endpoint.
 */
class TlsConnectionTests {

	static final String[] SETTINGS = { "management.endpoints.web.exposure.include=tcpkeepalive",
			"azure.tcp-keepalive.idle=50s", "azure.tcp-keepalive.interval=10s", "azure.tcp-keepalive.count=4" };

	@TempDir
	Path directory;

	@Test
	void whenRestClientAndWebClientCallAnHttpsServerThenTheirSocketsCarryKeepAliveAndTheEndpointShowsIt() {
		SelfSignedCertificate certificate = SelfSignedCertificate.create(this.directory);
		try (TomcatHelloServer server = TomcatHelloServer.start(certificate.serverBundle(), false);
				RunningApplication app = RunningApplication.start(with(SETTINGS, certificate.clientProperties()))) {
			assertThat(app.restClientGet(server.uri("/hello"))).isEqualTo("hello");
			assertThat(app.webClientGet(server.uri("/hello"))).isEqualTo("hello");
			JsonNode report = app.json("/actuator/tcpkeepalive");
			assertAppliedAndObserved(report.get("clients").get("http-components"), server.port());
			assertAppliedAndObserved(report.get("clients").get("reactor-netty"), server.port());
			assertThat(report.get("natSafety").get("safe").asBoolean()).isTrue();
			assertThat(report.get("natSafety").get("worstCaseGapSeconds").asInt()).isEqualTo(60);
			// One pooled TLS connection per client, each with a running keepalive timer
			// below the idle time
			assertKeepAliveTimers(server.port(), 2, 50);
		}
	}

	static void assertAppliedAndObserved(JsonNode client, int remotePort) {
		assertThat(client.get("status").asString()).isEqualTo("applied");
		JsonNode observed = client.get("observed");
		assertThat(observed.get("soKeepAlive").asBoolean()).isTrue();
		assertThat(observed.get("idleSeconds").asInt()).isEqualTo(50);
		assertThat(observed.get("intervalSeconds").asInt()).isEqualTo(10);
		assertThat(observed.get("count").asInt()).isEqualTo(4);
		assertThat(observed.get("remoteAddress").asString()).endsWith(":" + remotePort);
	}

	static void assertKeepAliveTimers(int remotePort, int sockets, int idleSeconds) {
		assertThat(KernelSockets.connectedTo(remotePort)).hasSize(sockets)
			.allSatisfy((socket) -> assertThat(socket.keepAliveRemainingMillis()).as(socket.raw())
				.isNotNull()
				.isPositive()
				.isLessThanOrEqualTo(idleSeconds * 1000L));
	}

	static String[] with(String[] properties, String... more) {
		List<String> all = new ArrayList<>(List.of(properties));
		all.addAll(List.of(more));
		return all.toArray(new String[0]);
	}

}
