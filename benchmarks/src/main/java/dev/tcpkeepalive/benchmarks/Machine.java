package dev.tcpkeepalive.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A description of the machine and JDK that a benchmark ran on, for the results in
 * {@code docs/benchmarks.md}.
 */
final class Machine {

	private Machine() {
	}

	static String describe() {
		return "Machine: " + cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " CPUs available, "
				+ System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
				+ System.getProperty("os.arch") + System.lineSeparator() + "JDK: "
				+ System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
				+ Runtime.version() + System.lineSeparator() + "Load average at start (1/5/15 min): " + loadAverage();
	}

	/**
	 * Return JVM arguments that silence newer JDKs' warnings about JMH's {@code Unsafe}
	 * use and Netty's native library, which would otherwise bury the figures.
	 * @return the arguments for this JDK, possibly none
	 */
	static List<String> quietJvmArguments() {
		List<String> arguments = new ArrayList<>();
		if (Runtime.version().feature() >= 22) {
			arguments.add("--enable-native-access=ALL-UNNAMED");
		}
		if (Runtime.version().feature() >= 24) {
			arguments.add("--sun-misc-unsafe-memory-access=allow");
		}
		return arguments;
	}

	private static String cpuModel() {
		try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
			return lines.filter((line) -> line.startsWith("model name"))
				.map((line) -> line.substring(line.indexOf(':') + 1).trim())
				.findFirst()
				.orElse("unknown CPU");
		}
		catch (IOException ex) {
			return "unknown CPU";
		}
	}

	private static String loadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return fields[0] + " " + fields[1] + " " + fields[2];
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

}
