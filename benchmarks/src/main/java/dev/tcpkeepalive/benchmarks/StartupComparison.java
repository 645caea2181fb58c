package dev.tcpkeepalive.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Figure 3: the sample app's startup time with the starter ÷ without, each run in a fresh
 * JVM, the sides interleaved, plus the milliseconds its beans take according to Boot's
 * startup steps and the classes loaded before "Started SampleApplication", which unlike
 * the time do not depend on how busy the machine is.
 *
 * @since 0.1.0
 */
public final class StartupComparison {

	private static final long TIMEOUT_SECONDS = 180;

	private StartupComparison() {
	}

	public static void main(String[] args) throws IOException, InterruptedException {
		int runs = Integer.getInteger("bench.startup.runs", 40);
		// The warmup pairs log class loading, so there is always at least one
		int warmups = Math.max(1, Integer.getInteger("bench.startup.warmups", 1));
		String without = System.getProperty("bench.without", Side.EXCLUDED);
		List<String> jvmArguments = jvmArguments();
		String excluded = excluded();
		System.out.printf(Locale.ROOT,
				"Figure 3: sample app startup (SpringApplication.run to ApplicationReadyEvent), "
						+ "with the starter ÷ without (goal ≤ %.2f), and the starter's classes loaded before \"Started "
						+ "SampleApplication\" (goal ≤ %d)%n",
				StartupReport.GOAL, StartupReport.CLASS_GOAL);
		System.out.println(Machine.describe());
		System.out.printf(
				"Runs: %d per side after %d discarded warmup pair(s), which count loaded classes "
						+ "(-Xlog:class+load); one JVM each, alternating; 'without' = starter %s; "
						+ "extra JVM arguments: %s; excluded on both sides: %s%n%n",
				runs, warmups, without, jvmArguments.isEmpty() ? "none" : String.join(" ", jvmArguments),
				excluded.isEmpty() ? "none" : excluded);
		checkSampleApplicationIsLoadable();
		Map<Side, List<StartupRun>> results = new EnumMap<>(Side.class);
		Map<Side, ClassLoadLog> classes = new EnumMap<>(Side.class);
		for (int pair = 0; pair < warmups + runs; pair++) {
			List<Side> order = (pair % 2 == 0) ? List.of(Side.WITH, Side.WITHOUT) : List.of(Side.WITHOUT, Side.WITH);
			for (Side side : order) {
				boolean warmup = pair < warmups;
				StartupRun run = probe(side, without, excluded, jvmArguments, warmup);
				ClassLoadLog loaded = run.classes();
				System.out.printf(Locale.ROOT,
						"%s %-7s ready %7.1f ms, %2d starter beans took %6.2f ms, main thread allocated %.1f MiB%s%n",
						warmup ? "warmup" : "run " + (pair - warmups + 1), side.id(), run.readyMillis(),
						run.starterBeans(), run.starterMillis(), run.allocatedMegabytes(),
						(loaded != null) ? ", classes loaded before Started: " + loaded.total() + ", the starter's: "
								+ loaded.starter() : "");
				if (loaded != null) {
					classes.putIfAbsent(side, loaded);
				}
				if (!warmup) {
					results.computeIfAbsent(side, (key) -> new ArrayList<>()).add(run);
				}
			}
		}
		StartupReport.print(results, classes);
	}

	// After `package`, Maven hands dependants the sample app's repackaged jar, whose
	// classes sit under BOOT-INF/
	private static void checkSampleApplicationIsLoadable() {
		try {
			Class.forName(StartupProbe.SAMPLE_APPLICATION);
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(StartupProbe.SAMPLE_APPLICATION + " is not on the class path. Run this "
					+ "benchmark with the 'compile' phase (see docs/benchmarks-howto.md), not 'package'", ex);
		}
	}

	// For comparisons under other JIT or GC settings, which apply to both sides alike
	private static List<String> jvmArguments() {
		String arguments = System.getProperty("bench.startup.jvm-args", "").trim();
		return arguments.isEmpty() ? List.of() : List.of(arguments.split("\\s+"));
	}

	// To find what part of the starter costs what: "with" minus some of its
	// auto-configurations, against "without"
	private static String excluded() {
		List<String> names = new ArrayList<>();
		for (String name : System.getProperty("bench.startup.exclude", "").split(",")) {
			if (!name.isBlank()) {
				names.add(autoConfiguration(name.trim()));
			}
		}
		return String.join(",", names);
	}

	private static String autoConfiguration(String name) {
		if (name.contains(".")) {
			return name;
		}
		return Side.autoConfigurations()
			.stream()
			.filter((candidate) -> candidate.endsWith("." + name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No auto-configuration named " + name));
	}

	private static StartupRun probe(Side side, String without, String excluded, List<String> jvmArguments,
			boolean logClasses) throws IOException, InterruptedException {
		Path classLog = logClasses ? Files.createTempFile("tcpkeepalive-classes-", ".log") : null;
		try {
			String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
			List<String> command = new ArrayList<>(List.of(java));
			command.addAll(Machine.quietJvmArguments());
			command.addAll(jvmArguments);
			if (classLog != null) {
				command.add(ClassLoadLog.jvmOption(classLog));
			}
			command.addAll(List.of("-cp", System.getProperty("java.class.path"), StartupProbe.class.getName(),
					side.id(), without, excluded));
			String result = run(command, side);
			return new StartupRun(value(result, "ready-ms"), value(result, "starter-ms"),
					(int) value(result, "starter-beans"), value(result, "allocated-mb"),
					(classLog != null) ? ClassLoadLog.read(classLog) : null);
		}
		finally {
			if (classLog != null) {
				Files.deleteIfExists(classLog);
			}
		}
	}

	private static String run(List<String> command, Side side) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
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
		if (result == null || process.isAlive() || process.exitValue() != 0) {
			throw new IllegalStateException(
					"The " + side.id() + " startup probe failed:" + System.lineSeparator() + output);
		}
		return result;
	}

	private static double value(String line, String key) {
		for (String field : line.split(" ")) {
			if (field.startsWith(key + "=")) {
				return Double.parseDouble(field.substring(key.length() + 1));
			}
		}
		throw new IllegalStateException("No " + key + " in '" + line + "'");
	}

}
