package dev.tcpkeepalive.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.management.JMException;
import javax.management.ObjectName;

/**
 * A class histogram of this JVM's live heap, taken with the {@code GC.class_histogram}
 * diagnostic command (as {@code jcmd} would), which runs a full GC first so that only
 * retained objects count.
 */
final class HeapHistogram {

	private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");

	private static final Pattern TOTAL = Pattern.compile("^Total\\s+(\\d+)\\s+(\\d+)");

	private final Map<String, long[]> starterClasses;

	private final long heapBytes;

	private HeapHistogram(Map<String, long[]> starterClasses, long heapBytes) {
		this.starterClasses = starterClasses;
		this.heapBytes = heapBytes;
	}

	static HeapHistogram take() throws JMException {
		String histogram = (String) ManagementFactory.getPlatformMBeanServer()
			.invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
					new Object[] { new String[0] }, new String[] { String[].class.getName() });
		Map<String, long[]> starter = new LinkedHashMap<>();
		long total = 0;
		for (String line : histogram.split("\n")) {
			Matcher row = ROW.matcher(line);
			Matcher totalRow = TOTAL.matcher(line);
			// Lambdas and nested classes of the starter count as the starter's; the
			// benchmark's own classes do not
			if (row.find() && Side.isStarterClass(row.group(3))) {
				starter.put(row.group(3), new long[] { Long.parseLong(row.group(1)), Long.parseLong(row.group(2)) });
			}
			else if (totalRow.find()) {
				total = Long.parseLong(totalRow.group(2));
			}
		}
		return new HeapHistogram(starter, total);
	}

	String starterSummary(int connections) {
		long instances = this.starterClasses.values().stream().mapToLong((counts) -> counts[0]).sum();
		long bytes = this.starterClasses.values().stream().mapToLong((counts) -> counts[1]).sum();
		return "connections=" + connections + " starter-instances=" + instances + " starter-bytes=" + bytes
				+ " heap-bytes=" + this.heapBytes;
	}

	String starterClasses() {
		return this.starterClasses.entrySet()
			.stream()
			.sorted(Comparator.comparingLong((Map.Entry<String, long[]> entry) -> entry.getValue()[1]).reversed())
			.map((entry) -> entry.getKey() + "=" + entry.getValue()[0] + "/" + entry.getValue()[1])
			.collect(Collectors.joining(","));
	}

}
