package dev.tcpkeepalive.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * This JVM's TCP connections to one remote port, found by matching its socket file
 * descriptors against the kernel's connection tables in {@code /proc} (Linux only).
 * <p>
 * A client library may close a connection on another thread after the response is
 * delivered; waiting until no connection is left keeps those closes, and the system calls
 * they make, inside the window that opened them.
 */
final class OpenConnections {

	private static final Path FDS = Path.of("/proc/self/fd");

	private static final List<Path> TABLES = List.of(Path.of("/proc/self/net/tcp"), Path.of("/proc/self/net/tcp6"));

	private OpenConnections() {
	}

	/**
	 * Wait until this JVM holds no open connection to a remote port.
	 * @param remotePort the server's port
	 */
	static void awaitNone(int remotePort) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (count(remotePort) > 0) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Connections to port " + remotePort + " are still open after 30 s");
			}
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
		}
	}

	static long count(int remotePort) {
		Set<String> inodes = socketInodes();
		return TABLES.stream()
			.flatMap(OpenConnections::lines)
			.map((line) -> line.trim().split("\\s+"))
			.filter((fields) -> fields.length > 9 && isPort(fields[2], remotePort) && inodes.contains(fields[9]))
			.count();
	}

	// "0100007F:1F90" or "0000000000000000FFFF00000100007F:1F90"
	private static boolean isPort(String address, int port) {
		int colon = address.lastIndexOf(':');
		return colon > 0 && address.substring(colon + 1).equalsIgnoreCase(String.format("%04X", port));
	}

	private static Set<String> socketInodes() {
		try (Stream<Path> fds = Files.list(FDS)) {
			return fds.map(OpenConnections::target)
				.filter((target) -> target.startsWith("socket:["))
				.map((target) -> target.substring("socket:[".length(), target.length() - 1))
				.collect(Collectors.toSet());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String target(Path fd) {
		try {
			return Files.readSymbolicLink(fd).toString();
		}
		catch (IOException ex) {
			// Closed while listing
			return "";
		}
	}

	private static Stream<String> lines(Path table) {
		try {
			return Files.readAllLines(table).stream().skip(1);
		}
		catch (IOException ex) {
			return Stream.empty();
		}
	}

}
