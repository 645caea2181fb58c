package dev.tcpkeepalive.autoconfigure;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import dev.tcpkeepalive.NatIdleTimeout;
import dev.tcpkeepalive.PlatformSupport;
import dev.tcpkeepalive.TcpKeepAliveSettings;
import dev.tcpkeepalive.client.Client;
import dev.tcpkeepalive.client.ClientStatus;
import dev.tcpkeepalive.client.KeepAliveReport;
import dev.tcpkeepalive.client.Status;
import dev.tcpkeepalive.reactor.NettyTransport;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.PropertyResolver;
import org.springframework.util.function.SingletonSupplier;

/**
 * Builds the {@link KeepAliveReport} once all beans exist, from the clients the application uses and the customizers
 * of the starter that really ran.
 * <p>
 * Logs one INFO line with the settings and the covered clients, and one WARN line per client that is not covered or
 * only partially covered, naming the fix.
 */
final class KeepAliveReporter implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(KeepAliveReporter.class);

	private final boolean enabled;

	private final TcpKeepAliveSettings settings;

	private final NatIdleTimeout natIdleTimeout;

	private final PropertyResolver properties;

	private final ListableBeanFactory beanFactory;

	private final @Nullable ClassLoader classLoader;

	private final Set<Client> customized = ConcurrentHashMap.newKeySet();

	// Finding the transport loads Netty's native library (about half a second), so it is only done when needed
	private final SingletonSupplier<Optional<NettyTransport>> nettyTransport;

	private volatile @Nullable KeepAliveReport report;

	KeepAliveReporter(boolean enabled, TcpKeepAliveSettings settings, NatIdleTimeout natIdleTimeout,
			PropertyResolver properties, ListableBeanFactory beanFactory, @Nullable ClassLoader classLoader) {
		this.enabled = enabled;
		this.settings = settings;
		this.natIdleTimeout = natIdleTimeout;
		this.properties = properties;
		this.beanFactory = beanFactory;
		this.classLoader = classLoader;
		this.nettyTransport = SingletonSupplier
			.of(() -> Optional.ofNullable(NettyTransportDetection.detect(classLoader)));
	}

	/**
	 * Record that the starter's keepalive customizer for a client ran, so the client can be reported as applied.
	 * @param client the client
	 */
	void customized(Client client) {
		this.customized.add(client);
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<ClientStatus> clients = report().clients();
		logger.info(summary(clients));
		clients.stream()
			.filter((client) -> client.status() == Status.PARTIAL || client.status() == Status.NOT_COVERED)
			.forEach((client) -> logger.warn("TCP keepalive is %s for %s: %s".formatted(client.status().id(),
					client.describe(), client.reason())));
	}

	KeepAliveReport report() {
		KeepAliveReport report = this.report;
		if (report == null) {
			// Detection first: looking up Boot's builders creates them, which runs the starter's customizers
			ClientDetection detection = new ClientDetection(this.beanFactory, this.classLoader);
			Map<Client, List<String>> inUse = detection.detect();
			StatusDecision decision = new StatusDecision(this.enabled, this.settings.userTimeout() != null,
					this.properties, Set.copyOf(this.customized), PlatformSupport.current(), this::nettyTransport);
			List<ClientStatus> clients = inUse.entrySet()
				.stream()
				.map((entry) -> decision.decide(entry.getKey(), entry.getValue(),
						detection.userDefined().contains(entry.getKey())))
				.toList();
			report = new KeepAliveReport(this.enabled, this.settings, this.natIdleTimeout, clients);
			this.report = report;
		}
		return report;
	}

	@Nullable NettyTransport nettyTransport() {
		return this.nettyTransport.obtain().orElse(null);
	}

	private String summary(List<ClientStatus> clients) {
		if (!this.enabled) {
			return "TCP keepalive is disabled (azure.tcp-keepalive.enabled=false); these clients keep the OS defaults: "
					+ list(clients, (client) -> true);
		}
		TcpKeepAliveSettings settings = this.settings;
		String userTimeout = (settings.userTimeout() != null) ? settings.userTimeoutMillis() + "ms" : "unset";
		return "TCP keepalive idle=%ds, interval=%ds, count=%d, user-timeout=%s, nat-idle-timeout=%ds; applied to: %s"
			.formatted(settings.idleSeconds(), settings.intervalSeconds(), settings.count(), userTimeout,
					this.natIdleTimeout.seconds(), list(clients, (client) -> client.status().asked()))
				+ disabledSuffix(clients);
	}

	private String disabledSuffix(List<ClientStatus> clients) {
		String disabled = list(clients, (client) -> client.status() == Status.DISABLED);
		return "none".equals(disabled) ? "" : "; disabled: " + disabled;
	}

	private static String list(List<ClientStatus> clients, Predicate<ClientStatus> filter) {
		String list = clients.stream().filter(filter).map(ClientStatus::describe).collect(Collectors.joining(", "));
		return list.isEmpty() ? "none" : list;
	}

}
