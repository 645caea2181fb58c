package dev.tcpkeepalive.observe;

import dev.tcpkeepalive.TcpKeepAliveSettings;
import org.jspecify.annotations.Nullable;

/**
 * How the keepalive of one new connection compared with what the starter asked of its
 * client.
 *
 * @since 0.1.0
 */
public enum ConnectionState {

	/**
	 * SO_KEEPALIVE on, with the idle time, interval and count the starter asked for, and
	 * its user timeout where the socket can report one.
	 */
	APPLIED("applied"),

	/**
	 * SO_KEEPALIVE on with other values: a user's override, a library's default, an OS
	 * limit, or a client the starter asked nothing of.
	 */
	DIFFERS("differs"),

	/** No SO_KEEPALIVE: no probe is ever sent. */
	OFF("off");

	private final String id;

	ConnectionState(String id) {
		this.id = id;
	}

	/**
	 * Return the id used in the endpoint and as the metrics tag.
	 * @return the id
	 */
	public String id() {
		return this.id;
	}

	/**
	 * Classify what a connection carried against what the starter asked of its client.
	 * @param observed what the connection carried
	 * @param asked the settings the starter put on the client's sockets, or {@code null}
	 * when it asked nothing
	 * @return the state of the connection
	 */
	public static ConnectionState of(ObservedKeepAlive observed, @Nullable TcpKeepAliveSettings asked) {
		if (!observed.soKeepAlive()) {
			return OFF;
		}
		if (asked == null) {
			return DIFFERS;
		}
		boolean same = equal(observed.idleSeconds(), asked.idleSeconds())
				&& equal(observed.intervalSeconds(), asked.intervalSeconds()) && equal(observed.count(), asked.count())
				&& userTimeoutMatches(observed, asked);
		return same ? APPLIED : DIFFERS;
	}

	private static boolean equal(@Nullable Integer observed, int asked) {
		// An option that could not be read back is not known to carry the value
		return observed != null && observed == asked;
	}

	private static boolean userTimeoutMatches(ObservedKeepAlive observed, TcpKeepAliveSettings asked) {
		Integer askedMillis = asked.userTimeoutMillis();
		Integer observedMillis = observed.userTimeoutMillis();
		// JDK sockets and NIO channels cannot report TCP_USER_TIMEOUT, so only a value
		// read back can differ
		return askedMillis == null || observedMillis == null || askedMillis.equals(observedMillis);
	}

}
