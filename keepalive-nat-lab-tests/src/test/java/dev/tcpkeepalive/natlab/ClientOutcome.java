package dev.tcpkeepalive.natlab;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.tcpkeepalive.test.natlab.ClientRun;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outcome a lab client printed: whether the call answered, how long the call itself
 * took (JVM start-up excluded), and the body or exception chain.
 *
 * @param ok whether the call returned a response
 * @param seconds how long the call took
 * @param detail the response body, or the exception chain
 * @param evidence the lines showing which path the client took ({@code CONTEXT},
 * {@code FACTORY}, {@code CONNECTOR}, {@code CHANNEL}, {@code CLIENT})
 */
record ClientOutcome(boolean ok, double seconds, String detail, String evidence) {

	private static final Pattern TIMEOUT = Pattern.compile("(?i)time[ds]? ?out");

	static ClientOutcome of(ClientRun run) {
		List<String> results = run.linesStartingWith("RESULT ");
		assertThat(results).as("one RESULT line from the client; it printed:%n%s", run).hasSize(1);
		String[] parts = results.get(0).split(" ", 3);
		String evidence = String.join("\n", run.stdout()
			.lines()
			.filter((line) -> line.startsWith("CONTEXT ") || line.startsWith("CHANNEL ") || line.startsWith("FACTORY ")
					|| line.startsWith("CONNECTOR ") || line.startsWith("CLIENT "))
			.distinct()
			.toList());
		return new ClientOutcome(parts[0].equals("ok"), Double.parseDouble(parts[1]),
				(parts.length > 2) ? parts[2] : "", evidence);
	}

	boolean timedOut() {
		return !this.ok && TIMEOUT.matcher(this.detail).find();
	}

	String summary() {
		String seconds = String.format(Locale.ROOT, "%.1f s", this.seconds);
		if (this.ok) {
			return "ok " + seconds;
		}
		String[] chain = this.detail.split(" <- ");
		String cause = chain[chain.length - 1];
		int colon = cause.indexOf(':');
		return "failed " + seconds + " (" + ((colon > 0) ? cause.substring(0, colon) : cause) + ")";
	}

}
