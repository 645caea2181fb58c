package dev.tcpkeepalive;

/**
 * The socket options that make up TCP keepalive, named as the JDK names them.
 *
 * @since 0.1.0
 */
public enum KeepAliveOption {

	/** Whether keepalive probes are sent at all. */
	SO_KEEPALIVE,

	/** Silence before the first probe, in seconds (the kernel's TCP_KEEPIDLE). */
	TCP_KEEPIDLE,

	/** Gap between unanswered probes, in seconds (the kernel's TCP_KEEPINTVL). */
	TCP_KEEPINTERVAL,

	/** Unanswered probes before the peer is declared dead (the kernel's TCP_KEEPCNT). */
	TCP_KEEPCOUNT,

	/**
	 * How long sent data may stay unacknowledged, in milliseconds; the JDK has no such
	 * option.
	 */
	TCP_USER_TIMEOUT

}
