package dev.tcpkeepalive.test.natlab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A client JVM running in the lab's client namespace.
 *
 * @since 0.1.0
 */
public final class RunningClient {

	private final Process process;

	private final Path stdout;

	private final Path stderr;

	private final long startNanos;

	private final CompletableFuture<Long> exitNanos;

	private RunningClient(Process process, Path stdout, Path stderr, long startNanos) {
		this.process = process;
		this.stdout = stdout;
		this.stderr = stderr;
		this.startNanos = startNanos;
		this.exitNanos = process.onExit().thenApply((exited) -> System.nanoTime());
	}

	static RunningClient start(List<String> command) {
		try {
			// Files rather than pipes: nothing can block on a full pipe, and nobody has
			// to drain it
			Path stdout = Files.createTempFile("natlab-client", ".out");
			Path stderr = Files.createTempFile("natlab-client", ".err");
			long start = System.nanoTime();
			Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile())
				.redirectError(stderr.toFile())
				.start();
			return new RunningClient(process, stdout, stderr, start);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + command, ex);
		}
	}

	/**
	 * Wait for the client to exit, killing it if it outlives the deadline.
	 * @param deadline the longest wait
	 * @return what the client did
	 */
	public ClientRun await(Duration deadline) {
		try {
			boolean exited = this.process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS);
			if (!exited) {
				this.process.destroyForcibly().waitFor();
			}
			long end = this.exitNanos.join();
			return new ClientRun(exited ? this.process.exitValue() : -1, !exited, read(this.stdout), read(this.stderr),
					Duration.ofNanos(end - this.startNanos));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			kill();
			throw new IllegalStateException("Interrupted while waiting for a lab client", ex);
		}
	}

	void onExit(Runnable action) {
		this.process.onExit().thenRun(action);
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	void kill() {
		this.process.destroyForcibly();
	}

	private static String read(Path file) {
		try {
			String content = Files.readString(file);
			Files.deleteIfExists(file);
			return content;
		}
		catch (IOException ex) {
			return "(could not read " + file + ": " + ex + ")";
		}
	}

}
