package dev.tcpkeepalive.benchmarks;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.tcpkeepalive.test.natlab.ClientRun;

/**
 * One side's run of figure 4: what the client printed, joined with the lab server's
 * request log, which names the client port (as the NAT forwards it) that carried each
 * tagged request.
 *
 * @param side with or without the starter
 * @param opened distinct connections that carried the requests opening the pool
 * @param usable distinct opened connections that answered a request after the idle period
 * @param reuseConnections distinct connections that carried a request after the idle
 * period
 * @param newConnections connections after the idle period that were not opened before it
 * @param client the client's {@code SCALE} lines, by their first word
 */
record IdleScaleRun(Side side, int opened, int usable, int reuseConnections, int newConnections,
		Map<String, Map<String, String>> client) {

	static IdleScaleRun of(Side side, ClientRun run, List<String> serverOpenLog, List<String> serverReuseLog) {
		Map<String, Map<String, String>> client = new HashMap<>();
		for (String line : run.linesStartingWith(IdleScaleClient.PREFIX)) {
			String[] words = line.split(" ", 2);
			String text = (words.length > 1) ? words[1] : "";
			Map<String, String> fields = fields(text);
			fields.put("text", text);
			client.put(words[0], fields);
		}
		Set<String> failed = new HashSet<>(
				Arrays.asList(run.linesStartingWith(IdleScaleClient.PREFIX + "reuse-failed ").get(0).split(",")));
		Set<String> opened = new HashSet<>();
		serverOpenLog.forEach((request) -> opened.add(port(request)));
		Set<String> reused = new HashSet<>();
		Set<String> usable = new HashSet<>();
		for (String request : serverReuseLog) {
			reused.add(port(request));
			if (!failed.contains(index(request)) && opened.contains(port(request))) {
				usable.add(port(request));
			}
		}
		long fresh = reused.stream().filter((port) -> !opened.contains(port)).count();
		return new IdleScaleRun(side, opened.size(), usable.size(), reused.size(), (int) fresh, client);
	}

	String value(String line, String key) {
		Map<String, String> fields = this.client.get(line);
		return (fields != null) ? fields.getOrDefault(key, "?") : "?";
	}

	// "<address>:<port> <uri>"
	private static String port(String request) {
		String remote = request.substring(0, request.indexOf(' '));
		return remote.substring(remote.lastIndexOf(':') + 1);
	}

	private static String index(String request) {
		return request.substring(request.lastIndexOf("&i=") + 3);
	}

	// "key=value key=value ... last=value with spaces"
	private static Map<String, String> fields(String text) {
		Map<String, String> fields = new HashMap<>();
		String[] words = text.split(" ");
		String key = null;
		for (String word : words) {
			int equals = word.indexOf('=');
			if (equals > 0 && !word.startsWith("(")) {
				key = word.substring(0, equals);
				fields.put(key, word.substring(equals + 1));
			}
			else if (key != null) {
				fields.put(key, fields.get(key) + " " + word);
			}
		}
		return fields;
	}

}
