package dev.tcpkeepalive.autoconfigure;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import dev.tcpkeepalive.NatIdleTimeout;
import dev.tcpkeepalive.PlatformSupport;
import dev.tcpkeepalive.TcpKeepAliveSettings;
import dev.tcpkeepalive.client.Client;
import dev.tcpkeepalive.client.ClientStatus;
import dev.tcpkeepalive.client.KeepAliveReport;
import dev.tcpkeepalive.client.Status;
import dev.tcpkeepalive.observe.KeepAliveObservations;
import dev.tcpkeepalive.reactor.NettyTransport;
import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.env.PropertyResolver;

/**
 * Builds the {@link KeepAliveReport} once, on first use, and its log lines, for
 * {@link KeepAliveReporter}.
 * <p>
 * Also the one {@link Supplier} of the report that the endpoint and the meter binder are
 * given. Kept apart from the reporter, a bean whose methods Spring introspects at
 * startup: the report type and the detection and decision types it needs are only loaded
 * when the report is built, once the application is ready or the endpoint asks.
 */
final class KeepAliveReports implements Supplier<KeepAliveReport> {

	private final boolean enabled;

	private final TcpKeepAliveSettings settings;

	private final NatIdleTimeout natIdleTimeout;

	private final KeepAliveObservations observations;

	private final PropertyResolver properties;

	private final ListableBeanFactory beanFactory;

	private final @Nullable ClassLoader classLoader;

	// Finding the transport loads Netty's native library (about half a second), so it is
	// only done when needed
	private volatile @Nullable Optional<NettyTransport> nettyTransport;

	private volatile @Nullable KeepAliveReport report;

	KeepAliveReports(boolean enabled, TcpKeepAliveSettings settings, NatIdleTimeout natIdleTimeout,
			KeepAliveObservations observations, PropertyResolver properties, ListableBeanFactory beanFactory,
			@Nullable ClassLoader classLoader) {
		this.enabled = enabled;
		this.settings = settings;
		this.natIdleTimeout = natIdleTimeout;
		this.observations = observations;
		this.properties = properties;
		this.beanFactory = beanFactory;
		this.classLoader = classLoader;
	}

	@Override
	public KeepAliveReport get() {
		KeepAliveReport report = this.report;
		if (report == null) {
			report = build();
			this.report = report;
		}
		return report;
	}

	private KeepAliveReport build() {
		// Detection first: looking up Boot's builders creates them, which runs the
		// starter's customizers
		ClientDetection detection = new ClientDetection(this.beanFactory, this.classLoader);
		Map<Client, List<String>> inUse = detection.detect();
		// A client was customized when its customizer told the observations what it asked
		Set<Client> customized = Arrays.stream(Client.values())
			.filter((client) -> this.observations.asked(client) != null)
			.collect(Collectors.toUnmodifiableSet());
		StatusDecision decision = new StatusDecision(this.enabled, this.settings.userTimeout() != null, this.properties,
				customized, PlatformSupport.current(), this::nettyTransport);
		List<ClientStatus> clients = inUse.entrySet()
			.stream()
			.map((entry) -> decision.decide(entry.getKey(), entry.getValue(),
					detection.userDefined().contains(entry.getKey())))
			.toList();
		return new KeepAliveReport(this.enabled, this.settings, this.natIdleTimeout, clients);
	}

	/**
	 * Return the Netty transport Reactor Netty picks for client connections.
	 * @return the transport, or {@code null} without Reactor Netty
	 */
	@Nullable NettyTransport nettyTransport() {
		Optional<NettyTransport> transport = this.nettyTransport;
		if (transport == null) {
			transport = Optional.ofNullable(NettyTransportDetection.detect(this.classLoader));
			this.nettyTransport = transport;
		}
		return transport.orElse(null);
	}

	void log(Log logger) {
		log(get(), logger);
	}

	private static void log(KeepAliveReport report, Log logger) {
		List<ClientStatus> clients = report.clients();
		logger.info(summary(report));
		clients.stream()
			.filter((client) -> client.status() == Status.PARTIAL || client.status() == Status.NOT_COVERED)
			.forEach((client) -> logger.warn("TCP keepalive is %s for %s: %s".formatted(client.status().id(),
					client.describe(), client.reason())));
	}

	private static String summary(KeepAliveReport report) {
		List<ClientStatus> clients = report.clients();
		if (!report.enabled()) {
			return "TCP keepalive is disabled (azure.tcp-keepalive.enabled=false); these clients keep the OS defaults: "
					+ list(clients, (client) -> true);
		}
		TcpKeepAliveSettings settings = report.settings();
		String userTimeout = (settings.userTimeout() != null) ? settings.userTimeoutMillis() + "ms" : "unset";
		return "TCP keepalive idle=%ds, interval=%ds, count=%d, user-timeout=%s, nat-idle-timeout=%ds; applied to: %s"
			.formatted(settings.idleSeconds(), settings.intervalSeconds(), settings.count(), userTimeout,
					report.natIdleTimeout().seconds(), list(clients, (client) -> client.status().asked()))
				+ disabledSuffix(clients);
	}

	private static String disabledSuffix(List<ClientStatus> clients) {
		String disabled = list(clients, (client) -> client.status() == Status.DISABLED);
		return "none".equals(disabled) ? "" : "; disabled: " + disabled;
	}

	private static String list(List<ClientStatus> clients, Predicate<ClientStatus> filter) {
		String list = clients.stream().filter(filter).map(ClientStatus::describe).collect(Collectors.joining(", "));
		return list.isEmpty() ? "none" : list;
	}

}
