package dev.tcpkeepalive.test.natlab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Command lines for child JVMs that run inside one of the lab's namespaces with this JVM's class path.
 * <p>
 * A JVM cannot move itself into another network namespace, so lab code runs as {@code ip netns exec <ns> java ...}.
 * The flags keep start-up cheap, because several children share a small machine.
 */
final class ChildJvm {

	private static final List<String> LEAN_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-Xshare:auto",
			"-XX:+UseSerialGC", "-Xss512k", "-Xmx256m");

	private ChildJvm() {
	}

	static List<String> command(String namespace, String mainClass, List<String> args,
			Map<String, String> systemProperties) {
		List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(LEAN_FLAGS);
		command.add("-cp");
		command.add(classPath());
		systemProperties.forEach((name, value) -> command.add("-D" + name + "=" + value));
		command.add(mainClass);
		command.addAll(args);
		return command;
	}

	// Surefire may start tests from a manifest-only jar; it then publishes the real class path separately
	private static String classPath() {
		String surefire = System.getProperty("surefire.test.class.path");
		return (surefire != null && !surefire.isBlank()) ? surefire : System.getProperty("java.class.path");
	}

}
