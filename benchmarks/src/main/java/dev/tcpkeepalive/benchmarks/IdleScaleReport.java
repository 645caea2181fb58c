package dev.tcpkeepalive.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Prints one round of figure 4 as a Markdown table, with the starter beside without it.
 */
final class IdleScaleReport {

	// Below one byte per added connection, what the starter retains does not grow with
	// the connection count
	private static final double PER_CONNECTION_LIMIT = 1.0;

	private IdleScaleReport() {
	}

	static void print(int round, int connections, int first, List<IdleScaleRun> runs) {
		IdleScaleRun with = runs.stream().filter((run) -> run.side() == Side.WITH).findFirst().orElseThrow();
		IdleScaleRun without = runs.stream().filter((run) -> run.side() == Side.WITHOUT).findFirst().orElseThrow();
		System.out.printf("%n| Figure (round %d) | With the starter | Without (enabled=false) | Goal | Met |%n", round);
		System.out.println("|---|---|---|---|---|");
		row("Requests opening the pool: answered / failed", with, without,
				(run) -> run.value("open", "ok") + " / " + run.value("open", "failed"), "", "");
		row("Connections opened (distinct client ports in the server's log)", with, without,
				(run) -> String.valueOf(run.opened()), String.valueOf(connections), met(with.opened() == connections));
		row("Sockets established after the idle period / with a keepalive timer (`ss`)", with, without,
				(run) -> run.value("sockets", "established") + " / " + run.value("sockets", "keepalive-timer"), "", "");
		row("**Usable afterwards** (answered, each on its own connection opened before)", with, without,
				(run) -> String.valueOf(run.usable()), connections + " of " + connections,
				met(with.usable() == connections));
		row("Requests after the idle period: answered / failed", with, without,
				(run) -> run.value("reuse", "ok") + " / " + run.value("reuse", "failed"), "", "");
		row("First failure", with, without, (run) -> run.value("reuse", "first-failure"), "", "");
		row("Distinct connections carrying them / new connections among them", with, without,
				(run) -> run.reuseConnections() + " / " + run.newConnections(), "no new connection",
				met(with.newConnections() == 0));
		row("**Client CPU seconds during the idle period** (" + with.value("idle", "seconds") + " s)", with, without,
				(run) -> run.value("idle", "cpu-seconds"), "", "");
		row("Starter's retained heap after " + first + " connections: instances / bytes", with, without,
				(run) -> run.value("heap-first", "starter-instances") + " / "
						+ run.value("heap-first", "starter-bytes"),
				"", "");
		row("Starter's retained heap after " + connections + " connections: instances / bytes", with, without,
				(run) -> run.value("heap-open", "starter-instances") + " / " + run.value("heap-open", "starter-bytes"),
				"", "");
		row("**Starter's retained heap per added connection** (bytes)", with, without,
				(run) -> format(perConnection(run, connections, first)), "O(1): < 1 byte",
				met(perConnection(with, connections, first) < PER_CONNECTION_LIMIT));
		row("Whole live heap after " + first + " / " + connections + " connections (MB)", with, without,
				(run) -> megabytes(run.value("heap-first", "heap-bytes")) + " / "
						+ megabytes(run.value("heap-open", "heap-bytes")),
				"", "");
		row("Whole live heap growth per added connection (bytes)", with, without,
				(run) -> format((Long.parseLong(run.value("heap-open", "heap-bytes"))
						- Long.parseLong(run.value("heap-first", "heap-bytes"))) / (double) (connections - first)),
				"", "");
		row("Options read back from the last new connection (KeepAliveObservations)", with, without,
				(run) -> run.value("observed", "text"), "", "");
		System.out.println();
		List<String> classes = List.of(with.value("heap-classes", "text").split(","));
		System.out.println("Starter classes with live instances after " + connections + " connections, with: "
				+ classes.size() + "; the largest (class=instances/bytes): "
				+ String.join(", ", classes.subList(0, Math.min(5, classes.size()))));
	}

	private static double perConnection(IdleScaleRun run, int connections, int first) {
		double grown = Long.parseLong(run.value("heap-open", "starter-bytes"))
				- Long.parseLong(run.value("heap-first", "starter-bytes"));
		return grown / (connections - first);
	}

	private static void row(String figure, IdleScaleRun with, IdleScaleRun without,
			Function<IdleScaleRun, String> value, String goal, String met) {
		System.out.printf("| %s | %s | %s | %s | %s |%n", figure, value.apply(with), value.apply(without), goal, met);
	}

	private static String met(boolean met) {
		return met ? "met" : "NOT met";
	}

	private static String format(double value) {
		return String.format(Locale.ROOT, "%.3f", value);
	}

	private static String megabytes(String bytes) {
		return String.format(Locale.ROOT, "%.1f", Long.parseLong(bytes) / 1048576.0);
	}

}
