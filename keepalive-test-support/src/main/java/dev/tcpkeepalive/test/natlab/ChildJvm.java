package dev.tcpkeepalive.test.natlab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Command lines for child JVMs that run inside one of the lab's namespaces with this
 * JVM's class path.
 * <p>
 * A JVM cannot move itself into another network namespace, so lab code runs as
 * {@code ip netns exec <ns> java ...}. The flags keep start-up cheap, because several
 * children share a small machine.
 */
final class ChildJvm {

	private static final List<String> LEAN_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-Xshare:auto",
			"-XX:+UseSerialGC", "-Xss512k");

	private static final int BASE_HEAP_MEGABYTES = 256;

	// Generous for one pooled HTTP/1.1 connection with an exchange in flight, on the
	// client or the server side
	private static final int KILOBYTES_PER_CONNECTION = 64;

	private ChildJvm() {
	}

	static List<String> command(String namespace, String mainClass, List<String> args,
			Map<String, String> systemProperties) {
		return command(namespace, 0, mainClass, args, systemProperties);
	}

	/**
	 * Return the command line of a child JVM with heap for many concurrent connections.
	 * HotSpot raises its soft open-file limit to the hard one by itself, which
	 * {@link LabCapacity} checks.
	 * @param connections connections the child must hold at once; {@code 0} for the lean
	 * default
	 */
	static List<String> command(String namespace, int connections, String mainClass, List<String> args,
			Map<String, String> systemProperties) {
		List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(LEAN_FLAGS);
		command.add("-Xmx" + (BASE_HEAP_MEGABYTES + connections * KILOBYTES_PER_CONNECTION / 1024) + "m");
		command.add("-cp");
		command.add(classPath());
		systemProperties.forEach((name, value) -> command.add("-D" + name + "=" + value));
		command.add(mainClass);
		command.addAll(args);
		return command;
	}

	// Surefire may start tests from a manifest-only jar; it then publishes the real class
	// path separately
	private static String classPath() {
		String surefire = System.getProperty("surefire.test.class.path");
		return (surefire != null && !surefire.isBlank()) ? surefire : System.getProperty("java.class.path");
	}

}
