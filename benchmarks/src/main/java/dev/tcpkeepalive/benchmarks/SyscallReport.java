package dev.tcpkeepalive.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The Markdown tables of {@link SyscallComparison}, with the goals checked.
 * <p>
 * Per new connection the starter should add exactly the {@code setsockopt} calls its
 * settings need (the benchmark runs the defaults: keepalive on, idle, interval and count,
 * no user timeout) and a bounded read-back; per pooled request it should make no socket
 * call at all.
 */
final class SyscallReport {

	// The settings of the benchmark's client: SO_KEEPALIVE, TCP_KEEPIDLE, TCP_KEEPINTVL,
	// TCP_KEEPCNT
	private static final Set<String> NEEDED = Set.of("SOL_SOCKET SO_KEEPALIVE", "SOL_TCP TCP_KEEPIDLE",
			"SOL_TCP TCP_KEEPINTVL", "SOL_TCP TCP_KEEPCNT");

	// The read-back: the four options above, plus TCP_USER_TIMEOUT where the transport
	// reports it
	private static final int READ_BACK_BOUND = 5;

	private final int requests;

	SyscallReport(int requests) {
		this.requests = requests;
	}

	void print(Map<String, Map<Side, List<StraceLog>>> results) {
		System.out.println();
		System.out.println("| Client | Window | Side | Requests | New connections (connect) | setsockopt on them | "
				+ "getsockopt on them | Calls on older connections |");
		System.out.println("|---|---|---|---|---|---|---|---|");
		results.forEach((client, sides) -> sides.forEach((side, windows) -> {
			for (int i = 0; i < windows.size(); i++) {
				StraceLog log = windows.get(i);
				System.out.printf("| %s | %s | %s | %d | %d | %d | %d | %d |%n", client,
						(i == 0) ? "Connection: close" : "pooled", side.id(), this.requests, log.connects(),
						log.setsockoptCalls(), log.getsockoptCalls(), log.onOlderConnections());
			}
		}));
		System.out.println();
		System.out.println("| Client | Per new connection | With | Without | With − without, by option | Goal | Met |");
		System.out.println("|---|---|---|---|---|---|---|");
		results.forEach((client, sides) -> {
			StraceLog with = sides.get(Side.WITH).get(0);
			StraceLog without = sides.get(Side.WITHOUT).get(0);
			Map<String, Double> addedSet = added(with.setsockopt(), with.connects(), without.setsockopt(),
					without.connects());
			Map<String, Double> addedGet = added(with.getsockopt(), with.connects(), without.getsockopt(),
					without.connects());
			// Each needed option set exactly once, and no other option set more or less
			// often than without
			boolean setMet = NEEDED.stream()
				.allMatch((option) -> with.setsockopt().getOrDefault(option, 0) == with.connects())
					&& NEEDED.containsAll(addedSet.keySet());
			double getAdded = addedGet.values().stream().mapToDouble(Double::doubleValue).sum();
			System.out.printf(Locale.ROOT,
					"| %s | setsockopt | %.2f | %.2f | %s | each keepalive option once, " + "others unchanged | %s |%n",
					client, with.setsockoptCalls() / (double) with.connects(),
					without.setsockoptCalls() / (double) without.connects(), describe(addedSet),
					setMet ? "met" : "NOT met");
			System.out.printf(Locale.ROOT, "| %s | getsockopt | %.2f | %.2f | %s | ≤ %d more (read-back) | %s |%n",
					client, with.getsockoptCalls() / (double) with.connects(),
					without.getsockoptCalls() / (double) without.connects(), describe(addedGet), READ_BACK_BOUND,
					(getAdded <= READ_BACK_BOUND) ? "met" : "NOT met");
		});
		System.out.println();
		System.out.println("| Client | Per pooled request | With | Without | Goal | Met |");
		System.out.println("|---|---|---|---|---|---|");
		results.forEach((client, sides) -> {
			StraceLog with = sides.get(Side.WITH).get(1);
			StraceLog without = sides.get(Side.WITHOUT).get(1);
			System.out.printf(Locale.ROOT,
					"| %s | setsockopt + getsockopt on the reused connection | %.3f | %.3f | 0 " + "| %s |%n", client,
					with.onOlderConnections() / (double) this.requests,
					without.onOlderConnections() / (double) this.requests,
					(with.onOlderConnections() == 0) ? "met" : "NOT met");
			System.out.printf(Locale.ROOT,
					"| %s | new connections the pool opened (the library's, not counted "
							+ "above) | %.3f | %.3f | | |%n",
					client, with.connects() / (double) this.requests, without.connects() / (double) this.requests);
		});
	}

	// Per connection, option by option: with − without, leaving out options both sides
	// set equally often
	private static Map<String, Double> added(Map<String, Integer> with, int withConnects, Map<String, Integer> without,
			int withoutConnects) {
		Set<String> options = new TreeSet<>(with.keySet());
		options.addAll(without.keySet());
		Map<String, Double> added = new TreeMap<>();
		for (String option : options) {
			double difference = with.getOrDefault(option, 0) / (double) withConnects
					- without.getOrDefault(option, 0) / (double) withoutConnects;
			if (difference != 0) {
				added.put(option, difference);
			}
		}
		return added;
	}

	private static String describe(Map<String, Double> added) {
		if (added.isEmpty()) {
			return "none";
		}
		StringBuilder description = new StringBuilder();
		added.forEach((option, count) -> description.append((description.length() > 0) ? ", " : "")
			.append(option.substring(option.indexOf(' ') + 1))
			.append(String.format(Locale.ROOT, " %+.2f", count)));
		return description.toString();
	}

}
