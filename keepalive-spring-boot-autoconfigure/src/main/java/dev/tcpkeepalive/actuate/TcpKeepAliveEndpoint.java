package dev.tcpkeepalive.actuate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import dev.tcpkeepalive.KeepAliveOption;
import dev.tcpkeepalive.PlatformSupport;
import dev.tcpkeepalive.TcpKeepAliveSettings;
import dev.tcpkeepalive.actuate.TcpKeepAliveDescriptor.AppliedDescriptor;
import dev.tcpkeepalive.actuate.TcpKeepAliveDescriptor.ClientDescriptor;
import dev.tcpkeepalive.actuate.TcpKeepAliveDescriptor.ObservedDescriptor;
import dev.tcpkeepalive.actuate.TcpKeepAliveDescriptor.PlatformDescriptor;
import dev.tcpkeepalive.actuate.TcpKeepAliveDescriptor.SettingsDescriptor;
import dev.tcpkeepalive.client.ClientStatus;
import dev.tcpkeepalive.client.KeepAliveReport;
import dev.tcpkeepalive.client.Status;
import dev.tcpkeepalive.observe.KeepAliveObservations;
import dev.tcpkeepalive.observe.ObservedKeepAlive;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * {@link Endpoint @Endpoint} that reports, per HTTP client, the TCP keepalive its sockets really carried.
 *
 * @since 0.1.0
 */
@Endpoint(id = "tcpkeepalive", defaultAccess = Access.READ_ONLY)
public class TcpKeepAliveEndpoint {

	private final Supplier<KeepAliveReport> report;

	private final KeepAliveObservations observations;

	private final PlatformSupport platform;

	private final Supplier<@Nullable String> nettyTransport;

	/**
	 * Create an endpoint.
	 * @param report what the starter was asked to do and did, built on first use
	 * @param observations what real sockets carried
	 * @param platform what this JVM and OS can carry
	 * @param nettyTransport the id of Reactor Netty's transport, or {@code null} without Reactor Netty
	 */
	public TcpKeepAliveEndpoint(Supplier<KeepAliveReport> report, KeepAliveObservations observations,
			PlatformSupport platform, Supplier<@Nullable String> nettyTransport) {
		this.report = report;
		this.observations = observations;
		this.platform = platform;
		this.nettyTransport = nettyTransport;
	}

	@ReadOperation
	public TcpKeepAliveDescriptor keepAlive() {
		KeepAliveReport report = this.report.get();
		SettingsDescriptor settings = settings(report);
		Map<String, ClientDescriptor> descriptors = new LinkedHashMap<>();
		report.clients().forEach((client) -> descriptors.put(client.client().id(), describe(client, settings)));
		return new TcpKeepAliveDescriptor(report.enabled(), settings,
				ObservedNatSafety.assess(report, this.observations), platform(), descriptors);
	}

	@ReadOperation
	public @Nullable ClientDescriptor client(@Selector String client) {
		KeepAliveReport report = this.report.get();
		return report.clients()
			.stream()
			.filter((candidate) -> candidate.client().id().equals(client))
			.findFirst()
			.map((candidate) -> describe(candidate, settings(report)))
			.orElse(null);
	}

	private static SettingsDescriptor settings(KeepAliveReport report) {
		TcpKeepAliveSettings settings = report.settings();
		return new SettingsDescriptor(settings.idleSeconds(), settings.intervalSeconds(), settings.count(),
				settings.userTimeoutMillis(), report.natIdleTimeout().seconds());
	}

	private PlatformDescriptor platform() {
		Map<String, Boolean> supported = new LinkedHashMap<>();
		supported.put(KeepAliveOption.TCP_KEEPIDLE.name(), this.platform.keepIdle());
		supported.put(KeepAliveOption.TCP_KEEPINTERVAL.name(), this.platform.keepInterval());
		supported.put(KeepAliveOption.TCP_KEEPCOUNT.name(), this.platform.keepCount());
		return new PlatformDescriptor(this.platform.os(), this.platform.arch(), this.platform.javaVersion(), supported,
				this.nettyTransport.get());
	}

	private ClientDescriptor describe(ClientStatus client, SettingsDescriptor settings) {
		ObservedKeepAlive observed = this.observations.latest(client.client());
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
		return new ClientDescriptor(status, client.usedBy(), applied, (observed != null) ? observed(observed) : null,
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
		if (!unsupported.contains(option) && !Objects.equals((observed != null) ? observed.longValue() : null, applied)) {
			differences.add("%s=%s instead of %d".formatted(option, observed, applied));
		}
	}

	private static ObservedDescriptor observed(ObservedKeepAlive observed) {
		return new ObservedDescriptor(observed.soKeepAlive(), observed.idleSeconds(), observed.intervalSeconds(),
				observed.count(), observed.userTimeoutMillis(), observed.remoteAddress(), observed.observedAt());
	}

}
