package dev.tcpkeepalive.observe;

import org.assertj.core.groups.Tuple;

import static org.assertj.core.api.Assertions.tuple;

/**
 * The keepalive values of an observation as one tuple, so that a failed comparison prints
 * every value.
 */
public final class KeepAliveValues {

	private KeepAliveValues() {
	}

	/**
	 * Return SO_KEEPALIVE, idle, interval and count of an observation.
	 * @param observed the observation
	 * @return the values
	 */
	public static Tuple of(ObservedKeepAlive observed) {
		return tuple(observed.soKeepAlive(), observed.idleSeconds(), observed.intervalSeconds(), observed.count());
	}

	/**
	 * Return the values of a socket with keepalive on at the given idle, interval and
	 * count.
	 * @param idleSeconds idle
	 * @param intervalSeconds interval
	 * @param count count
	 * @return the values
	 */
	public static Tuple keepAlive(int idleSeconds, int intervalSeconds, int count) {
		return tuple(true, idleSeconds, intervalSeconds, count);
	}

}
