package dev.tcpkeepalive.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Figure 5: bytes allocated per request, with the starter and without, from JMH's GC
 * profiler ({@code gc.alloc.rate.norm}).
 * <p>
 * Unlike throughput, allocation per operation does not depend on how busy the machine is,
 * so it resolves small differences on a shared 2-core machine. Pooled requests show what
 * the starter adds to every request; requests with {@code Connection: close} show what it
 * adds to every new connection (setting and reading back the options).
 *
 * @since 0.1.0
 */
public final class AllocationPerRequest {

	private static final List<String> BENCHMARKS = List.of("pooledRequest", "newConnectionRequest");

	private AllocationPerRequest() {
	}

	public static void main(String[] args) throws RunnerException {
		int forks = Integer.getInteger("bench.alloc.forks", 1);
		int warmups = Integer.getInteger("bench.alloc.warmups", 5);
		int iterations = Integer.getInteger("bench.alloc.iterations", 5);
		int seconds = Integer.getInteger("bench.alloc.seconds", 1);
		String without = System.getProperty("bench.without", Side.EXCLUDED);
		String[] clients = System.getProperty("bench.clients", "rest-client,web-client").split(",");
		System.out.println("Figure 5: allocation per request (JMH gc profiler, gc.alloc.rate.norm), "
				+ "with the starter and without (goal: equal within the profiler's error on pooled requests)");
		System.out.println(Machine.describe());
		System.out.printf("Each run: %d fork(s), %d warmup + %d measured iterations of %d s, 1 thread; "
				+ "'without' = starter %s%n%n", forks, warmups, iterations, seconds, without);
		Options options = new OptionsBuilder()
			.include(HttpClientBenchmarks.class.getName() + ".(" + String.join("|", BENCHMARKS) + ")$")
			.param("client", clients)
			.param("starter", Side.WITH.id(), Side.WITHOUT.id())
			.param("without", without)
			.addProfiler(GCProfiler.class)
			.forks(forks)
			.threads(1)
			.warmupIterations(warmups)
			.warmupTime(TimeValue.seconds(seconds))
			.measurementIterations(iterations)
			.measurementTime(TimeValue.seconds(seconds))
			.jvmArgsAppend(Machine.quietJvmArguments().toArray(String[]::new))
			.verbosity(Boolean.getBoolean("bench.verbose") ? VerboseMode.NORMAL : VerboseMode.SILENT)
			.build();
		List<Allocation> allocations = new ArrayList<>();
		for (RunResult result : new Runner(options).run()) {
			Allocation allocation = Allocation.of(result);
			System.out.println(allocation);
			allocations.add(allocation);
		}
		report(allocations, clients);
	}

	private static void report(List<Allocation> allocations, String[] clients) {
		System.out.println();
		System.out.println("| Request | Client | With (B/op) | Without (B/op) | With − without (B/op) | Goal | Met |");
		System.out.println("|---|---|---|---|---|---|---|");
		for (String benchmark : BENCHMARKS) {
			for (String client : clients) {
				Allocation with = find(allocations, benchmark, client, Side.WITH);
				Allocation without = find(allocations, benchmark, client, Side.WITHOUT);
				double difference = with.bytes() - without.bytes();
				double error = with.error() + without.error();
				boolean pooled = "pooledRequest".equals(benchmark);
				String met = (Math.abs(difference) <= error) ? "met" : "NOT met";
				System.out.printf(Locale.ROOT,
						"| %s | %s | %,.0f ± %,.0f | %,.0f ± %,.0f | %+,.0f ± %,.0f | %s | %s |%n",
						pooled ? "pooled" : "new connection", client, with.bytes(), with.error(), without.bytes(),
						without.error(), difference, error, pooled ? "0 within error" : "", pooled ? met : "");
			}
		}
		System.out.println();
		System.out
			.println("± is JMH's 99.9 % confidence half-width over the measured iterations; the difference's ± is "
					+ "the sum of both sides'.");
	}

	private static Allocation find(List<Allocation> allocations, String benchmark, String client, Side side) {
		return allocations.stream()
			.filter((allocation) -> allocation.benchmark().equals(benchmark) && allocation.client().equals(client)
					&& allocation.side() == side)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No result for " + benchmark + " " + client + " " + side.id()
					+ "; rerun with -Dbench.verbose=true to see the forked JVM's output"));
	}

	/**
	 * Bytes allocated per operation in one JMH run.
	 *
	 * @param benchmark the benchmark method
	 * @param client the client parameter
	 * @param side with or without the starter
	 * @param bytes the mean bytes per operation
	 * @param error the 99.9 % confidence half-width
	 */
	record Allocation(String benchmark, String client, Side side, double bytes, double error) {

		static Allocation of(RunResult result) {
			String label = result.getParams().getBenchmark();
			Result<?> norm = result.getSecondaryResults().get("gc.alloc.rate.norm");
			if (norm == null) {
				throw new IllegalStateException("JMH's gc profiler reported no gc.alloc.rate.norm for " + label);
			}
			double error = Double.isNaN(norm.getScoreError()) ? 0 : norm.getScoreError();
			return new Allocation(label.substring(label.lastIndexOf('.') + 1), result.getParams().getParam("client"),
					Side.of(result.getParams().getParam("starter")), norm.getScore(), error);
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "%-20s %-11s %-7s %,10.0f ± %,6.0f B/op", this.benchmark, this.client,
					this.side.id(), this.bytes, this.error);
		}

	}

}
