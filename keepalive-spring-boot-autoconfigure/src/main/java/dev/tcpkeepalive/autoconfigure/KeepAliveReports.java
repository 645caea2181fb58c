package dev.tcpkeepalive.autoconfigure;

import java.util.List;
import java.util.Map;
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
import dev.tcpkeepalive.reactor.NettyTransport;
import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.env.PropertyResolver;

/**
 * Builds a {@link KeepAliveReport} and its log lines for {@link KeepAliveReporter}.
 * <p>
 * Kept apart from the reporter, a bean whose methods Spring introspects at startup: only
 * building the report, once the application is ready or the endpoint asks, loads this
 * class and the detection and decision types it uses.
 */
final class KeepAliveReports {

	private KeepAliveReports() {
	}

	static KeepAliveReport build(boolean enabled, TcpKeepAliveSettings settings, NatIdleTimeout natIdleTimeout,
			PropertyResolver properties, Set<Client> customized, ListableBeanFactory beanFactory,
			@Nullable ClassLoader classLoader, Supplier<@Nullable NettyTransport> nettyTransport) {
		// Detection first: looking up Boot's builders creates them, which runs the
		// starter's customizers
		ClientDetection detection = new ClientDetection(beanFactory, classLoader);
		Map<Client, List<String>> inUse = detection.detect();
		StatusDecision decision = new StatusDecision(enabled, settings.userTimeout() != null, properties,
				Set.copyOf(customized), PlatformSupport.current(), nettyTransport);
		List<ClientStatus> clients = inUse.entrySet()
			.stream()
			.map((entry) -> decision.decide(entry.getKey(), entry.getValue(),
					detection.userDefined().contains(entry.getKey())))
			.toList();
		return new KeepAliveReport(enabled, settings, natIdleTimeout, clients);
	}

	static void log(KeepAliveReport report, Log logger) {
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
