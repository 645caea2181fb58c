package dev.tcpkeepalive.actuate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.tcpkeepalive.KeepAliveOption;
import dev.tcpkeepalive.PlatformSupport;
import dev.tcpkeepalive.TcpKeepAliveSettings;
import dev.tcpkeepalive.actuate.TcpKeepAliveDescriptor.AppliedDescriptor;
import dev.tcpkeepalive.actuate.TcpKeepAliveDescriptor.ClientDescriptor;
import dev.tcpkeepalive.actuate.TcpKeepAliveDescriptor.ConnectionsDescriptor;
import dev.tcpkeepalive.actuate.TcpKeepAliveDescriptor.ObservedDescriptor;
import dev.tcpkeepalive.actuate.TcpKeepAliveDescriptor.PlatformDescriptor;
import dev.tcpkeepalive.actuate.TcpKeepAliveDescriptor.SettingsDescriptor;
import dev.tcpkeepalive.client.ClientStatus;
import dev.tcpkeepalive.client.KeepAliveReport;
import dev.tcpkeepalive.client.Status;
import dev.tcpkeepalive.observe.ClientConnections;
import dev.tcpkeepalive.observe.ConnectionState;
import dev.tcpkeepalive.observe.KeepAliveObservations;
import dev.tcpkeepalive.observe.ObservedKeepAlive;
import org.jspecify.annotations.Nullable;

/**
 * Builds the {@link TcpKeepAliveEndpoint}'s descriptors from the report, the observations
 * and the platform.
 * <p>
 * Kept apart from the endpoint, whose methods Spring introspects at startup: only a call
 * to the endpoint loads this class and the descriptor types it uses.
 */
final class ClientDescriptors {

	private ClientDescriptors() {
	}

	static TcpKeepAliveDescriptor all(KeepAliveReport report, KeepAliveObservations observations,
			@Nullable String nettyTransport) {
		SettingsDescriptor settings = settings(report);
		Map<String, ClientDescriptor> descriptors = new LinkedHashMap<>();
		report.clients()
			.forEach((client) -> descriptors.put(client.client().id(), describe(client, settings, observations)));
		return new TcpKeepAliveDescriptor(report.enabled(), settings, ObservedNatSafety.assess(report, observations),
				platform(PlatformSupport.current(), nettyTransport), descriptors);
	}

	static @Nullable ClientDescriptor one(KeepAliveReport report, KeepAliveObservations observations, String client) {
		return report.clients()
			.stream()
			.filter((candidate) -> candidate.client().id().equals(client))
			.findFirst()
			.map((candidate) -> describe(candidate, settings(report), observations))
			.orElse(null);
	}

	private static SettingsDescriptor settings(KeepAliveReport report) {
		TcpKeepAliveSettings settings = report.settings();
		return new SettingsDescriptor(settings.idleSeconds(), settings.intervalSeconds(), settings.count(),
				settings.userTimeoutMillis(), report.natIdleTimeout().seconds());
	}

	private static PlatformDescriptor platform(PlatformSupport platform, @Nullable String nettyTransport) {
		Map<String, Boolean> supported = new LinkedHashMap<>();
		supported.put(KeepAliveOption.TCP_KEEPIDLE.name(), platform.keepIdle());
		supported.put(KeepAliveOption.TCP_KEEPINTERVAL.name(), platform.keepInterval());
		supported.put(KeepAliveOption.TCP_KEEPCOUNT.name(), platform.keepCount());
		return new PlatformDescriptor(platform.os(), platform.arch(), platform.javaVersion(), supported,
				nettyTransport);
	}

	private static ClientDescriptor describe(ClientStatus client, SettingsDescriptor settings,
			KeepAliveObservations observations) {
		ClientConnections connections = observations.connections(client.client());
		ObservedKeepAlive observed = connections.latest();
		AppliedDescriptor applied = client.status().asked() ? new AppliedDescriptor(true, settings.idleSeconds(),
				settings.intervalSeconds(), settings.count(),
				client.unsupported().contains(KeepAliveOption.TCP_USER_TIMEOUT) ? null : settings.userTimeoutMillis())
				: null;
		String status = client.status().id();
		String reason = client.reason();
		String mismatch = (applied != null && observed != null) ? mismatch(applied, observed, client.unsupported())
				: null;
		if (mismatch != null) {
			// What the socket carried overrides what the starter believed it set
			status = Status.PARTIAL.id();
			reason = (reason != null) ? reason + "; " + mismatch : mismatch;
		}
		return new ClientDescriptor(status, client.usedBy(), applied, observed(observed),
				observed(connections.lastNotApplied()),
				new ConnectionsDescriptor(connections.count(ConnectionState.APPLIED),
						connections.count(ConnectionState.DIFFERS), connections.count(ConnectionState.OFF)),
				reason);
	}

	private static @Nullable String mismatch(AppliedDescriptor applied, ObservedKeepAlive observed,
			List<KeepAliveOption> unsupported) {
		List<String> differences = new ArrayList<>();
		if (!observed.soKeepAlive()) {
			differences.add("SO_KEEPALIVE=false instead of true");
		}
		addIfDifferent(differences, KeepAliveOption.TCP_KEEPIDLE, applied.idleSeconds(), observed.idleSeconds(),
				unsupported);
		addIfDifferent(differences, KeepAliveOption.TCP_KEEPINTERVAL, applied.intervalSeconds(),
				observed.intervalSeconds(), unsupported);
		addIfDifferent(differences, KeepAliveOption.TCP_KEEPCOUNT, applied.count(), observed.count(), unsupported);
		if (applied.userTimeoutMillis() != null && observed.userTimeoutMillis() != null
				&& !applied.userTimeoutMillis().equals(observed.userTimeoutMillis())) {
			differences.add("TCP_USER_TIMEOUT=%dms instead of %dms".formatted(observed.userTimeoutMillis(),
					applied.userTimeoutMillis()));
		}
		if (differences.isEmpty()) {
			return null;
		}
		return "the last connection carried " + String.join(", ", differences)
				+ ": another customizer or a hand-built client replaced the socket options";
	}

	private static void addIfDifferent(List<String> differences, KeepAliveOption option, long applied,
			@Nullable Integer observed, List<KeepAliveOption> unsupported) {
		if (!unsupported.contains(option)
				&& !Objects.equals((observed != null) ? observed.longValue() : null, applied)) {
			differences.add("%s=%s instead of %d".formatted(option, observed, applied));
		}
	}

	private static @Nullable ObservedDescriptor observed(@Nullable ObservedKeepAlive observed) {
		if (observed == null) {
			return null;
		}
		return new ObservedDescriptor(observed.soKeepAlive(), observed.idleSeconds(), observed.intervalSeconds(),
				observed.count(), observed.userTimeoutMillis(), observed.remoteAddress(), observed.observedAt());
	}

}
