package dev.tcpkeepalive.test.natlab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;

/**
 * Decides whether the NAT lab can run here: Linux, root, {@code ip netns} and
 * {@code nft}.
 * <p>
 * Where it cannot, lab tests are skipped with the reason, except in CI ({@code CI=true})
 * as root, where a missing lab is a failure: there the proof must run, not quietly
 * disappear.
 *
 * @since 0.1.0
 */
public final class NatLabAvailability {

	private NatLabAvailability() {
	}

	/**
	 * Abort the current test with a clear reason when the lab cannot run, or fail it when
	 * it must run.
	 */
	public static void assumeLabAvailable() {
		Optional<String> reason = unavailableReason();
		if (reason.isEmpty()) {
			return;
		}
		if ("true".equalsIgnoreCase(System.getenv("CI")) && isRoot()) {
			throw new AssertionError("The NAT lab must run in CI as root, but " + reason.get());
		}
		Assumptions.abort("NAT lab skipped: " + reason.get());
	}

	/**
	 * Return why the lab cannot run here, if it cannot.
	 * @return the reason, or empty when the lab can run
	 */
	public static Optional<String> unavailableReason() {
		if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
			return Optional.of("network namespaces need Linux (this is " + System.getProperty("os.name") + ")");
		}
		if (!isRoot()) {
			return Optional.of("creating network namespaces needs root (run the build as root)");
		}
		if (!Shell.succeeds("ip", "netns", "list")) {
			return Optional.of("'ip netns' is not available (install iproute2)");
		}
		if (!Shell.succeeds("nft", "--version")) {
			return Optional.of("'nft' is not available (install nftables)");
		}
		return Optional.empty();
	}

	private static boolean isRoot() {
		try {
			// "Uid: real effective saved filesystem": the effective uid decides
			return Files.readAllLines(Path.of("/proc/self/status"))
				.stream()
				.filter((line) -> line.startsWith("Uid:"))
				.anyMatch((line) -> line.split("\\s+")[2].equals("0"));
		}
		catch (IOException ex) {
			return false;
		}
	}

}
