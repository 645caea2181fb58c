package dev.tcpkeepalive.benchmarks;

import org.openjdk.jmh.runner.RunnerException;

/**
 * Figure 2: connections per second when every request sends {@code Connection: close},
 * with the starter ÷ without.
 *
 * @since 0.1.0
 */
public final class NewConnectionThroughput {

	private NewConnectionThroughput() {
	}

	public static void main(String[] args) throws RunnerException {
		new InterleavedComparison("newConnectionRequest", "connections/s", 0.97)
			.run("Figure 2: new-connection cost, connections/s with the starter ÷ without (goal ≥ 0.97)");
	}

}
