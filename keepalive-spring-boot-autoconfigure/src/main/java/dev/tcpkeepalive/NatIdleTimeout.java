package dev.tcpkeepalive;

import java.time.Duration;

/**
 * The idle timeout of the NAT or load balancer being defended against, and the one rule keepalive must meet for it:
 * {@code idle + interval < timeout}, so that one lost probe still refreshes the NAT entry in time.
 *
 * @param seconds the NAT's idle timeout in whole seconds
 * @since 0.1.0
 */
public record NatIdleTimeout(long seconds) {

	/**
	 * Shortest timeout some setting can meet: idle and interval are at least one second each.
	 */
	public static final long MIN_SECONDS = 3;

	public NatIdleTimeout {
		if (seconds < MIN_SECONDS) {
			throw new InvalidTcpKeepAliveSettingException("nat-idle-timeout", seconds + "s", rangeText(),
					"Use the idle timeout of your NAT or load balancer, for example 4m.");
		}
	}

	/**
	 * Return the timeout of a duration, which must be whole seconds of at least {@link #MIN_SECONDS}.
	 * @param timeout the NAT's idle timeout
	 * @return the timeout
	 * @throws InvalidTcpKeepAliveSettingException if it is shorter than any setting can meet or not whole seconds
	 */
	public static NatIdleTimeout of(Duration timeout) {
		if (timeout == null || timeout.getNano() != 0) {
			throw new InvalidTcpKeepAliveSettingException("nat-idle-timeout",
					(timeout != null) ? TcpKeepAliveSettings.format(timeout) : "", rangeText(),
					"Use the idle timeout of your NAT or load balancer in whole seconds, for example 4m.");
		}
		return new NatIdleTimeout(timeout.getSeconds());
	}

	/**
	 * Return whether probes at this idle time and interval keep a NAT entry alive when one probe is lost.
	 * @param idleSeconds silence before the first probe
	 * @param intervalSeconds gap between unanswered probes
	 * @return whether {@code idle + interval} stays strictly below the timeout
	 */
	public boolean keepsAlive(long idleSeconds, long intervalSeconds) {
		return idleSeconds + intervalSeconds < this.seconds;
	}

	/**
	 * Reject settings whose probes would come too late, with a fix that meets the rule.
	 * @param settings the settings
	 * @throws InvalidTcpKeepAliveSettingException if {@code idle + interval} reaches the timeout
	 */
	public void requireKeptAlive(TcpKeepAliveSettings settings) {
		long idle = settings.idleSeconds();
		long interval = settings.intervalSeconds();
		if (keepsAlive(idle, interval)) {
			return;
		}
		long[] fix = safePair(interval);
		throw new InvalidTcpKeepAliveSettingException("idle",
				"%ds (idle %ds + interval %ds = %ds, nat-idle-timeout %ds)".formatted(idle, idle, interval,
						idle + interval, this.seconds),
				"idle + interval < nat-idle-timeout (%ds)".formatted(this.seconds),
				("One lost probe would let the NAT forget the connection: lower azure.tcp-keepalive.idle to %ds "
						+ "(with azure.tcp-keepalive.interval at %ds), or raise azure.tcp-keepalive.nat-idle-timeout "
						+ "above %ds if your NAT allows longer idle flows.")
					.formatted(fix[0], fix[1], idle + interval));
	}

	/**
	 * Return an idle time and interval that meet the rule, keeping the given interval where it fits.
	 * @param intervalSeconds the interval to keep if possible
	 * @return idle and interval in seconds, both within 1..32767 and with a sum below the timeout
	 */
	public long[] safePair(long intervalSeconds) {
		long idle = Math.min(TcpKeepAliveSettings.MAX_SECONDS, Math.max(1, this.seconds / 2));
		// seconds >= 3 and idle <= seconds / 2, so at least one second is left for the interval
		long interval = Math.max(1,
				Math.min(Math.min(intervalSeconds, TcpKeepAliveSettings.MAX_SECONDS), this.seconds - 1 - idle));
		return new long[] { idle, interval };
	}

	/**
	 * Return the timeout as a duration.
	 * @return the timeout
	 */
	public Duration toDuration() {
		return Duration.ofSeconds(this.seconds);
	}

	private static String rangeText() {
		return MIN_SECONDS + "s or more in whole seconds, so that idle (1s or more) + interval (1s or more) stays below it";
	}

}
