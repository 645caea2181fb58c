package dev.tcpkeepalive.test.natlab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Checks that the host lets a lab hold many connections at once, without changing
 * anything outside the lab.
 * <p>
 * The open-file limit and the conntrack table size are the host's:
 * {@code nf_conntrack_max} is a global sysctl of the root namespace, which a lab must
 * never change, so a host that is too small is reported, not adjusted.
 */
final class LabCapacity {

	// The JVM's own descriptors (jars, epoll, pipes) and the lab's few other flows
	private static final int MARGIN = 1024;

	private LabCapacity() {
	}

	static void check(int connections, LabNetwork network) {
		long openFiles = hardOpenFileLimit().orElse(Long.MAX_VALUE);
		if (openFiles < connections + MARGIN) {
			throw new IllegalStateException("A lab for " + connections + " connections needs an open-file hard limit "
					+ "of at least " + (connections + MARGIN) + ", but this process has " + openFiles
					+ " (raise it with ulimit -Hn before starting)");
		}
		long conntrackMax = Long.parseLong(network.natSysctl("net.netfilter.nf_conntrack_max"));
		if (conntrackMax < connections + MARGIN) {
			throw new IllegalStateException("A lab for " + connections + " connections needs a conntrack table of at "
					+ "least " + (connections + MARGIN) + " entries, but the host's nf_conntrack_max is " + conntrackMax
					+ " (a global setting the lab leaves alone)");
		}
	}

	// Child JVMs inherit this hard limit, and HotSpot raises its soft limit to it
	// (-XX:+MaxFDLimit)
	private static Optional<Long> hardOpenFileLimit() {
		try {
			return Files.readAllLines(Path.of("/proc/self/limits"))
				.stream()
				.filter((line) -> line.startsWith("Max open files"))
				.map((line) -> line.substring("Max open files".length()).trim().split("\\s+")[1])
				.filter((value) -> !value.equals("unlimited"))
				.map(Long::parseLong)
				.findFirst();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

}
