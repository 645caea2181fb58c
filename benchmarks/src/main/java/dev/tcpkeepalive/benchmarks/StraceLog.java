package dev.tcpkeepalive.benchmarks;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The socket system calls that {@code strace -f -o} recorded between two markers of a
 * {@link SyscallProbe}.
 * <p>
 * A call is counted by its entry line ({@code 1234 setsockopt(fd, level, option, ...}),
 * so a call that another thread interrupted ({@code <unfinished ...>} and later
 * {@code <... resumed>}) still counts once. A call belongs to a new connection when its
 * file descriptor was connected inside the window, otherwise to a connection opened
 * before it.
 *
 * @param connects the TCP {@code connect} calls (IPv4 or IPv6), one per new connection
 * @param setsockopt the {@code setsockopt} calls on new connections by level and option,
 * e.g. {@code SOL_TCP TCP_KEEPIDLE}
 * @param getsockopt the {@code getsockopt} calls on new connections by level and option
 * @param onOlderConnections the {@code setsockopt} and {@code getsockopt} calls on
 * connections opened before the window, for example reused pooled connections
 */
record StraceLog(int connects, Map<String, Integer> setsockopt, Map<String, Integer> getsockopt,
		int onOlderConnections) {

	private static final Pattern CALL = Pattern.compile("^\\d+\\s+(connect|setsockopt|getsockopt)\\((\\d+), (.*)$");

	/**
	 * Count the calls between {@code name-begin} and {@code name-end}.
	 * @param lines the trace
	 * @param name the window's name, see {@link SyscallProbe}
	 * @return the counts
	 */
	static StraceLog window(List<String> lines, String name) {
		List<Matcher> calls = lines.subList(markerLine(lines, name + "-begin") + 1, markerLine(lines, name + "-end"))
			.stream()
			.map(CALL::matcher)
			.filter(Matcher::matches)
			.toList();
		Set<String> connected = new HashSet<>();
		for (Matcher call : calls) {
			if (call.group(1).equals("connect") && call.group(3).contains("sa_family=AF_INET")) {
				connected.add(call.group(2));
			}
		}
		int connects = 0;
		int onOlderConnections = 0;
		Map<String, Integer> setsockopt = new TreeMap<>();
		Map<String, Integer> getsockopt = new TreeMap<>();
		for (Matcher call : calls) {
			boolean connect = call.group(1).equals("connect");
			if (!connected.contains(call.group(2))) {
				onOlderConnections += connect ? 0 : 1;
			}
			else if (connect) {
				connects++;
			}
			else {
				(call.group(1).equals("setsockopt") ? setsockopt : getsockopt).merge(option(call.group(3)), 1,
						Integer::sum);
			}
		}
		return new StraceLog(connects, setsockopt, getsockopt, onOlderConnections);
	}

	private static int markerLine(List<String> lines, String marker) {
		String path = "\"" + SyscallProbe.MARKER_DIRECTORY + marker + "\"";
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).contains(path)) {
				return i;
			}
		}
		throw new IllegalStateException("No marker " + marker + " in the trace (" + lines.size() + " lines)");
	}

	// "SOL_TCP, TCP_KEEPIDLE, [120], 4) = 0" -> "SOL_TCP TCP_KEEPIDLE"
	private static String option(String arguments) {
		String[] parts = arguments.split(", ", 3);
		return (parts.length >= 2) ? parts[0] + " " + parts[1] : arguments;
	}

	int setsockoptCalls() {
		return this.setsockopt.values().stream().mapToInt(Integer::intValue).sum();
	}

	int getsockoptCalls() {
		return this.getsockopt.values().stream().mapToInt(Integer::intValue).sum();
	}

}
