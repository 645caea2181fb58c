package dev.tcpkeepalive;

import java.util.Objects;

/**
 * Whether keepalive probes come often enough to keep a NAT or load balancer from
 * forgetting an idle flow.
 *
 * @param safe whether the worst-case gap between packets stays below the NAT's idle
 * timeout
 * @param worstCaseGapSeconds idle plus one interval, so that one lost probe is tolerated,
 * or -1 without keepalive
 * @param natIdleTimeoutSeconds the NAT's idle timeout
 * @param message one sentence a person can act on
 * @since 0.1.0
 */
public record NatSafety(boolean safe, long worstCaseGapSeconds, long natIdleTimeoutSeconds, String message) {

	/**
	 * Judge an idle time and interval against a NAT idle timeout, by
	 * {@link NatIdleTimeout#keepsAlive its rule}.
	 * @param subject what the values belong to, used in the message (for example "the
	 * settings")
	 * @param idleSeconds silence before the first probe
	 * @param intervalSeconds gap between unanswered probes
	 * @param nat the NAT's idle timeout
	 * @return the verdict
	 */
	public static NatSafety evaluate(String subject, long idleSeconds, long intervalSeconds, NatIdleTimeout nat) {
		Objects.requireNonNull(nat, "'nat' must not be null");
		long gap = idleSeconds + intervalSeconds;
		if (nat.keepsAlive(idleSeconds, intervalSeconds)) {
			return new NatSafety(true, gap, nat.seconds(),
					"%s keep idle connections alive: idle + interval is %ds, below the %ds NAT idle timeout."
						.formatted(capitalize(subject), gap, nat.seconds()));
		}
		return new NatSafety(false, gap, nat.seconds(),
				"%s can stay silent for %ds, longer than the %ds NAT idle timeout: lower azure.tcp-keepalive.idle so that idle + interval < %ds."
					.formatted(capitalize(subject), gap, nat.seconds(), nat.seconds()));
	}

	/**
	 * Return the verdict for a client whose sockets carry no keepalive at all.
	 * @param subject the unprotected client
	 * @param nat the NAT's idle timeout
	 * @return an unsafe verdict naming the client
	 */
	public static NatSafety unprotected(String subject, NatIdleTimeout nat) {
		return new NatSafety(false, -1, nat.seconds(),
				"%s has no TCP keepalive on its sockets, so a NAT will silently drop its connections after %ds idle: its entry under clients says how to fix it."
					.formatted(capitalize(subject), nat.seconds()));
	}

	/**
	 * Return an unsafe verdict with a message of its own, for cases the rule cannot
	 * judge.
	 * @param nat the NAT's idle timeout
	 * @param message one sentence a person can act on
	 * @return an unsafe verdict
	 */
	public static NatSafety unsafe(NatIdleTimeout nat, String message) {
		return new NatSafety(false, -1, nat.seconds(), message);
	}

	private static String capitalize(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
