package dev.tcpkeepalive.test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What the kernel reports for established TCP sockets, read with {@code ss -tnoi} outside the JVM.
 */
public final class KernelSockets {

	private static final Pattern KEEPALIVE_TIMER = Pattern.compile("timer:\\(keepalive,([0-9.]+)(ms|sec|min),(\\d+)\\)");

	// With a state filter ss leaves out the State column, so the line starts at Recv-Q
	private static final Pattern ADDRESSES = Pattern.compile("^(?:[A-Za-z-]+\\s+)?\\d+\\s+\\d+\\s+(\\S+)\\s+(\\S+)");

	private KernelSockets() {
	}

	/**
	 * Return the established client sockets whose peer port is the given port.
	 * @param remotePort the server's port
	 * @return one entry per socket
	 */
	public static List<Entry> connectedTo(int remotePort) {
		String output = ss("-tnoi", "state", "established", "( dport = :" + remotePort + " )");
		List<Entry> entries = new ArrayList<>();
		String[] lines = output.split("\n");
		for (int i = 0; i < lines.length; i++) {
			Matcher addresses = ADDRESSES.matcher(lines[i]);
			if (!addresses.find()) {
				continue;
			}
			// ss prints the TCP info on the following indented line; the timer is on the first one
			String all = lines[i] + ((i + 1 < lines.length && lines[i + 1].startsWith("\t")) ? lines[i + 1] : "");
			Matcher timer = KEEPALIVE_TIMER.matcher(all);
			Long remainingMillis = null;
			if (timer.find()) {
				remainingMillis = toMillis(timer.group(1), timer.group(2));
			}
			entries.add(new Entry(addresses.group(1), addresses.group(2), remainingMillis, all));
		}
		return entries;
	}

	private static long toMillis(String value, String unit) {
		double number = Double.parseDouble(value);
		return switch (unit) {
			// iproute2 6.1 prints e.g. "1.592ms" for 1.592 s: a value with a fraction above 1 in "ms" is seconds
			case "ms" -> (value.contains(".") ? (long) (number * 1000) : (long) number);
			case "sec" -> (long) (number * 1000);
			case "min" -> (long) (number * 60_000);
			default -> throw new IllegalArgumentException(unit);
		};
	}

	/**
	 * Return whether {@code ss} can be run here.
	 * @return whether the kernel can be asked
	 */
	public static boolean available() {
		try {
			ss("-V");
			return true;
		}
		catch (IllegalStateException ex) {
			return false;
		}
	}

	private static String ss(String... args) {
		List<String> command = new ArrayList<>();
		command.add("ss");
		command.addAll(List.of(args));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException("ss failed: " + output);
			}
			return output;
		}
		catch (IOException ex) {
			throw new IllegalStateException("ss could not be run (install iproute2)", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * One established socket as {@code ss} reports it.
	 *
	 * @param local the local address and port
	 * @param peer the peer address and port
	 * @param keepAliveRemainingMillis time left on the keepalive timer, or {@code null} when no keepalive timer runs
	 * @param raw the lines {@code ss} printed
	 */
	public record Entry(String local, String peer, @Nullable Long keepAliveRemainingMillis, String raw) {

		/**
		 * Return the local port.
		 * @return the local port
		 */
		public int localPort() {
			return Integer.parseInt(this.local.substring(this.local.lastIndexOf(':') + 1));
		}

	}

}
