package dev.tcpkeepalive;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Immutable per-socket TCP keepalive settings, validated against the ranges Linux
 * accepts.
 *
 * @param idle silence before the first probe (TCP_KEEPIDLE), in whole seconds
 * @param interval gap between unanswered probes (TCP_KEEPINTVL), in whole seconds
 * @param count unanswered probes before the peer is declared dead (TCP_KEEPCNT)
 * @param userTimeout how long sent data may stay unacknowledged (TCP_USER_TIMEOUT), or
 * {@code null} to leave the OS default; zero also means the OS default (as it does for
 * the kernel) and is kept as {@code null}
 * @since 0.1.0
 */
public record TcpKeepAliveSettings(Duration idle, Duration interval, int count, @Nullable Duration userTimeout) {

	/** Largest TCP_KEEPIDLE and TCP_KEEPINTVL Linux accepts, in seconds. */
	public static final int MAX_SECONDS = 32767;

	/** Largest TCP_KEEPCNT Linux accepts. */
	public static final int MAX_COUNT = 127;

	/**
	 * Largest TCP_USER_TIMEOUT: the kernel rejects negative ints, and Netty takes an
	 * {@code int}.
	 */
	public static final Duration MAX_USER_TIMEOUT = Duration.ofMillis(Integer.MAX_VALUE);

	/**
	 * Create settings, validating each value.
	 * @param idle silence before the first probe, in whole seconds 1..32767
	 * @param interval gap between unanswered probes, in whole seconds 1..32767
	 * @param count unanswered probes before the peer is declared dead, 1..127
	 * @param userTimeout how long sent data may stay unacknowledged, or {@code null} to
	 * leave the OS default
	 * @throws InvalidTcpKeepAliveSettingException if a value is outside what the kernel
	 * accepts
	 */
	public TcpKeepAliveSettings {
		requireWholeSeconds("idle", idle, "120s");
		requireWholeSeconds("interval", interval, "30s");
		if (count < 1 || count > MAX_COUNT) {
			throw new InvalidTcpKeepAliveSettingException("count", String.valueOf(count), "1..127",
					"Use a probe count such as 8.");
		}
		// Compared as durations: toMillis() itself overflows for absurd values
		if (userTimeout != null && (userTimeout.isNegative() || userTimeout.compareTo(MAX_USER_TIMEOUT) > 0
				|| userTimeout.getNano() % 1_000_000 != 0)) {
			throw new InvalidTcpKeepAliveSettingException("user-timeout", format(userTimeout),
					"0.." + Integer.MAX_VALUE + "ms in whole milliseconds (about 24 days; 0 leaves the OS default)",
					"Use a duration such as 30s, or leave it unset.");
		}
		if (userTimeout != null && userTimeout.isZero()) {
			userTimeout = null;
		}
	}

	/**
	 * Create settings without a TCP_USER_TIMEOUT.
	 * @param idle silence before the first probe
	 * @param interval gap between unanswered probes
	 * @param count unanswered probes before the peer is declared dead
	 * @return the settings
	 */
	public static TcpKeepAliveSettings of(Duration idle, Duration interval, int count) {
		return new TcpKeepAliveSettings(idle, interval, count, null);
	}

	/**
	 * Return the idle time in seconds.
	 * @return the idle time in seconds
	 */
	public int idleSeconds() {
		return (int) this.idle.getSeconds();
	}

	/**
	 * Return the probe interval in seconds.
	 * @return the probe interval in seconds
	 */
	public int intervalSeconds() {
		return (int) this.interval.getSeconds();
	}

	/**
	 * Return the TCP_USER_TIMEOUT in milliseconds, or {@code null} when unset.
	 * @return the user timeout in milliseconds or {@code null}
	 */
	public @Nullable Integer userTimeoutMillis() {
		return (this.userTimeout != null) ? (int) this.userTimeout.toMillis() : null;
	}

	private static void requireWholeSeconds(String setting, Duration value, String suggestion) {
		if (value == null) {
			throw new InvalidTcpKeepAliveSettingException(setting, "", "1s..32767s in whole seconds",
					"Set it, for example to " + suggestion + ".");
		}
		// Sockets take whole seconds: truncating 1500ms to 1s would silently change what
		// the user asked for
		if (value.getNano() != 0 || value.getSeconds() < 1 || value.getSeconds() > MAX_SECONDS) {
			throw new InvalidTcpKeepAliveSettingException(setting, format(value), "1s..32767s in whole seconds",
					"Use whole seconds, for example " + suggestion + ".");
		}
	}

	static String format(Duration value) {
		if (value.getNano() == 0) {
			return value.getSeconds() + "s";
		}
		// Beyond about 292 years in milliseconds a long overflows: fall back to ISO-8601
		if (Math.abs(value.getSeconds()) >= Long.MAX_VALUE / 1_000_000_000L) {
			return value.toString();
		}
		return (value.getNano() % 1_000_000 == 0) ? value.toMillis() + "ms" : value.toNanos() + "ns";
	}

}
