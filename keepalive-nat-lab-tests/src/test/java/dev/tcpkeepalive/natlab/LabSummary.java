package dev.tcpkeepalive.natlab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * Collects every lab outcome and prints the table path × mode once all lab tests have
 * run; it is also written to {@code target/nat-lab-summary.md}.
 */
class LabSummary implements BeforeAllCallback {

	private static final Map<String, Map<LabMode, String>> rows = new TreeMap<>();

	static synchronized void record(String row, LabMode mode, ClientOutcome outcome) {
		rows.computeIfAbsent(row, (key) -> new EnumMap<>(LabMode.class)).put(mode, outcome.summary());
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		// A value in the root store is closed once, after the last test of the run
		context.getRoot()
			.getStore(Namespace.create(LabSummary.class))
			.computeIfAbsent(Printer.class, (key) -> new Printer(), Printer.class);
	}

	static synchronized String table() {
		StringBuilder table = new StringBuilder();
		table.append("| Path | ")
			.append(LabMode.WITH_STARTER.label())
			.append(" | ")
			.append(LabMode.WITHOUT_STARTER.label())
			.append(" |\n|---|---|---|\n");
		rows.forEach((row, outcomes) -> table.append("| ")
			.append(row)
			.append(" | ")
			.append(outcomes.getOrDefault(LabMode.WITH_STARTER, "-"))
			.append(" | ")
			.append(outcomes.getOrDefault(LabMode.WITHOUT_STARTER, "-"))
			.append(" |\n"));
		return table.toString();
	}

	static final class Printer implements AutoCloseable {

		@Override
		public void close() throws IOException {
			String table = table();
			System.out.println("\nNAT lab summary (NAT idle timeout 5 s):\n" + table);
			Path target = Path.of("target");
			if (Files.isDirectory(target)) {
				Files.writeString(target.resolve("nat-lab-summary.md"), table);
			}
		}

	}

}
