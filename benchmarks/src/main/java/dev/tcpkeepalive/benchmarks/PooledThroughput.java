package dev.tcpkeepalive.benchmarks;

import org.openjdk.jmh.runner.RunnerException;

/**
 * Figure 1: requests per second over kept-alive, pooled connections, with the starter ÷
 * without.
 *
 * @since 0.1.0
 */
public final class PooledThroughput {

	private PooledThroughput() {
	}

	public static void main(String[] args) throws RunnerException {
		new InterleavedComparison("pooledRequest", "requests/s", 0.99)
			.run("Figure 1: pooled request throughput, with the starter ÷ without (goal ≥ 0.99)");
	}

}
