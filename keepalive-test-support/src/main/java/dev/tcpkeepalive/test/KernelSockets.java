package dev.tcpkeepalive.test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What the kernel reports for established TCP sockets, read with {@code ss -tnoi} outside
 * the JVM.
 */
public final class KernelSockets {

	private static final Pattern KEEPALIVE_TIMER = Pattern.compile("timer:\\(keepalive,([^,]+),(\\d+)\\)");

	// ss prints the time left as e.g. "1min59sec", "59sec", "980ms", or "6.992ms"
	// (iproute2 6.1, meaning 6.992 s)
	private static final Pattern TIME_PART = Pattern.compile("([0-9.]+)(min|sec|ms)");

	// With a state filter ss omits the State column: Recv-Q Send-Q Local Peer
	private static final Pattern ADDRESSES = Pattern.compile("^(\\d+)\\s+(\\d+)\\s+(\\S+)\\s+(\\S+)");

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
			// ss prints the TCP info on the following indented line; the timer is on the
			// first one
			String all = lines[i] + ((i + 1 < lines.length && lines[i + 1].startsWith("\t")) ? lines[i + 1] : "");
			Matcher timer = KEEPALIVE_TIMER.matcher(all);
			Long remainingMillis = null;
			if (timer.find()) {
				remainingMillis = toMillis(timer.group(1));
			}
			entries.add(new Entry(addresses.group(3), addresses.group(4), remainingMillis, all));
		}
		return entries;
	}

	static long toMillis(String time) {
		Matcher part = TIME_PART.matcher(time);
		long millis = 0;
		while (part.find()) {
			String value = part.group(1);
			double number = Double.parseDouble(value);
			millis += switch (part.group(2)) {
				case "min" -> (long) (number * 60_000);
				case "sec" -> (long) (number * 1000);
				// A fraction in "ms" is iproute2 6.1's way of printing seconds above one
				// second
				default -> value.contains(".") ? (long) (number * 1000) : (long) number;
			};
		}
		return millis;
	}

	/**
	 * Return one of the kernel's keepalive defaults for new sockets, e.g.
	 * {@code tcp_keepalive_time}.
	 * @param name the file name under {@code /proc/sys/net/ipv4}
	 * @return the value
	 */
	public static int kernelDefault(String name) {
		try {
			// readAllLines, not readString: procfs reports a size of 0, which readString
			// takes literally on some JDKs
			return Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/net/ipv4", name)).get(0).trim());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not read the kernel's " + name, ex);
		}
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
	 * @param keepAliveRemainingMillis time left on the keepalive timer, or {@code null}
	 * when no keepalive timer runs
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
