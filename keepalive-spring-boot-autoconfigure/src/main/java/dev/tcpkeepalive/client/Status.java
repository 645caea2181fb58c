package dev.tcpkeepalive.client;

/**
 * What the starter did for a client.
 *
 * @since 0.1.0
 */
public enum Status {

	/** Every requested option was set. */
	APPLIED("applied"),

	/** Keepalive was set, but some requested option cannot be carried here. */
	PARTIAL("partial"),

	/** The starter could not configure the client. */
	NOT_COVERED("not-covered"),

	/** Keepalive was switched off by configuration. */
	DISABLED("disabled");

	private final String id;

	Status(String id) {
		this.id = id;
	}

	/**
	 * Return the id used in the endpoint and in logs.
	 * @return the id
	 */
	public String id() {
		return this.id;
	}

	/**
	 * Return whether the starter asked the client's sockets for keepalive.
	 * @return whether the status is applied or partial
	 */
	public boolean asked() {
		return this == APPLIED || this == PARTIAL;
	}

}
