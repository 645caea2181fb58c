package dev.tcpkeepalive.actuate;

import dev.tcpkeepalive.InvalidTcpKeepAliveSettingException;
import dev.tcpkeepalive.test.LoopbackHttpServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests that an application with the starter refuses settings a NAT would defeat, and
 * reports safe ones as safe.
 */
class TcpKeepAliveStartupTests {

	private static final String EXPOSE = "management.endpoints.web.exposure.include=tcpkeepalive";

	@Test
	void anIdleTimeAboveAzuresDefaultFourMinutesFailsStartup() {
		assertThatException().isThrownBy(() -> RunningApplication.start(EXPOSE, "azure.tcp-keepalive.idle=220s"))
			.havingRootCause()
			.isInstanceOfSatisfying(InvalidTcpKeepAliveSettingException.class,
					(ex) -> assertThat(ex.getSetting()).isEqualTo("idle"));
	}

	@Test
	void idlePlusIntervalReachingTheNatIdleTimeoutFailsStartup() {
		assertThatException()
			.isThrownBy(() -> RunningApplication.start(EXPOSE, "azure.tcp-keepalive.idle=100s",
					"azure.tcp-keepalive.interval=30s", "azure.tcp-keepalive.nat-idle-timeout=2m"))
			.havingRootCause()
			.isInstanceOf(InvalidTcpKeepAliveSettingException.class)
			.withMessageContaining("idle 100s + interval 30s = 130s, nat-idle-timeout 120s");
	}

	@Test
	void aLongerIdleTimeStartsWhenTheNatAllowsLongerIdleFlowsAndIsReportedSafe() {
		try (LoopbackHttpServer server = LoopbackHttpServer.start();
				RunningApplication app = RunningApplication.start(EXPOSE, "azure.tcp-keepalive.idle=200s",
						"azure.tcp-keepalive.nat-idle-timeout=30m")) {
			JsonNode beforeAnyConnection = app.json("/actuator/tcpkeepalive").get("natSafety");
			assertThat(beforeAnyConnection.get("safe").asBoolean()).isTrue();
			assertThat(beforeAnyConnection.get("message").asString()).startsWith("The settings keep");
			app.restClientGet(server.uri("/hello"));
			JsonNode report = app.json("/actuator/tcpkeepalive");
			assertThat(report.get("clients").get("http-components").get("observed").get("idleSeconds").asInt())
				.isEqualTo(200);
			JsonNode natSafety = report.get("natSafety");
			assertThat(natSafety.get("safe").asBoolean()).isTrue();
			assertThat(natSafety.get("worstCaseGapSeconds").asInt()).isEqualTo(230);
			assertThat(natSafety.get("natIdleTimeoutSeconds").asInt()).isEqualTo(1800);
			assertThat(natSafety.get("message").asString()).startsWith("The connected clients keep");
		}
	}

}
