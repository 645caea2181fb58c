package dev.tcpkeepalive.natlab;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ClientHttpConnector;

/**
 * Runs a lab client application: starts it, times one call through the path under test
 * and prints the outcome as {@code RESULT ok <seconds> <body>} or
 * {@code RESULT failed <seconds> <exception chain>}.
 * <p>
 * System properties shape the scenario: {@code lab.warm-up} is a URL called first,
 * {@code lab.idle-after-warm-up} an ISO-8601 duration the pooled connection then idles,
 * and {@code lab.method} the timed call's method.
 */
final class LabClientMain {

	private LabClientMain() {
	}

	static void run(Class<?> application, WebApplicationType type, String[] args, Call call) {
		SpringApplication app = new SpringApplication(application);
		app.setWebApplicationType(type);
		app.setBannerMode(Banner.Mode.OFF);
		app.setDefaultProperties(Map.of("server.port", "0", "spring.main.log-startup-info", "false"));
		// The target is passed on as ApplicationArguments, for clients built as beans
		try (ConfigurableApplicationContext context = app.run(args)) {
			System.out.println("CONTEXT " + context.getClass().getSimpleName());
			printClientLibraries(context);
			warmUp(context, call);
			long start = System.nanoTime();
			try {
				String body = call.call(context, URI.create(args[0]));
				System.out.println("RESULT ok " + seconds(start) + " " + body);
			}
			catch (Exception ex) {
				System.out.println("RESULT failed " + seconds(start) + " " + chain(ex));
			}
		}
		catch (Exception ex) {
			ex.printStackTrace();
			System.exit(2);
		}
		System.exit(0);
	}

	// Shows which client library Boot really chose, so that each row of the table is the
	// path it claims to be
	private static void printClientLibraries(ConfigurableApplicationContext context) {
		ClientHttpRequestFactoryBuilder<?> factory = context.getBeanProvider(ClientHttpRequestFactoryBuilder.class)
			.getIfAvailable();
		if (factory != null) {
			System.out.println("FACTORY " + factory.getClass().getSimpleName());
		}
		ClientHttpConnector connector = context.getBeanProvider(ClientHttpConnector.class).getIfAvailable();
		if (connector != null) {
			System.out.println("CONNECTOR " + connector.getClass().getSimpleName());
		}
	}

	// A first request opens the pooled connection, so the timed call measures the network
	// and not class loading
	private static void warmUp(ConfigurableApplicationContext context, Call call) throws Exception {
		String warmUp = System.getProperty("lab.warm-up");
		if (warmUp != null) {
			call.call(context, URI.create(warmUp));
			String idle = System.getProperty("lab.idle-after-warm-up");
			if (idle != null) {
				// The idle period is the scenario itself, not a wait for something to
				// happen
				Thread.sleep(Duration.parse(idle).toMillis());
			}
		}
	}

	/**
	 * Return the HTTP method to call with: {@code lab.method}, {@code GET} by default.
	 */
	static HttpMethod method() {
		return HttpMethod.valueOf(System.getProperty("lab.method", "GET"));
	}

	private static String seconds(long startNanos) {
		return String.format(Locale.ROOT, "%.1f", (System.nanoTime() - startNanos) / 1e9);
	}

	private static String chain(Throwable ex) {
		StringBuilder chain = new StringBuilder();
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			chain.append((chain.length() > 0) ? " <- " : "").append(cause.getClass().getSimpleName());
			if (cause.getMessage() != null) {
				chain.append(": ").append(cause.getMessage().lines().findFirst().orElse(""));
			}
		}
		return chain.toString();
	}

	@FunctionalInterface
	interface Call {

		String call(ConfigurableApplicationContext context, URI target) throws Exception;

	}

}
