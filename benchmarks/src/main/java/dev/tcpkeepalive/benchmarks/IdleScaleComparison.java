package dev.tcpkeepalive.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.tcpkeepalive.test.natlab.ClientRun;
import dev.tcpkeepalive.test.natlab.LabServer;
import dev.tcpkeepalive.test.natlab.NatLab;
import dev.tcpkeepalive.test.natlab.NatLabAvailability;

/**
 * Figure 4: how many of many pooled WebClient connections survive three NAT idle timeouts
 * with the starter and without it, what the idle period costs the client in CPU, and
 * whether the starter's heap grows with connections.
 * <p>
 * Every run gets a fresh NAT lab, so that no socket or conntrack entry of one side is
 * left for the other; the sides alternate, and every other round starts with the other
 * one.
 *
 * @since 0.1.0
 */
public final class IdleScaleComparison {

	private static final Duration NAT_IDLE_TIMEOUT = Duration.ofSeconds(5);

	private static final Duration IDLE = NAT_IDLE_TIMEOUT.multipliedBy(3);

	// Longer than dispatching 10,000 requests takes on a busy 2-core machine, so that all
	// are in flight at once
	private static final int ANSWER_SECONDS = 15;

	private static final int FIRST_CONNECTIONS = 100;

	private static final Duration CLIENT_DEADLINE = Duration.ofMinutes(5);

	private IdleScaleComparison() {
	}

	public static void main(String[] args) {
		int connections = Integer.getInteger("bench.scale.connections", 10_000);
		int rounds = Integer.getInteger("bench.scale.rounds", 1);
		System.out.println("Figure 4: scale of idle protection, " + connections + " pooled WebClient (Reactor Netty) "
				+ "connections idle for 3 × T in the NAT lab (T = " + NAT_IDLE_TIMEOUT.toSeconds() + " s)");
		System.out.println(Machine.describe());
		System.out.println("Starter: idle=2s, interval=2s, count=3, nat-idle-timeout=5s; 'without' = "
				+ "azure.tcp-keepalive.enabled=false; rounds: " + rounds + ", one fresh lab per run");
		Optional<String> unavailable = NatLabAvailability.unavailableReason();
		if (unavailable.isPresent()) {
			System.out.println("Figure 4 skipped: the NAT lab cannot run here: " + unavailable.get());
			return;
		}
		System.out.println();
		List<IdleScaleRun> runs = new ArrayList<>();
		for (int round = 1; round <= rounds; round++) {
			List<Side> order = (round % 2 == 1) ? List.of(Side.WITH, Side.WITHOUT) : List.of(Side.WITHOUT, Side.WITH);
			for (Side side : order) {
				long start = System.nanoTime();
				IdleScaleRun run = run(side, side.id() + "-" + round, connections);
				System.out.printf(Locale.ROOT, "round %d %-7s opened %d, usable after idle %d, %s (%.0f s)%n", round,
						side.id(), run.opened(), run.usable(), run.value("reuse", "text"),
						(System.nanoTime() - start) / 1e9);
				runs.add(run);
			}
		}
		for (int round = 0; round < rounds; round++) {
			IdleScaleReport.print(round + 1, connections, FIRST_CONNECTIONS, runs.subList(2 * round, 2 * round + 2));
		}
		// Other processes on the machine may be running labs of their own; their
		// namespaces carry their pid
		String own = "natlab-" + ProcessHandle.current().pid() + "-";
		List<String> leftover = NatLab.leftoverNamespaces().stream().filter((name) -> name.startsWith(own)).toList();
		System.out.println(
				System.lineSeparator() + "This run's lab namespaces left: " + (leftover.isEmpty() ? "none" : leftover));
	}

	private static IdleScaleRun run(Side side, String id, int connections) {
		// A thread per exchange cannot hold 10,000 dripping answers on a small machine;
		// event loops can
		try (NatLab lab = NatLab.start(NAT_IDLE_TIMEOUT, connections, LabServer.Kind.EVENT_LOOP)) {
			List<String> args = List.of(lab.server().uri("/").toString(), side.id(), id, String.valueOf(connections),
					String.valueOf(FIRST_CONNECTIONS), IDLE.toString(), String.valueOf(ANSWER_SECONDS));
			ClientRun client = lab.startClient(IdleScaleClient.class, args, Map.of()).await(CLIENT_DEADLINE);
			if (client.exitCode() != 0) {
				throw new IllegalStateException("The " + side.id() + " client failed: " + client);
			}
			// The server logs each request before answering it, so once the last one is
			// in, all earlier ones are
			lab.server().awaitRequest(IdleScaleRequests.tag(id, "done"), Duration.ofSeconds(30));
			List<String> open = new ArrayList<>(lab.server().requests(IdleScaleRequests.tag(id, "first")));
			open.addAll(lab.server().requests(IdleScaleRequests.tag(id, "open")));
			return IdleScaleRun.of(side, client, open, lab.server().requests(IdleScaleRequests.tag(id, "reuse")));
		}
	}

}
