package dev.tcpkeepalive.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A non-web Spring Boot application that holds Boot's auto-configured
 * {@code RestClient.Builder} (on Apache HttpClient 5) and {@code WebClient.Builder} (on
 * Reactor Netty), with or without the starter.
 * <p>
 * Boot's auto-configurations other than the HTTP clients' are excluded. In particular
 * client observations would add the same per-request cost to both sides and so hide the
 * starter's share.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
class ClientApplication {

	private static final Set<String> CLIENT_AUTO_CONFIGURATIONS = Set.of(
			"org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration",
			"org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration",
			"org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration",
			"org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration",
			"org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration",
			"org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration",
			"org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration",
			"org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration",
			"org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration",
			"org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration");

	static ConfigurableApplicationContext run(Side side, String without) {
		return run(side, without, List.of());
	}

	/**
	 * Run the application with further sources, for example a pool sizing, and further
	 * arguments.
	 * @param side with or without the starter
	 * @param without how the "without" side is produced
	 * @param moreArguments further Spring Boot arguments, after the ones that select the
	 * side
	 * @param moreSources further configuration classes
	 * @return the running context
	 */
	static ConfigurableApplicationContext run(Side side, String without, List<String> moreArguments,
			Class<?>... moreSources) {
		List<String> others = Side.autoConfigurations()
			.stream()
			.filter((name) -> !CLIENT_AUTO_CONFIGURATIONS.contains(name) && !Side.isStarterClass(name))
			.toList();
		List<String> arguments = new ArrayList<>(side.arguments(without, others));
		// The sample app's application.yml is on this class path too; keep it out
		arguments.add("--spring.config.name=benchmark-client");
		arguments.add("--spring.http.clients.imperative.factory=http-components");
		arguments.add("--spring.http.clients.reactive.connector=reactor");
		arguments.add("--spring.main.banner-mode=off");
		arguments.addAll(moreArguments);
		return new SpringApplicationBuilder(ClientApplication.class).sources(moreSources)
			.web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.run(arguments.toArray(String[]::new));
	}

}
