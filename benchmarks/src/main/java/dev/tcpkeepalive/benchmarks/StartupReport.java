package dev.tcpkeepalive.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * The Markdown tables of {@link StartupComparison}, with the goals checked.
 */
final class StartupReport {

	/** Goal for the ratio of median startup times, with ÷ without. */
	static final double GOAL = 1.01;

	/** Ratio of medians that is still within the noise of this measurement. */
	static final double NOISE = 1.015;

	/** Goal for the starter's own classes loaded before "Started SampleApplication". */
	static final int CLASS_GOAL = 30;

	private StartupReport() {
	}

	static void print(Map<Side, List<StartupRun>> results, Map<Side, ClassLoadLog> classes) {
		List<StartupRun> withRuns = results.get(Side.WITH);
		List<StartupRun> withoutRuns = results.get(Side.WITHOUT);
		Summary with = summary(withRuns, StartupRun::readyMillis);
		Summary without = summary(withoutRuns, StartupRun::readyMillis);
		List<Double> pairRatios = new ArrayList<>();
		for (int i = 0; i < withRuns.size(); i++) {
			pairRatios.add(withRuns.get(i).readyMillis() / withoutRuns.get(i).readyMillis());
		}
		double ratioOfMedians = with.median() / without.median();
		System.out.println();
		System.out.println("| Figure | Median | Min | Max |");
		System.out.println("|---|---|---|---|");
		row("Ready, with the starter (ms)", with, "%.1f");
		row("Ready, without the starter (ms)", without, "%.1f");
		row("Per-pair ratio with ÷ without", Summary.of(pairRatios), "%.4f");
		row("Starter bean instantiation, with (ms)", summary(withRuns, StartupRun::starterMillis), "%.2f");
		Summary withAllocated = summary(withRuns, StartupRun::allocatedMegabytes);
		Summary withoutAllocated = summary(withoutRuns, StartupRun::allocatedMegabytes);
		row("Allocated by the main thread until ready, with (MiB)", withAllocated, "%.1f");
		row("Allocated by the main thread until ready, without (MiB)", withoutAllocated, "%.1f");
		ClassLoadLog withClasses = classes.get(Side.WITH);
		ClassLoadLog withoutClasses = classes.get(Side.WITHOUT);
		System.out.println();
		System.out.println("| Figure | Value | Goal | Met |");
		System.out.println("|---|---|---|---|");
		System.out.printf(Locale.ROOT,
				"| Ratio of medians with ÷ without | %.4f | ≤ %.2f (≤ %.3f within noise) | %s |%n", ratioOfMedians,
				GOAL, NOISE, verdict(ratioOfMedians));
		RatioInterval paired = RatioInterval.of(pairRatios);
		System.out.printf(Locale.ROOT,
				"| Per-pair ratio with ÷ without, geometric mean (95 %% interval) | %.4f (%.4f to %.4f) | ≤ %.2f | %s |%n",
				paired.estimate(), paired.low(), paired.high(), GOAL, paired.atMost(GOAL));
		RatioInterval bootstrap = RatioInterval.ofMedians(withRuns.stream().map(StartupRun::readyMillis).toList(),
				withoutRuns.stream().map(StartupRun::readyMillis).toList());
		System.out.printf(Locale.ROOT,
				"| Ratio of medians, 95 %% bootstrap interval (pairs resampled) | %.4f to %.4f | ≤ %.2f | %s |%n",
				bootstrap.low(), bootstrap.high(), GOAL, bootstrap.atMost(GOAL));
		System.out.printf(Locale.ROOT, "| Difference of medians with − without (ms) | %+.1f | | |%n",
				with.median() - without.median());
		System.out.printf(Locale.ROOT,
				"| Allocated by the main thread until ready, with − without (MiB, medians) | %+.2f (%+.2f %%) | | |%n",
				withAllocated.median() - withoutAllocated.median(),
				100 * (withAllocated.median() / withoutAllocated.median() - 1));
		System.out.printf(Locale.ROOT,
				"| Starter's classes loaded before \"Started SampleApplication\", with / without "
						+ "| %d (%d of them lambdas) / %d | ≤ %d | %s |%n",
				withClasses.starter(), withClasses.starterLambdas(), withoutClasses.starter(), CLASS_GOAL,
				(withClasses.starter() <= CLASS_GOAL) ? "met" : "NOT met");
		System.out.printf(Locale.ROOT, "| All classes loaded before it, with − without | %+d (%d − %d) | | |%n",
				withClasses.total() - withoutClasses.total(), withClasses.total(), withoutClasses.total());
		for (Side side : Side.values()) {
			List<String> starterClasses = classes.get(side).starterClasses();
			if (!starterClasses.isEmpty()) {
				System.out
					.printf("%nThe starter's classes loaded before \"Started SampleApplication\", %s the starter, "
							+ "by package:%n", side.id());
				byPackage(starterClasses).forEach((name, simpleNames) -> System.out.printf("- %s (%d): %s%n", name,
						simpleNames.values().stream().mapToInt(Integer::intValue).sum(), describe(simpleNames)));
			}
		}
	}

	// Lambdas are hidden classes named Outer$$Lambda$12/0x...: count them per outer class
	private static Map<String, Map<String, Integer>> byPackage(List<String> classNames) {
		Map<String, Map<String, Integer>> byPackage = new TreeMap<>();
		for (String className : classNames) {
			String name = className.replaceAll("\\$\\$Lambda.*", "\\$\\$Lambda");
			int nested = name.indexOf('$');
			int lastDot = name.lastIndexOf('.', (nested > 0) ? nested : name.length());
			byPackage.computeIfAbsent(name.substring(0, lastDot), (key) -> new LinkedHashMap<>())
				.merge(name.substring(lastDot + 1), 1, Integer::sum);
		}
		return byPackage;
	}

	private static String describe(Map<String, Integer> simpleNames) {
		List<String> descriptions = new ArrayList<>();
		simpleNames.forEach((name, count) -> descriptions.add((count > 1) ? name + " ×" + count : name));
		return String.join(", ", descriptions);
	}

	private static String verdict(double ratioOfMedians) {
		if (ratioOfMedians <= GOAL) {
			return "met";
		}
		return (ratioOfMedians <= NOISE) ? "within noise" : "NOT met";
	}

	private static Summary summary(List<StartupRun> runs, ToDoubleFunction<StartupRun> value) {
		return Summary.of(runs.stream().map(value::applyAsDouble).toList());
	}

	private static void row(String figure, Summary summary, String format) {
		System.out.printf(Locale.ROOT, "| %s | " + format + " | " + format + " | " + format + " |%n", figure,
				summary.median(), summary.min(), summary.max());
	}

}
