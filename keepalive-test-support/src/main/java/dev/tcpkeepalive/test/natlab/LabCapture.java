package dev.tcpkeepalive.test.natlab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.jspecify.annotations.Nullable;

/**
 * Packet captures of a lab's client and server side, taken with {@code tcpdump} when the
 * system property {@code natlab.capture-dir} names a directory (see docs/nat-lab.md).
 */
final class LabCapture {

	static final String DIRECTORY_PROPERTY = "natlab.capture-dir";

	private final List<Process> processes;

	private LabCapture(List<Process> processes) {
		this.processes = processes;
	}

	static @Nullable LabCapture startIfRequested(LabNetwork network) {
		String directory = System.getProperty(DIRECTORY_PROPERTY);
		if (directory == null || directory.isBlank()) {
			return null;
		}
		List<Process> processes = new ArrayList<>();
		LabCapture capture = new LabCapture(processes);
		try {
			Files.createDirectories(Path.of(directory));
			// Each side's only interface: the client sees what reaches it through the
			// NAT, the server what it sent
			for (String namespace : List.of(network.client, network.server)) {
				Path file = Path.of(directory, namespace + ".pcap");
				processes.add(start(namespace, file));
			}
			return capture;
		}
		catch (IOException | RuntimeException ex) {
			capture.stop();
			throw new IllegalStateException("Could not start tcpdump in the lab (apt-get install tcpdump)", ex);
		}
	}

	private static Process start(String namespace, Path file) throws IOException {
		// -U writes each packet as it arrives, so the file is complete whenever the lab
		// stops
		Process process = new ProcessBuilder("ip", "netns", "exec", namespace, "tcpdump", "-i", "to-nat", "-n", "-U",
				"-w", file.toString(), "tcp")
			.redirectErrorStream(true)
			.redirectOutput(Path.of(file + ".log").toFile())
			.start();
		awaitListening(process, Path.of(file + ".log"));
		return process;
	}

	// tcpdump announces "listening on" once it captures; packets sent before that would
	// be missing from the timeline
	private static void awaitListening(Process process, Path log) throws IOException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (!Files.readString(log).contains("listening on")) {
			if (!process.isAlive() || System.nanoTime() > deadline) {
				throw new IllegalStateException("tcpdump did not start: " + Files.readString(log).strip());
			}
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
		}
	}

	void stop() {
		for (Process process : this.processes) {
			// SIGTERM lets tcpdump flush and close its file
			process.destroy();
			try {
				if (!process.waitFor(10, TimeUnit.SECONDS)) {
					process.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				process.destroyForcibly();
			}
		}
	}

}
