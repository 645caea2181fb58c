package dev.tcpkeepalive.benchmarks;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Figure 6: socket system calls per new connection and per pooled request, with the
 * starter and without, counted by {@code strace} in a client JVM that sends a fixed
 * number of requests.
 * <p>
 * The server runs in this JVM, which is not traced, so only the client's calls count.
 * System calls do not depend on how busy the machine is: the counts are exact on a shared
 * 2-core machine.
 *
 * @since 0.1.0
 */
public final class SyscallComparison {

	private static final long TIMEOUT_SECONDS = 180;

	private SyscallComparison() {
	}

	public static void main(String[] args) throws IOException, InterruptedException {
		int requests = Integer.getInteger("bench.syscalls.requests", 200);
		int warmups = Integer.getInteger("bench.syscalls.warmups", 200);
		String without = System.getProperty("bench.without", Side.EXCLUDED);
		List<String> clients = List.of(System.getProperty("bench.clients", "rest-client,web-client").split(","));
		System.out.println("Figure 6: socket system calls per new connection and per pooled request (strace), "
				+ "with the starter and without");
		System.out.println(Machine.describe());
		System.out.println(strace("-V").get(0));
		System.out.printf(
				"Per client and side: one JVM under strace -f, %d warmup requests of each kind, then %d "
						+ "'Connection: close' requests and %d pooled requests; 'without' = starter %s%n%n",
				warmups, requests, requests, without);
		Map<String, Map<Side, List<StraceLog>>> results = new LinkedHashMap<>();
		try (LoopbackServer server = new LoopbackServer()) {
			for (String client : clients) {
				for (Side side : Side.values()) {
					List<String> trace = trace(client, side, without, server, requests, warmups);
					List<StraceLog> windows = List.of(StraceLog.window(trace, SyscallProbe.NEW_CONNECTIONS),
							StraceLog.window(trace, SyscallProbe.POOLED));
					System.out.printf("%-11s %-7s new connections: %s%n%-19s pooled: %s%n", client, side.id(),
							windows.get(0), "", windows.get(1));
					results.computeIfAbsent(client, (key) -> new EnumMap<>(Side.class)).put(side, windows);
				}
			}
		}
		new SyscallReport(requests).print(results);
	}

	private static List<String> trace(String client, Side side, String without, LoopbackServer server, int requests,
			int warmups) throws IOException, InterruptedException {
		Path trace = Files.createTempFile("tcpkeepalive-strace-", ".txt");
		Path output = Files.createTempFile("tcpkeepalive-probe-", ".txt");
		try {
			List<String> command = new ArrayList<>(List.of("strace", "-f", "--seccomp-bpf", "-qq", "-s", "256", "-e",
					"trace=connect,setsockopt,getsockopt,access,faccessat,faccessat2", "-o", trace.toString(),
					Path.of(System.getProperty("java.home"), "bin", "java").toString()));
			command.addAll(Machine.quietJvmArguments());
			command.addAll(List.of("-cp", System.getProperty("java.class.path"), SyscallProbe.class.getName(), client,
					side.id(), without, server.uri().toString(), String.valueOf(requests), String.valueOf(warmups)));
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
			if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
			if (process.isAlive() || process.exitValue() != 0) {
				throw new IllegalStateException("The " + client + " " + side.id() + " probe under strace failed:"
						+ System.lineSeparator() + Files.readString(output));
			}
			return Files.readAllLines(trace, StandardCharsets.UTF_8);
		}
		finally {
			Files.deleteIfExists(trace);
			Files.deleteIfExists(output);
		}
	}

	private static List<String> strace(String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("strace"));
		command.addAll(List.of(arguments));
		Process process;
		try {
			process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectInput(new File("/dev/null"))
				.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("This benchmark needs strace on the PATH (Debian: apt-get install strace)",
					ex);
		}
		List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
			.toList();
		process.waitFor();
		return lines;
	}

}
