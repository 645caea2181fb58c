package dev.tcpkeepalive.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Figure 3: the sample app's startup time with the starter ÷ without, each run in a fresh JVM, the sides
 * interleaved, plus the milliseconds its beans take according to Boot's startup steps.
 *
 * @since 0.1.0
 */
public final class StartupComparison {

	private static final double GOAL = 1.03;

	private static final long TIMEOUT_SECONDS = 180;

	private StartupComparison() {
	}

	public static void main(String[] args) throws IOException, InterruptedException {
		int runs = Integer.getInteger("bench.startup.runs", 10);
		int warmups = Integer.getInteger("bench.startup.warmups", 1);
		String without = System.getProperty("bench.without", Side.EXCLUDED);
		System.out.println("Figure 3: sample app startup (SpringApplication.run to ApplicationReadyEvent), "
				+ "with the starter ÷ without (goal ≤ " + GOAL + ")");
		System.out.println(Machine.describe());
		System.out.printf("Runs: %d per side after %d discarded warmup pair(s), one JVM each, alternating; "
				+ "'without' = starter %s%n%n", runs, warmups, without);
		checkSampleApplicationIsLoadable();
		Map<Side, List<double[]>> results = new EnumMap<>(Side.class);
		for (int pair = 0; pair < warmups + runs; pair++) {
			List<Side> order = (pair % 2 == 0) ? List.of(Side.WITH, Side.WITHOUT) : List.of(Side.WITHOUT, Side.WITH);
			for (Side side : order) {
				double[] result = probe(side, without);
				boolean warmup = pair < warmups;
				System.out.printf(Locale.ROOT, "%s %-7s ready %7.1f ms, %2.0f starter beans took %6.2f ms%n",
						warmup ? "warmup" : "run " + (pair - warmups + 1), side.id(), result[0], result[2], result[1]);
				if (!warmup) {
					results.computeIfAbsent(side, (key) -> new ArrayList<>()).add(result);
				}
			}
		}
		report(results);
	}

	// After `package`, Maven hands dependants the sample app's repackaged jar, whose classes sit under BOOT-INF/
	private static void checkSampleApplicationIsLoadable() {
		try {
			Class.forName(StartupProbe.SAMPLE_APPLICATION);
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(StartupProbe.SAMPLE_APPLICATION + " is not on the class path. Run this "
					+ "benchmark with the 'compile' phase (see docs/benchmarks-howto.md), not 'package'", ex);
		}
	}

	private static double[] probe(Side side, String without) throws IOException, InterruptedException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java));
		command.addAll(Machine.quietJvmArguments());
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), StartupProbe.class.getName(), side.id(),
				without));
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.start();
		StringBuilder output = new StringBuilder();
		String result = null;
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				output.append(line).append(System.lineSeparator());
				if (line.startsWith(StartupProbe.PREFIX + " ")) {
					result = line;
				}
			}
		}
		if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
			process.destroyForcibly();
		}
		if (result == null || process.exitValue() != 0) {
			throw new IllegalStateException("The " + side.id() + " startup probe failed:" + System.lineSeparator()
					+ output);
		}
		return new double[] { value(result, "ready-ms"), value(result, "starter-ms"), value(result, "starter-beans") };
	}

	private static double value(String line, String key) {
		for (String field : line.split(" ")) {
			if (field.startsWith(key + "=")) {
				return Double.parseDouble(field.substring(key.length() + 1));
			}
		}
		throw new IllegalStateException("No " + key + " in '" + line + "'");
	}

	private static void report(Map<Side, List<double[]>> results) {
		Summary with = Summary.of(results.get(Side.WITH).stream().map((result) -> result[0]).toList());
		Summary without = Summary.of(results.get(Side.WITHOUT).stream().map((result) -> result[0]).toList());
		Summary starterBeans = Summary.of(results.get(Side.WITH).stream().map((result) -> result[1]).toList());
		List<Double> pairRatios = new ArrayList<>();
		for (int i = 0; i < results.get(Side.WITH).size(); i++) {
			pairRatios.add(results.get(Side.WITH).get(i)[0] / results.get(Side.WITHOUT).get(i)[0]);
		}
		Summary ratios = Summary.of(pairRatios);
		double ratioOfMedians = with.median() / without.median();
		System.out.println();
		System.out.println("| Figure | Median | Min | Max |");
		System.out.println("|---|---|---|---|");
		row("Ready, with the starter (ms)", with, "%.1f");
		row("Ready, without the starter (ms)", without, "%.1f");
		row("Per-pair ratio with ÷ without", ratios, "%.4f");
		row("Starter bean instantiation, with (ms)", starterBeans, "%.2f");
		System.out.printf(Locale.ROOT, "%nRatio of medians with ÷ without: %.4f (goal ≤ %.2f: %s)%n", ratioOfMedians,
				GOAL, (ratioOfMedians <= GOAL) ? "met" : "NOT met");
		System.out.printf(Locale.ROOT, "Difference of medians with − without: %+.1f ms%n",
				with.median() - without.median());
	}

	private static void row(String figure, Summary summary, String format) {
		System.out.printf(Locale.ROOT, "| %s | " + format + " | " + format + " | " + format + " |%n", figure,
				summary.median(), summary.min(), summary.max());
	}

}
