package dev.tcpkeepalive.test.natlab;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * Runs short administrative commands ({@code ip}, {@code nft}, {@code sysctl}) and fails
 * with their output.
 */
final class Shell {

	private Shell() {
	}

	static String run(String... command) {
		return runWithInput(null, command);
	}

	static String runWithInput(@Nullable String input, String... command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			try (OutputStream stdin = process.getOutputStream()) {
				if (input != null) {
					stdin.write(input.getBytes(StandardCharsets.UTF_8));
				}
			}
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(String.join(" ", command) + " did not finish");
			}
			if (process.exitValue() != 0) {
				throw new IllegalStateException(
						String.join(" ", command) + " failed (" + process.exitValue() + "): " + output.strip());
			}
			return output;
		}
		catch (IOException ex) {
			throw new IllegalStateException(String.join(" ", command) + " could not be run", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static boolean succeeds(String... command) {
		try {
			run(command);
			return true;
		}
		catch (IllegalStateException ex) {
			return false;
		}
	}

	static List<String> lines(String output) {
		return output.lines().map(String::strip).filter((line) -> !line.isEmpty()).toList();
	}

}
