package dev.tcpkeepalive.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;

/**
 * One side of a with/without comparison, expressed as the Spring Boot arguments that
 * produce it.
 * <p>
 * Both sides run on the same class path. "Without" excludes every auto-configuration the
 * starter registers, so it means an application without the starter; {@link #DISABLED}
 * instead keeps the starter and sets {@code azure.tcp-keepalive.enabled=false}, which
 * leaves its socket observation in place.
 */
enum Side {

	WITH, WITHOUT;

	/**
	 * Value of {@code bench.without} that excludes the starter's auto-configurations (the
	 * default).
	 */
	static final String EXCLUDED = "excluded";

	/** Value of {@code bench.without} that only switches the starter off. */
	static final String DISABLED = "disabled";

	private static final String STARTER_PACKAGE = "dev.tcpkeepalive.";

	private static final String SAMPLE_PACKAGE = "dev.tcpkeepalive.sample.";

	String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Side of(String id) {
		return valueOf(id.toUpperCase(Locale.ROOT));
	}

	/**
	 * Return the command-line arguments that select this side.
	 * @param without how the "without" side is produced, {@link #EXCLUDED} or
	 * {@link #DISABLED}
	 * @param alsoExcluded further auto-configurations to exclude on both sides
	 * @return the arguments, to be passed to {@code SpringApplication.run}
	 */
	List<String> arguments(String without, List<String> alsoExcluded) {
		if (!EXCLUDED.equals(without) && !DISABLED.equals(without)) {
			throw new IllegalArgumentException(
					"bench.without must be '" + EXCLUDED + "' or '" + DISABLED + "', not '" + without + "'");
		}
		List<String> excluded = new ArrayList<>(alsoExcluded);
		List<String> arguments = new ArrayList<>();
		if (this == WITHOUT) {
			arguments.add("--azure.tcp-keepalive.enabled=false");
			if (EXCLUDED.equals(without)) {
				excluded.addAll(starterAutoConfigurations());
			}
		}
		if (!excluded.isEmpty()) {
			arguments.add("--spring.autoconfigure.exclude=" + String.join(",", excluded));
		}
		return arguments;
	}

	/**
	 * Return every auto-configuration on the class path.
	 * @return the class names
	 */
	static List<String> autoConfigurations() {
		return ImportCandidates.load(AutoConfiguration.class, Side.class.getClassLoader()).getCandidates();
	}

	/**
	 * Return the starter's auto-configurations, found on the class path so that ones
	 * added later are covered too.
	 * @return the class names
	 */
	static List<String> starterAutoConfigurations() {
		return autoConfigurations().stream().filter(Side::isStarterClass).toList();
	}

	static boolean isStarterClass(String className) {
		return className.startsWith(STARTER_PACKAGE) && !className.startsWith(SAMPLE_PACKAGE)
				&& !className.startsWith(Side.class.getPackageName() + ".");
	}

}
