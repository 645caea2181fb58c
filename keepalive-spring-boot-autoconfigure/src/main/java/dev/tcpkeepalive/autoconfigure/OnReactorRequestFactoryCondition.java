package dev.tcpkeepalive.autoconfigure;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.ClassUtils;

/**
 * Condition that matches when Boot's imperative request factory is Reactor Netty's:
 * chosen with {@code spring.http.clients.imperative.factory}, or detected because neither
 * HttpClient 5 nor Jetty's client is on the class path.
 * <p>
 * Customizers of the reactor request factory would never run otherwise, and loading them
 * costs every other application a few classes at startup.
 */
class OnReactorRequestFactoryCondition extends SpringBootCondition {

	private static final String FACTORY = "spring.http.clients.imperative.factory";

	// Boot 3's name: only trusted when it names reactor, so that keepalive is never lost
	// to a property Boot may ignore
	private static final String DEPRECATED_FACTORY = "spring.http.client.factory";

	// The classes ClientHttpRequestFactoryBuilder.detect checks, in its order
	private static final String HTTP_COMPONENTS = "org.apache.hc.client5.http.impl.classic.HttpClients";

	private static final String JETTY = "org.eclipse.jetty.client.HttpClient";

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Environment environment = context.getEnvironment();
		String factory = environment.getProperty(FACTORY);
		if (isReactor(factory) || isReactor(environment.getProperty(DEPRECATED_FACTORY))) {
			return ConditionOutcome.match("imperative factory set to reactor");
		}
		if (factory != null) {
			return ConditionOutcome.noMatch("imperative factory set to '" + factory + "'");
		}
		ClassLoader classLoader = context.getClassLoader();
		boolean detected = !ClassUtils.isPresent(HTTP_COMPONENTS, classLoader)
				&& !ClassUtils.isPresent(JETTY, classLoader);
		return new ConditionOutcome(detected, "imperative factory detected from the class path");
	}

	private static boolean isReactor(@Nullable String factory) {
		// Lenient like Boot's enum binding: REACTOR, Reactor and reactor all name it
		return factory != null && "reactor".equals(factory.replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT));
	}

}
