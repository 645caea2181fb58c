package dev.tcpkeepalive.test.natlab;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Proves that a freshly started lab's NAT really drops an idle flow that has no
 * keepalive: without this proof, a client that "survives" might only mean the NAT never
 * dropped anything.
 */
final class IdleFlowSelfCheck {

	private IdleFlowSelfCheck() {
	}

	static void run(NatLab lab) {
		Duration natIdleTimeout = lab.natIdleTimeout();
		long timeoutMillis = natIdleTimeout.toMillis();
		String delaySeconds = String.format(Locale.ROOT, "%.1f", timeoutMillis * 2.4 / 1000);
		long readTimeoutMillis = timeoutMillis * 3;
		List<String> args = List.of(LabNetwork.SERVER_ADDRESS, String.valueOf(lab.server().uri("/").getPort()),
				delaySeconds, String.valueOf(readTimeoutMillis));
		ClientRun run = lab.startClient(SelfCheckClient.class, args, Map.of())
			.await(Duration.ofMillis(readTimeoutMillis).plusSeconds(30));
		List<String> outcome = run.linesStartingWith("SELF-CHECK ");
		if (outcome.size() == 1 && outcome.get(0).startsWith("TIMED_OUT")) {
			return;
		}
		if (outcome.size() == 1 && outcome.get(0).startsWith("ANSWERED")) {
			throw new IllegalStateException("The NAT lab does not drop idle flows: a socket without keepalive got a "
					+ delaySeconds + " s answer through a NAT with a " + natIdleTimeout.toSeconds()
					+ " s idle timeout (" + outcome.get(0) + "), so no lab result would mean anything");
		}
		throw new IllegalStateException("The NAT lab self-check could not run: " + run);
	}

}
