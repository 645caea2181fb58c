package dev.tcpkeepalive.autoconfigure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.tcpkeepalive.client.Client;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.util.ClassUtils;

/**
 * Finds the clients an application really uses, from the builders Boot hands to its HTTP
 * clients.
 * <p>
 * Types are referred to by name so that any HTTP client module may be absent.
 */
final class ClientDetection {

	private static final String REQUEST_FACTORY_BUILDER = "org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder";

	private static final String CONNECTOR_BUILDER = "org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder";

	private static final String AZURE_CORE = "com.azure.core.http.HttpClientProvider";

	private final ListableBeanFactory beanFactory;

	private static final Set<String> AUTO_CONFIGURATIONS = Set.of(
			"org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration",
			"org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration",
			ReactiveWebRestClientAutoConfiguration.class.getName());

	private final @Nullable ClassLoader classLoader;

	private final Set<Client> userDefined = EnumSet.noneOf(Client.class);

	ClientDetection(ListableBeanFactory beanFactory, @Nullable ClassLoader classLoader) {
		this.beanFactory = beanFactory;
		this.classLoader = classLoader;
	}

	/**
	 * Return each client in use with the Spring clients that go through it.
	 * @return the clients, in {@link Client} order
	 */
	Map<Client, List<String>> detect() {
		Map<Client, Set<String>> clients = new EnumMap<>(Client.class);
		if (ClassUtils.isPresent(REQUEST_FACTORY_BUILDER, this.classLoader)) {
			List<String> users = new ArrayList<>();
			addIfBean(users, "RestClient", "org.springframework.web.client.RestClient$Builder");
			addIfBean(users, "RestTemplate", "org.springframework.boot.restclient.RestTemplateBuilder");
			String name = uniqueBeanName(REQUEST_FACTORY_BUILDER);
			Object builder = (name != null) ? this.beanFactory.getBean(name) : null;
			if (builder == null && !users.isEmpty()) {
				// What RestClient and RestTemplate fall back to when Boot defines no
				// builder, as in reactive apps
				builder = Detect.requestFactoryBuilder(this.classLoader);
			}
			add(clients, builder, name, users.isEmpty() ? List.of("ClientHttpRequestFactoryBuilder") : users);
		}
		if (ClassUtils.isPresent(CONNECTOR_BUILDER, this.classLoader)) {
			List<String> users = new ArrayList<>();
			addIfBean(users, "WebClient", "org.springframework.web.reactive.function.client.WebClient$Builder");
			String name = uniqueBeanName(CONNECTOR_BUILDER);
			Object builder = (name != null) ? this.beanFactory.getBean(name) : null;
			if (builder == null && !users.isEmpty()) {
				builder = Detect.connectorBuilder(this.classLoader);
			}
			add(clients, builder, name, users.isEmpty() ? List.of("ClientHttpConnectorBuilder") : users);
		}
		if (ClassUtils.isPresent(AZURE_CORE, this.classLoader)) {
			// The SDK's clients are not beans of a Boot builder: any of them may be
			// created at any time
			clients.put(Client.AZURE_SDK, Set.of("Azure SDK clients"));
		}
		Map<Client, List<String>> result = new EnumMap<>(Client.class);
		clients.forEach((client, users) -> result.put(client, List.copyOf(users)));
		return result;
	}

	/**
	 * Return the clients whose builder the application defined itself: Boot applies no
	 * customizer to those, so the starter cannot configure them.
	 * @return the clients built by a user-defined builder bean
	 */
	Set<Client> userDefined() {
		return Collections.unmodifiableSet(this.userDefined);
	}

	private void add(Map<Client, Set<String>> clients, @Nullable Object builder, @Nullable String beanName,
			List<String> users) {
		Client client = (builder != null) ? Client.ofBuilder(builder.getClass().getSimpleName()) : null;
		if (client != null) {
			clients.computeIfAbsent(client, (key) -> new LinkedHashSet<>()).addAll(users);
			if (beanName != null && !isAutoConfigured(beanName)) {
				this.userDefined.add(client);
			}
		}
	}

	private boolean isAutoConfigured(String beanName) {
		if (!(this.beanFactory instanceof ConfigurableListableBeanFactory factory)
				|| !factory.containsBeanDefinition(beanName)) {
			return false;
		}
		String configuration = factory.getBeanDefinition(beanName).getFactoryBeanName();
		Class<?> type = (configuration != null) ? factory.getType(configuration) : null;
		return type != null && AUTO_CONFIGURATIONS.contains(ClassUtils.getUserClass(type).getName());
	}

	private void addIfBean(List<String> users, String user, String type) {
		if (ClassUtils.isPresent(type, this.classLoader) && beanNames(type).length > 0) {
			users.add(user);
		}
	}

	private @Nullable String uniqueBeanName(String type) {
		String[] names = beanNames(type);
		return (names.length == 1) ? names[0] : null;
	}

	private String[] beanNames(String type) {
		// RestClient.Builder and WebClient.Builder are prototypes
		return this.beanFactory.getBeanNamesForType(ClassUtils.resolveClassName(type, this.classLoader), true, false);
	}

	// Kept apart so that the builder types are only loaded after their presence was
	// checked
	private static final class Detect {

		static Object requestFactoryBuilder(@Nullable ClassLoader classLoader) {
			return ClientHttpRequestFactoryBuilder.detect(classLoader);
		}

		static @Nullable Object connectorBuilder(@Nullable ClassLoader classLoader) {
			try {
				return ClientHttpConnectorBuilder.detect(classLoader);
			}
			catch (IllegalStateException ex) {
				// No reactive client library at all, so WebClient cannot open connections
				return null;
			}
		}

	}

}
