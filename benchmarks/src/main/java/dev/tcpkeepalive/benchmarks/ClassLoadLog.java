package dev.tcpkeepalive.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The classes a JVM loaded before the sample app had started, read from its
 * {@code -Xlog:class+load} file.
 * <p>
 * {@link StartupProbe} loads a marker class right after Spring Boot logs "Started
 * SampleApplication", so the classes before the marker are exactly those loaded up to
 * that line, whatever the machine's speed.
 *
 * @param total every class loaded before the marker, the JDK's included
 * @param starterClasses the starter's own classes among them ({@code dev.tcpkeepalive.*}
 * outside the sample's and the benchmarks' packages), lambdas included, in load order
 */
record ClassLoadLog(int total, List<String> starterClasses) {

	/**
	 * Return the JVM option that writes the log that {@link #read(Path)} reads.
	 * @param file where to write it
	 * @return the option
	 */
	static String jvmOption(Path file) {
		return "-Xlog:class+load:file=" + file + ":none";
	}

	static ClassLoadLog read(Path file) throws IOException {
		List<String> classes = Files.readAllLines(file, StandardCharsets.UTF_8)
			.stream()
			.map((line) -> line.split(" ", 2)[0])
			.toList();
		int started = classes.indexOf(StartupProbe.STARTED_MARKER);
		if (started < 0) {
			throw new IllegalStateException("No " + StartupProbe.STARTED_MARKER + " in " + file);
		}
		List<String> loaded = classes.subList(0, started);
		return new ClassLoadLog(loaded.size(), loaded.stream().filter(Side::isStarterClass).toList());
	}

	int starter() {
		return this.starterClasses.size();
	}

	// Lambdas are hidden classes named Outer$$Lambda$12/0x...; each is loaded, and
	// counted, like a named class
	int starterLambdas() {
		return (int) this.starterClasses.stream().filter((name) -> name.contains("$$Lambda")).count();
	}

}
