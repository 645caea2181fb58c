package dev.tcpkeepalive;

import java.time.Duration;
import java.util.Objects;

/**
 * Whether keepalive probes come often enough to keep a NAT or load balancer from forgetting an idle flow.
 *
 * @param safe whether the worst-case gap between packets stays below the NAT's idle timeout
 * @param worstCaseGapSeconds idle plus one interval, so that one lost probe is tolerated, or -1 without keepalive
 * @param natIdleTimeoutSeconds the NAT's idle timeout
 * @param message one sentence a person can act on
 * @since 0.1.0
 */
public record NatSafety(boolean safe, long worstCaseGapSeconds, long natIdleTimeoutSeconds, String message) {

	/**
	 * Evaluate a worst-case gap against a NAT idle timeout.
	 * @param subject what the gap belongs to, used in the message (for example "the settings")
	 * @param worstCaseGap idle plus one interval
	 * @param natIdleTimeout the NAT's idle timeout
	 * @return the verdict
	 */
	public static NatSafety evaluate(String subject, Duration worstCaseGap, Duration natIdleTimeout) {
		Objects.requireNonNull(worstCaseGap, "'worstCaseGap' must not be null");
		Objects.requireNonNull(natIdleTimeout, "'natIdleTimeout' must not be null");
		long gap = worstCaseGap.getSeconds();
		long nat = natIdleTimeout.getSeconds();
		if (gap < nat) {
			return new NatSafety(true, gap, nat, "%s keep idle connections alive: idle + interval is %ds, below the %ds NAT idle timeout."
				.formatted(capitalize(subject), gap, nat));
		}
		return new NatSafety(false, gap, nat,
				"%s can stay silent for %ds, longer than the %ds NAT idle timeout: lower azure.tcp-keepalive.idle so that idle + interval < %ds."
					.formatted(capitalize(subject), gap, nat, nat));
	}

	/**
	 * Return the verdict for a client whose sockets carry no keepalive at all.
	 * @param subject the unprotected client
	 * @param natIdleTimeout the NAT's idle timeout
	 * @return an unsafe verdict naming the client
	 */
	public static NatSafety unprotected(String subject, Duration natIdleTimeout) {
		long nat = natIdleTimeout.getSeconds();
		return new NatSafety(false, -1, nat,
				"%s has no TCP keepalive on its sockets, so a NAT will silently drop its connections after %ds idle: its entry under clients says how to fix it."
					.formatted(capitalize(subject), nat));
	}

	private static String capitalize(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
