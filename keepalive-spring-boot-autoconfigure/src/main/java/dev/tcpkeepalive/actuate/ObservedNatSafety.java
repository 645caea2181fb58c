package dev.tcpkeepalive.actuate;

import java.time.Duration;
import java.util.List;

import dev.tcpkeepalive.NatSafety;
import dev.tcpkeepalive.actuate.TcpKeepAliveDescriptor.SettingsDescriptor;
import dev.tcpkeepalive.observe.ClientCoverage;
import dev.tcpkeepalive.observe.ClientCoverage.Status;
import dev.tcpkeepalive.observe.ClientPath;
import dev.tcpkeepalive.observe.KeepAliveObservations;
import dev.tcpkeepalive.observe.ObservedKeepAlive;

/**
 * Judges NAT safety from what real sockets carried, falling back to the settings before any connection.
 * <p>
 * The first client whose sockets would let the NAT forget an idle flow decides the verdict, so its message names it.
 */
final class ObservedNatSafety {

	private ObservedNatSafety() {
	}

	static NatSafety assess(boolean enabled, SettingsDescriptor settings, List<ClientCoverage> clients,
			KeepAliveObservations observations) {
		Duration nat = Duration.ofSeconds(settings.natIdleTimeoutSeconds());
		long worstGap = -1;
		for (ClientPath path : ClientPath.values()) {
			ObservedKeepAlive observed = observations.latest(path);
			if (observed == null) {
				continue;
			}
			String subject = subject(path, clients);
			if (!observed.soKeepAlive()) {
				return NatSafety.unprotected(subject, nat);
			}
			if (observed.idleSeconds() == null || observed.intervalSeconds() == null) {
				return new NatSafety(false, -1, nat.getSeconds(),
						"Keepalive timing of %s could not be read back, so it may keep the OS default of 7200s, above the %ds NAT idle timeout: use a JDK that supports TCP_KEEPIDLE."
							.formatted(subject, nat.getSeconds()));
			}
			NatSafety verdict = NatSafety.evaluate(subject,
					Duration.ofSeconds(observed.idleSeconds() + observed.intervalSeconds()), nat);
			if (!verdict.safe()) {
				return verdict;
			}
			worstGap = Math.max(worstGap, verdict.worstCaseGapSeconds());
		}
		for (ClientCoverage client : clients) {
			// A client the starter cannot configure carries no keepalive of ours, whether or not it has connected yet
			boolean unobservedAndOff = client.status() == Status.DISABLED && observations.latest(client.path()) == null;
			if (client.status() == Status.NOT_COVERED || (enabled && unobservedAndOff)) {
				return NatSafety.unprotected(subject(client.path(), clients), nat);
			}
		}
		if (worstGap >= 0) {
			return NatSafety.evaluate("the connected clients", Duration.ofSeconds(worstGap), nat);
		}
		if (!enabled) {
			return new NatSafety(false, -1, nat.getSeconds(),
					"TCP keepalive is disabled, so a NAT will silently drop connections idle for %ds: set azure.tcp-keepalive.enabled=true."
						.formatted(nat.getSeconds()));
		}
		return NatSafety.evaluate("the settings",
				Duration.ofSeconds(settings.idleSeconds() + settings.intervalSeconds()), nat);
	}

	private static String subject(ClientPath path, List<ClientCoverage> clients) {
		return clients.stream()
			.filter((client) -> client.path() == path)
			.findFirst()
			.map((client) -> "the %s client (%s)".formatted(path.id(), String.join(", ", client.usedBy())))
			.orElse("the " + path.id() + " client");
	}

}
