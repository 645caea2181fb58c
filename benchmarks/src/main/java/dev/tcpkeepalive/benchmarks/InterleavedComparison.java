package dev.tcpkeepalive.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs one {@link HttpClientBenchmarks} method for each client, alternating with and
 * without the starter in every round, one fresh JVM per run, and prints the per-round
 * ratios with their geometric mean, its 95 % confidence interval, median, minimum and
 * maximum.
 * <p>
 * Alternating inside one command, and starting every other round with the other side,
 * spreads drift (other load, thermal state) over both sides; the per-round ratio compares
 * two runs that were minutes apart at most.
 */
final class InterleavedComparison {

	private final String benchmark;

	private final String unit;

	private final double goal;

	private final int rounds = Integer.getInteger("bench.rounds", 10);

	private final int warmups = Integer.getInteger("bench.warmups", 2);

	private final int iterations = Integer.getInteger("bench.iterations", 3);

	private final int seconds = Integer.getInteger("bench.seconds", 1);

	private final String without = System.getProperty("bench.without", Side.EXCLUDED);

	private final List<String> clients = List
		.of(System.getProperty("bench.clients", "rest-client,web-client").split(","));

	private final boolean verbose = Boolean.getBoolean("bench.verbose");

	InterleavedComparison(String benchmark, String unit, double goal) {
		this.benchmark = benchmark;
		this.unit = unit;
		this.goal = goal;
	}

	void run(String title) throws RunnerException {
		System.out.println(title);
		System.out.println(Machine.describe());
		System.out.printf(
				"Rounds: %d, each side %d warmup + %d measured iterations of %d s in 1 fork; "
						+ "'without' = starter %s%n%n",
				this.rounds, this.warmups, this.iterations, this.seconds, this.without);
		Map<String, List<double[]>> results = new LinkedHashMap<>();
		for (int round = 1; round <= this.rounds; round++) {
			for (String client : this.clients) {
				List<Side> order = (round % 2 == 1) ? List.of(Side.WITH, Side.WITHOUT)
						: List.of(Side.WITHOUT, Side.WITH);
				double[] scores = new double[2];
				for (Side side : order) {
					scores[side.ordinal()] = measure(client, side);
					System.out.printf("round %d %-11s %-7s %,12.0f %s%n", round, client, side.id(),
							scores[side.ordinal()], this.unit);
				}
				results.computeIfAbsent(client, (key) -> new ArrayList<>()).add(scores);
			}
		}
		report(results);
	}

	private double measure(String client, Side side) throws RunnerException {
		Options options = new OptionsBuilder()
			.include(HttpClientBenchmarks.class.getName() + "." + this.benchmark + "$")
			.param("client", client)
			.param("starter", side.id())
			.param("without", this.without)
			.forks(1)
			.threads(1)
			.warmupIterations(this.warmups)
			.warmupTime(TimeValue.seconds(this.seconds))
			.measurementIterations(this.iterations)
			.measurementTime(TimeValue.seconds(this.seconds))
			.jvmArgsAppend(Machine.quietJvmArguments().toArray(String[]::new))
			.verbosity(this.verbose ? VerboseMode.NORMAL : VerboseMode.SILENT)
			.build();
		Collection<RunResult> results = new Runner(options).run();
		if (results.size() != 1) {
			throw new IllegalStateException("The " + client + " " + side.id() + " run produced " + results.size()
					+ " results; rerun with -Dbench.verbose=true to see the forked JVM's output");
		}
		return results.iterator().next().getPrimaryResult().getScore();
	}

	private void report(Map<String, List<double[]>> results) {
		System.out.printf("%n| Client | Round | With (%s) | Without (%s) | With ÷ without |%n", this.unit, this.unit);
		System.out.println("|---|---|---|---|---|");
		results.forEach((client, rounds) -> {
			for (int i = 0; i < rounds.size(); i++) {
				double[] scores = rounds.get(i);
				System.out.printf(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.4f |%n", client, i + 1,
						scores[Side.WITH.ordinal()], scores[Side.WITHOUT.ordinal()], ratio(scores));
			}
		});
		System.out
			.printf("%n| Client | Ratio, geometric mean | 95 %% interval | Median | Min | Max | With median (%s) | "
					+ "Without median (%s) | Goal | Met |%n", this.unit, this.unit);
		System.out.println("|---|---|---|---|---|---|---|---|---|---|");
		results.forEach((client, rounds) -> {
			List<Double> ratioList = rounds.stream().map(InterleavedComparison::ratio).toList();
			RatioInterval interval = RatioInterval.of(ratioList);
			Summary ratios = Summary.of(ratioList);
			Summary withScores = Summary.of(rounds.stream().map((scores) -> scores[Side.WITH.ordinal()]).toList());
			Summary withoutScores = Summary
				.of(rounds.stream().map((scores) -> scores[Side.WITHOUT.ordinal()]).toList());
			System.out.printf(Locale.ROOT,
					"| %s | %.4f | %.4f – %.4f | %.4f | %.4f | %.4f | %.0f | %.0f | ≥ %.2f | %s |%n", client,
					interval.estimate(), interval.low(), interval.high(), ratios.median(), ratios.min(), ratios.max(),
					withScores.median(), withoutScores.median(), this.goal, interval.against(this.goal));
		});
		System.out.println();
		System.out
			.println("The interval is a 95 % t-interval over the rounds' log ratios: 'met' when it lies at or above "
					+ "the goal, 'NOT met' when below, 'not resolved' when it straddles the goal.");
	}

	private static double ratio(double[] scores) {
		return scores[Side.WITH.ordinal()] / scores[Side.WITHOUT.ordinal()];
	}

}
