package dev.tcpkeepalive.natlab;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.tcpkeepalive.test.natlab.NatLab;
import dev.tcpkeepalive.test.natlab.RunningClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts lab clients the same way for every test: the path's application, the mode's
 * properties and a read timeout.
 */
final class LabRuns {

	static final Duration READ_TIMEOUT = Duration.ofSeconds(25);

	private static final Duration DEADLINE = Duration.ofSeconds(100);

	private LabRuns() {
	}

	/**
	 * Run one request that the server answers only after three NAT idle timeouts.
	 */
	static ClientOutcome slowRequest(NatLab lab, LabPath path, LabMode mode) {
		String tag = (path.name() + "-" + mode.name()).toLowerCase(Locale.ROOT);
		String url = lab.server().uri("/slow?seconds=" + slowDelaySeconds(lab) + "&tag=" + tag).toString();
		Map<String, String> properties = properties(mode, READ_TIMEOUT, path.properties());
		ClientOutcome outcome = await(lab.startClient(path.application(), List.of(url), properties));
		LabSummary.record(path.label(), mode, outcome);
		return outcome;
	}

	/**
	 * Send the slow request with the starter and assert that the answer arrives through
	 * the NAT.
	 */
	static void assertSlowResponseArrives(NatLab lab, LabPath path) {
		ClientOutcome outcome = slowRequest(lab, path, LabMode.WITH_STARTER);
		assertThat(outcome.evidence()).contains(path.evidence());
		assertThat(outcome.ok()).as(outcome::toString).isTrue();
		assertThat(outcome.detail()).isEqualTo(path.expectedDetail(slowDelaySeconds(lab)));
	}

	/**
	 * Send the slow request without keepalive and assert that the client waits for its
	 * read timeout.
	 */
	static void assertClientWaitsForItsReadTimeout(NatLab lab, LabPath path) {
		ClientOutcome outcome = slowRequest(lab, path, LabMode.WITHOUT_STARTER);
		assertThat(outcome.evidence()).contains(path.evidence());
		assertThat(outcome.timedOut()).as(outcome::toString).isTrue();
		assertThat(outcome.seconds()).isGreaterThanOrEqualTo(READ_TIMEOUT.toSeconds() - 0.5);
	}

	static long slowDelaySeconds(NatLab lab) {
		return lab.natIdleTimeout().multipliedBy(3).toSeconds();
	}

	static Map<String, String> properties(LabMode mode, Duration readTimeout, Map<String, String> extra) {
		Map<String, String> properties = new HashMap<>(mode.properties());
		properties.put("spring.http.clients.read-timeout", readTimeout.toSeconds() + "s");
		properties.putAll(extra);
		return properties;
	}

	static ClientOutcome await(RunningClient client) {
		return ClientOutcome.of(client.await(DEADLINE));
	}

}
