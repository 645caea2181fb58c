package dev.tcpkeepalive.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;

/**
 * Starts the sample app once, in its own JVM, and prints one {@value #PREFIX} line with
 * the time from {@code SpringApplication.run} to {@link ApplicationReadyEvent}, the time
 * spent on the starter's beans and the bytes the main thread allocated until then.
 * <p>
 * Launched by {@link StartupComparison} with the side ({@code with} or {@code without}),
 * the way "without" is made and, optionally, auto-configurations to exclude on both sides
 * (comma-separated).
 *
 * @since 0.1.0
 */
public final class StartupProbe {

	static final String PREFIX = "startup-probe";

	// By name: the sample app is a runtime-only dependency of this module
	static final String SAMPLE_APPLICATION = "dev.tcpkeepalive.sample.SampleApplication";

	/**
	 * The class loaded right after "Started SampleApplication" is logged, see
	 * {@link ClassLoadLog}.
	 */
	static final String STARTED_MARKER = StartupProbe.class.getName() + "$Started";

	private StartupProbe() {
	}

	public static void main(String[] args) throws ClassNotFoundException {
		Side side = Side.of(args[0]);
		List<String> alsoExcluded = (args.length > 2 && !args[2].isEmpty()) ? List.of(args[2].split(",")) : List.of();
		List<String> arguments = new ArrayList<>(side.arguments(args[1], alsoExcluded));
		arguments.add("--server.port=0");
		arguments.add("--management.endpoints.web.exposure.include=health,tcpkeepalive");
		BufferingApplicationStartup startup = new BufferingApplicationStartup(100_000);
		Class<?> sampleApplication = Class.forName(SAMPLE_APPLICATION);
		SpringApplication application = new SpringApplication(sampleApplication);
		// So that the startup line reads "Started SampleApplication", as when the sample
		// app runs on its own
		application.setMainApplicationClass(sampleApplication);
		application.setApplicationStartup(startup);
		application.addListeners(new StartedListener());
		AtomicLong ready = new AtomicLong();
		AtomicLong allocated = new AtomicLong(-1);
		application.addListeners((ApplicationListener<ApplicationReadyEvent>) (event) -> {
			ready.set(System.nanoTime());
			allocated.set(allocatedByThisThread());
		});
		long start = System.nanoTime();
		ConfigurableApplicationContext context = application.run(arguments.toArray(String[]::new));
		double millis = (ready.get() - start) / 1_000_000.0;
		StarterSteps steps = StarterSteps.of(startup.getBufferedTimeline(), context.getBeanFactory());
		System.out.printf(Locale.ROOT, "%s %s ready-ms=%.1f starter-ms=%.2f starter-beans=%d allocated-mb=%.2f%n",
				PREFIX, side.id(), millis, steps.millis(), steps.beans(), allocated.get() / (1024.0 * 1024.0));
		System.out.flush();
		// Closing the context is not measured, and skipping it leaves more of the
		// benchmark's time for runs
		Runtime.getRuntime().halt(0);
	}

	// The JDK's own ThreadMXBean counts the bytes a thread allocated; -1 on a JVM without
	// it
	private static long allocatedByThisThread() {
		return (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads)
				? threads.getCurrentThreadAllocatedBytes() : -1;
	}

	/**
	 * Loads {@link Started} as the first listener of {@link ApplicationStartedEvent},
	 * which Spring Boot publishes right after it logged "Started SampleApplication".
	 */
	private static final class StartedListener implements ApplicationListener<ApplicationStartedEvent>, Ordered {

		@Override
		public void onApplicationEvent(ApplicationStartedEvent event) {
			try {
				Class.forName(STARTED_MARKER);
			}
			catch (ClassNotFoundException ex) {
				throw new IllegalStateException(ex);
			}
		}

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

	}

	/**
	 * A class loaded only to mark the point in {@code -Xlog:class+load} where the
	 * application has started.
	 */
	static final class Started {

	}

}
