package dev.tcpkeepalive.actuate;

import dev.tcpkeepalive.NatIdleTimeout;
import dev.tcpkeepalive.NatSafety;
import dev.tcpkeepalive.TcpKeepAliveSettings;
import dev.tcpkeepalive.client.Client;
import dev.tcpkeepalive.client.ClientStatus;
import dev.tcpkeepalive.client.KeepAliveReport;
import dev.tcpkeepalive.client.Status;
import dev.tcpkeepalive.observe.KeepAliveObservations;
import dev.tcpkeepalive.observe.ObservedKeepAlive;

/**
 * Judges NAT safety from what real sockets carried, falling back to the settings before
 * any connection.
 * <p>
 * The first client whose sockets would let the NAT forget an idle flow decides the
 * verdict, so its message names it. Each client is judged by the connection that could
 * stay silent longest since start, not only by its latest one, so one connection without
 * keepalive keeps the verdict unsafe.
 */
final class ObservedNatSafety {

	private ObservedNatSafety() {
	}

	static NatSafety assess(KeepAliveReport report, KeepAliveObservations observations) {
		NatIdleTimeout nat = report.natIdleTimeout();
		long worstGap = -1;
		for (Client client : Client.values()) {
			ObservedKeepAlive observed = observations.connections(client).longestSilence();
			if (observed == null) {
				continue;
			}
			String subject = subject(client, report);
			if (!observed.soKeepAlive()) {
				return NatSafety.unprotected(subject, nat);
			}
			if (observed.idleSeconds() == null || observed.intervalSeconds() == null) {
				return NatSafety.unsafe(nat,
						"Keepalive timing of %s could not be read back, so it may keep the OS default of 7200s, above the %ds NAT idle timeout: use a JDK that supports TCP_KEEPIDLE."
							.formatted(subject, nat.seconds()));
			}
			NatSafety verdict = NatSafety.evaluate(subject, observed.idleSeconds(), observed.intervalSeconds(), nat);
			if (!verdict.safe()) {
				return verdict;
			}
			worstGap = Math.max(worstGap, verdict.worstCaseGapSeconds());
		}
		for (ClientStatus client : report.clients()) {
			// A client the starter cannot configure carries no keepalive of ours, whether
			// or not it has connected yet
			boolean unobservedAndOff = client.status() == Status.DISABLED
					&& observations.latest(client.client()) == null;
			if (client.status() == Status.NOT_COVERED || (report.enabled() && unobservedAndOff)) {
				return NatSafety.unprotected(subject(client.client(), report), nat);
			}
		}
		if (worstGap >= 0) {
			return new NatSafety(true, worstGap, nat.seconds(),
					"The connected clients keep idle connections alive: idle + interval is %ds, below the %ds NAT idle timeout."
						.formatted(worstGap, nat.seconds()));
		}
		if (!report.enabled()) {
			return NatSafety.unsafe(nat,
					"TCP keepalive is disabled, so a NAT will silently drop connections idle for %ds: set azure.tcp-keepalive.enabled=true."
						.formatted(nat.seconds()));
		}
		TcpKeepAliveSettings settings = report.settings();
		return NatSafety.evaluate("the settings", settings.idleSeconds(), settings.intervalSeconds(), nat);
	}

	private static String subject(Client client, KeepAliveReport report) {
		ClientStatus status = report.status(client);
		return (status != null) ? "the %s client (%s)".formatted(client.id(), String.join(", ", status.usedBy()))
				: "the " + client.id() + " client";
	}

}
