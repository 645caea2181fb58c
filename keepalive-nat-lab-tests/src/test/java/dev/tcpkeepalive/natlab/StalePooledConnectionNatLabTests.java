package dev.tcpkeepalive.natlab;

import java.util.List;
import java.util.Map;

import dev.tcpkeepalive.test.natlab.NatLab;
import dev.tcpkeepalive.test.natlab.NatLabExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * NAT lab proof for a pooled connection that idles for three NAT idle timeouts between
 * two RestClient requests.
 */
@ExtendWith({ NatLabExtension.class, LabSummary.class })
class StalePooledConnectionNatLabTests {

	private static final String ROW = "stale pooled connection (RestClient)";

	private static NatLab lab;

	@BeforeAll
	static void startLab(NatLab natLab) {
		lab = natLab;
	}

	@Test
	void withTheStarterTheIdlePooledConnectionIsReusedAndAnswers() {
		ClientOutcome outcome = reuseAfterIdle(LabMode.WITH_STARTER, "stale-with");
		assertThat(outcome.ok()).as(outcome::toString).isTrue();
		List<String> requests = lab.server().requests("tag=stale-with-");
		assertThat(requests).hasSize(2);
		assertThat(remote(requests.get(1))).as("second request on the first one's connection")
			.isEqualTo(remote(requests.get(0)));
	}

	@Test
	void withoutKeepAliveTheRequestOnTheStaleConnectionNeverReachesTheServer() {
		ClientOutcome outcome = reuseAfterIdle(LabMode.WITHOUT_STARTER, "stale-without");
		assertThat(outcome.timedOut()).as(outcome::toString).isTrue();
		assertThat(outcome.seconds()).isGreaterThanOrEqualTo(LabRuns.READ_TIMEOUT.toSeconds() - 0.5);
		assertThat(lab.server().requests("tag=stale-without-1")).hasSize(1);
		assertThat(lab.server().requests("tag=stale-without-2")).isEmpty();
	}

	private ClientOutcome reuseAfterIdle(LabMode mode, String tag) {
		Map<String, String> scenario = Map.of("lab.warm-up", lab.server().uri("/hello?tag=" + tag + "-1").toString(),
				"lab.idle-after-warm-up", lab.natIdleTimeout().multipliedBy(3).toString());
		List<String> args = List.of(lab.server().uri("/hello?tag=" + tag + "-2").toString());
		ClientOutcome outcome = LabRuns.await(
				lab.startClient(RestClientApp.class, args, LabRuns.properties(mode, LabRuns.READ_TIMEOUT, scenario)));
		LabSummary.record(ROW, mode, outcome);
		return outcome;
	}

	private static String remote(String request) {
		return request.substring(0, request.indexOf(' '));
	}

}
