package dev.tcpkeepalive.actuate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.tcpkeepalive.PlatformSupport;
import dev.tcpkeepalive.TcpKeepAliveSettings;
import dev.tcpkeepalive.actuate.TcpKeepAliveDescriptor.AppliedDescriptor;
import dev.tcpkeepalive.actuate.TcpKeepAliveDescriptor.ClientDescriptor;
import dev.tcpkeepalive.actuate.TcpKeepAliveDescriptor.ObservedDescriptor;
import dev.tcpkeepalive.actuate.TcpKeepAliveDescriptor.PlatformDescriptor;
import dev.tcpkeepalive.actuate.TcpKeepAliveDescriptor.SettingsDescriptor;
import dev.tcpkeepalive.autoconfigure.KeepAliveCoverage;
import dev.tcpkeepalive.autoconfigure.TcpKeepAliveProperties;
import dev.tcpkeepalive.observe.ClientCoverage;
import dev.tcpkeepalive.observe.ClientCoverage.Status;
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

	private final TcpKeepAliveProperties properties;

	private final @Nullable TcpKeepAliveSettings settings;

	private final KeepAliveCoverage coverage;

	private final KeepAliveObservations observations;

	private final PlatformSupport platform;

	public TcpKeepAliveEndpoint(TcpKeepAliveProperties properties, @Nullable TcpKeepAliveSettings settings,
			KeepAliveCoverage coverage, KeepAliveObservations observations, PlatformSupport platform) {
		this.properties = properties;
		this.settings = settings;
		this.coverage = coverage;
		this.observations = observations;
		this.platform = platform;
	}

	@ReadOperation
	public TcpKeepAliveDescriptor keepAlive() {
		SettingsDescriptor settings = settings();
		List<ClientCoverage> clients = this.coverage.clients();
		Map<String, ClientDescriptor> descriptors = new LinkedHashMap<>();
		clients.forEach((client) -> descriptors.put(client.path().id(), describe(client, settings)));
		return new TcpKeepAliveDescriptor(enabled(), settings,
				ObservedNatSafety.assess(enabled(), settings, clients, this.observations), platform(), descriptors);
	}

	@ReadOperation
	public @Nullable ClientDescriptor client(@Selector String client) {
		return this.coverage.clients()
			.stream()
			.filter((candidate) -> candidate.path().id().equals(client))
			.findFirst()
			.map((candidate) -> describe(candidate, settings()))
			.orElse(null);
	}

	private boolean enabled() {
		return this.properties.isEnabled();
	}

	private SettingsDescriptor settings() {
		long nat = this.properties.getNatIdleTimeout().getSeconds();
		if (this.settings != null) {
			return new SettingsDescriptor(this.settings.idleSeconds(), this.settings.intervalSeconds(),
					this.settings.count(), this.settings.userTimeoutMillis(), nat);
		}
		// Disabled: show what would apply, without validating values that are not in use
		return new SettingsDescriptor(this.properties.getIdle().getSeconds(),
				this.properties.getInterval().getSeconds(), this.properties.getCount(),
				(this.properties.getUserTimeout() != null) ? (int) this.properties.getUserTimeout().toMillis() : null,
				nat);
	}

	private PlatformDescriptor platform() {
		Map<String, Boolean> supported = new LinkedHashMap<>();
		supported.put("TCP_KEEPIDLE", this.platform.keepIdle());
		supported.put("TCP_KEEPINTERVAL", this.platform.keepInterval());
		supported.put("TCP_KEEPCOUNT", this.platform.keepCount());
		return new PlatformDescriptor(this.platform.os(), this.platform.arch(), this.platform.javaVersion(), supported,
				this.coverage.nettyTransport());
	}

	private ClientDescriptor describe(ClientCoverage client, SettingsDescriptor settings) {
		ObservedKeepAlive observed = this.observations.latest(client.path());
		boolean asked = client.status() == Status.APPLIED || client.status() == Status.PARTIAL;
		AppliedDescriptor applied = asked ? new AppliedDescriptor(true, settings.idleSeconds(),
				settings.intervalSeconds(), settings.count(),
				client.unsupported().contains("TCP_USER_TIMEOUT") ? null : settings.userTimeoutMillis()) : null;
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
			List<String> unsupported) {
		List<String> differences = new ArrayList<>();
		if (!observed.soKeepAlive()) {
			differences.add("SO_KEEPALIVE=false instead of true");
		}
		addIfDifferent(differences, "TCP_KEEPIDLE", applied.idleSeconds(), observed.idleSeconds(), unsupported);
		addIfDifferent(differences, "TCP_KEEPINTERVAL", applied.intervalSeconds(), observed.intervalSeconds(),
				unsupported);
		addIfDifferent(differences, "TCP_KEEPCOUNT", applied.count(), observed.count(), unsupported);
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

	private static void addIfDifferent(List<String> differences, String option, long applied,
			@Nullable Integer observed, List<String> unsupported) {
		if (!unsupported.contains(option) && !Objects.equals((observed != null) ? observed.longValue() : null, applied)) {
			differences.add("%s=%s instead of %d".formatted(option, observed, applied));
		}
	}

	private static ObservedDescriptor observed(ObservedKeepAlive observed) {
		return new ObservedDescriptor(observed.soKeepAlive(), observed.idleSeconds(), observed.intervalSeconds(),
				observed.count(), observed.userTimeoutMillis(), observed.remoteAddress(), observed.observedAt());
	}

}
