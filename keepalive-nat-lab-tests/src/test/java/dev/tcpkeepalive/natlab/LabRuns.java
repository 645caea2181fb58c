package dev.tcpkeepalive.natlab;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.tcpkeepalive.test.natlab.NatLab;
import dev.tcpkeepalive.test.natlab.RunningClient;

/**
 * Starts lab clients the same way for every test: the path's application, the mode's properties and a read timeout.
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
