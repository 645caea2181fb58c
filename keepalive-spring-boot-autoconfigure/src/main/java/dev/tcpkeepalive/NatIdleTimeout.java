package dev.tcpkeepalive;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The idle timeout of the NAT or load balancer being defended against, and the one rule
 * keepalive must meet for it: {@code idle + interval < timeout}, so that one lost probe
 * still refreshes the NAT entry in time.
 *
 * @param seconds the NAT's idle timeout in whole seconds
 * @since 0.1.0
 */
public record NatIdleTimeout(long seconds) {

	/**
	 * Shortest timeout some setting can meet: idle and interval are at least one second
	 * each.
	 */
	public static final long MIN_SECONDS = 3;

	public NatIdleTimeout {
		if (seconds < MIN_SECONDS) {
			throw new InvalidTcpKeepAliveSettingException("nat-idle-timeout", seconds + "s", rangeText(),
					"Use the idle timeout of your NAT or load balancer, for example 4m.");
		}
	}

	/**
	 * Return the timeout of a duration, which must be whole seconds of at least
	 * {@link #MIN_SECONDS}.
	 * @param timeout the NAT's idle timeout
	 * @return the timeout
	 * @throws InvalidTcpKeepAliveSettingException if it is shorter than any setting can
	 * meet or not whole seconds
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
	 * Return whether probes at this idle time and interval keep a NAT entry alive when
	 * one probe is lost.
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
	 * @throws InvalidTcpKeepAliveSettingException if {@code idle + interval} reaches the
	 * timeout
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

	// Idle and interval in seconds, both within 1..32767 and with a sum below the
	// timeout, keeping the interval if it fits
	long[] safePair(long intervalSeconds) {
		long idle = Math.min(TcpKeepAliveSettings.MAX_SECONDS, Math.max(1, this.seconds / 2));
		// seconds >= 3 and idle <= seconds / 2, so at least one second is left for the
		// interval
		long interval = Math.max(1,
				Math.min(Math.min(intervalSeconds, TcpKeepAliveSettings.MAX_SECONDS), this.seconds - 1 - idle));
		return new long[] { idle, interval };
	}

	/**
	 * Create settings that this NAT keeps alive, validated against the kernel's ranges
	 * and this timeout's rule.
	 * @param idle silence before the first probe
	 * @param interval gap between unanswered probes
	 * @param count unanswered probes before the peer is declared dead
	 * @param userTimeout TCP_USER_TIMEOUT, or {@code null} to leave the OS default
	 * @return the settings
	 * @throws InvalidTcpKeepAliveSettingException if a value is out of range or breaks
	 * the rule; its suggestion is a value that meets every rule together with the other
	 * values
	 */
	public TcpKeepAliveSettings settings(Duration idle, Duration interval, int count, @Nullable Duration userTimeout) {
		TcpKeepAliveSettings settings;
		try {
			settings = new TcpKeepAliveSettings(idle, interval, count, userTimeout);
		}
		catch (InvalidTcpKeepAliveSettingException ex) {
			throw withSafeExample(ex, interval);
		}
		requireKeptAlive(settings);
		return settings;
	}

	// The settings alone suggest values that suit the default NAT timeout; these suit
	// this one
	private InvalidTcpKeepAliveSettingException withSafeExample(InvalidTcpKeepAliveSettingException ex,
			@Nullable Duration interval) {
		boolean idle = "idle".equals(ex.getSetting());
		if (!idle && !"interval".equals(ex.getSetting())) {
			return ex;
		}
		boolean keepInterval = idle && interval != null && interval.getNano() == 0 && interval.getSeconds() >= 1
				&& interval.getSeconds() <= TcpKeepAliveSettings.MAX_SECONDS;
		long[] pair = safePair(keepInterval ? interval.getSeconds() : 30);
		String example = idle ? "%ds (with interval %ds)".formatted(pair[0], pair[1])
				: "%ds (with idle %ds)".formatted(pair[1], pair[0]);
		return new InvalidTcpKeepAliveSettingException(ex.getSetting(), ex.getValue(), ex.getValidRange(),
				"Use whole seconds that keep idle + interval below nat-idle-timeout (%ds), for example %s."
					.formatted(this.seconds, example));
	}

	private static String rangeText() {
		return MIN_SECONDS
				+ "s or more in whole seconds, so that idle (1s or more) + interval (1s or more) stays below it";
	}

}
