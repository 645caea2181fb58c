package dev.tcpkeepalive.autoconfigure;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import dev.tcpkeepalive.PlatformSupport;
import dev.tcpkeepalive.TcpKeepAliveSettings;
import dev.tcpkeepalive.observe.ClientCoverage;
import dev.tcpkeepalive.observe.ClientCoverage.Status;
import dev.tcpkeepalive.observe.ClientPath;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.util.function.SingletonSupplier;

/**
 * Which client paths the application uses and what the starter did for each, decided once all beans exist.
 * <p>
 * Logs one INFO line with the settings and the covered clients, and one WARN line per client that is not covered or
 * only partially covered, naming the fix.
 *
 * @since 0.1.0
 */
public class KeepAliveCoverage implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(KeepAliveCoverage.class);

	private final TcpKeepAliveProperties properties;

	private final @Nullable TcpKeepAliveSettings settings;

	private final ListableBeanFactory beanFactory;

	private final @Nullable ClassLoader classLoader;

	// Finding the transport loads Netty's native library (about half a second), so it is only done when needed
	private final SingletonSupplier<Optional<String>> nettyTransport;

	private volatile @Nullable List<ClientCoverage> clients;

	KeepAliveCoverage(TcpKeepAliveProperties properties, @Nullable TcpKeepAliveSettings settings,
			ListableBeanFactory beanFactory, @Nullable ClassLoader classLoader) {
		this.properties = properties;
		this.settings = settings;
		this.beanFactory = beanFactory;
		this.classLoader = classLoader;
		this.nettyTransport = SingletonSupplier
			.of(() -> Optional.ofNullable(NettyTransportDetection.detect(classLoader)));
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<ClientCoverage> clients = clients();
		logger.info(summary(clients));
		clients.stream()
			.filter((client) -> client.status() == Status.PARTIAL || client.status() == Status.NOT_COVERED)
			.forEach((client) -> logger.warn("TCP keepalive is %s for %s: %s".formatted(client.status().id(),
					describe(client), client.reason())));
	}

	/**
	 * Return the coverage of every client path present in the application, in {@link ClientPath} order.
	 * @return the coverage per client path
	 */
	public List<ClientCoverage> clients() {
		List<ClientCoverage> clients = this.clients;
		if (clients == null) {
			CoverageDecision decision = new CoverageDecision(this.properties,
					this.settings != null && this.settings.userTimeout() != null, PlatformSupport.current(),
					() -> nettyTransport(), this.classLoader);
			ClientPathDetection detection = new ClientPathDetection(this.beanFactory, this.classLoader);
			clients = detection.detect()
				.entrySet()
				.stream()
				.map((entry) -> decision.decide(entry.getKey(), entry.getValue(),
						detection.userDefined().contains(entry.getKey())))
				.toList();
			this.clients = clients;
		}
		return clients;
	}

	/**
	 * Return the coverage of one client path.
	 * @param path the client path
	 * @return its coverage, or {@code null} when the application does not use it
	 */
	public @Nullable ClientCoverage client(ClientPath path) {
		return clients().stream().filter((client) -> client.path() == path).findFirst().orElse(null);
	}

	/**
	 * Return the Netty transport Reactor Netty uses here.
	 * @return {@code epoll}, {@code io_uring} or {@code nio}, or {@code null} when Reactor Netty is absent
	 */
	public @Nullable String nettyTransport() {
		return this.nettyTransport.obtain().orElse(null);
	}

	private String summary(List<ClientCoverage> clients) {
		if (this.settings == null) {
			return "TCP keepalive is disabled (azure.tcp-keepalive.enabled=false); these clients keep the OS defaults: "
					+ list(clients, (client) -> true);
		}
		TcpKeepAliveSettings settings = this.settings;
		String userTimeout = (settings.userTimeout() != null) ? settings.userTimeoutMillis() + "ms" : "unset";
		return "TCP keepalive idle=%ds, interval=%ds, count=%d, user-timeout=%s, nat-idle-timeout=%ds; applied to: %s"
			.formatted(settings.idleSeconds(), settings.intervalSeconds(), settings.count(), userTimeout,
					this.properties.getNatIdleTimeout().getSeconds(),
					list(clients, (client) -> client.status() == Status.APPLIED || client.status() == Status.PARTIAL))
				+ disabledSuffix(clients);
	}

	private String disabledSuffix(List<ClientCoverage> clients) {
		String disabled = list(clients, (client) -> client.status() == Status.DISABLED);
		return "none".equals(disabled) ? "" : "; disabled: " + disabled;
	}

	private static String list(List<ClientCoverage> clients, Predicate<ClientCoverage> filter) {
		String list = clients.stream().filter(filter).map(KeepAliveCoverage::describe).collect(Collectors.joining(", "));
		return list.isEmpty() ? "none" : list;
	}

	private static String describe(ClientCoverage client) {
		return "%s (%s)".formatted(client.path().id(), String.join(", ", client.usedBy()));
	}

}
