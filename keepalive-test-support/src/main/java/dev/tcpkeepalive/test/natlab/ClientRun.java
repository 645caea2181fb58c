package dev.tcpkeepalive.test.natlab;

import java.time.Duration;
import java.util.List;

/**
 * What a client JVM run in the lab did.
 *
 * @param exitCode the process's exit code, or {@code -1} when it had to be killed
 * @param killed whether the process outlived its deadline and was killed
 * @param stdout everything it printed on standard output
 * @param stderr everything it printed on standard error
 * @param elapsed wall-clock time from process start to exit, JVM start-up included
 * @since 0.1.0
 */
public record ClientRun(int exitCode, boolean killed, String stdout, String stderr, Duration elapsed) {

	/**
	 * Return the standard output lines that start with the given prefix, without the
	 * prefix.
	 * @param prefix the prefix, for example {@code "RESULT "}
	 * @return the matching lines in order
	 */
	public List<String> linesStartingWith(String prefix) {
		return this.stdout.lines()
			.filter((line) -> line.startsWith(prefix))
			.map((line) -> line.substring(prefix.length()))
			.toList();
	}

	@Override
	public String toString() {
		return "exit " + this.exitCode + (this.killed ? " (killed)" : "") + " after " + this.elapsed.toMillis()
				+ " ms\n--- stdout ---\n" + tail(this.stdout) + "\n--- stderr ---\n" + tail(this.stderr);
	}

	private static String tail(String text) {
		return (text.length() > 4000) ? "..." + text.substring(text.length() - 4000) : text;
	}

}
