package dev.tcpkeepalive.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the sample app once, in its own JVM, and prints one {@value #PREFIX} line with the time from
 * {@code SpringApplication.run} to {@link ApplicationReadyEvent} and the time spent on the starter's beans.
 * <p>
 * Launched by {@link StartupComparison} with the side ({@code with} or {@code without}) and the way "without" is made.
 *
 * @since 0.1.0
 */
public final class StartupProbe {

	static final String PREFIX = "startup-probe";

	// By name: the sample app is a runtime-only dependency of this module
	static final String SAMPLE_APPLICATION = "dev.tcpkeepalive.sample.SampleApplication";

	private StartupProbe() {
	}

	public static void main(String[] args) throws ClassNotFoundException {
		Side side = Side.of(args[0]);
		List<String> arguments = new ArrayList<>(side.arguments(args[1], List.of()));
		arguments.add("--server.port=0");
		arguments.add("--management.endpoints.web.exposure.include=health,tcpkeepalive");
		BufferingApplicationStartup startup = new BufferingApplicationStartup(100_000);
		SpringApplication application = new SpringApplication(Class.forName(SAMPLE_APPLICATION));
		application.setApplicationStartup(startup);
		AtomicLong ready = new AtomicLong();
		application.addListeners((ApplicationListener<ApplicationReadyEvent>) (event) -> ready.set(System.nanoTime()));
		long start = System.nanoTime();
		try (ConfigurableApplicationContext context = application.run(arguments.toArray(String[]::new))) {
			double millis = (ready.get() - start) / 1_000_000.0;
			StarterSteps steps = StarterSteps.of(startup.getBufferedTimeline(), context.getBeanFactory());
			System.out.printf(Locale.ROOT, "%s %s ready-ms=%.1f starter-ms=%.2f starter-beans=%d%n", PREFIX, side.id(),
					millis, steps.millis(), steps.beans());
		}
		System.exit(0);
	}

}
