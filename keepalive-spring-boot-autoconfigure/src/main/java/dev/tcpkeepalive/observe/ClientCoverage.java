package dev.tcpkeepalive.observe;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What the starter did for one client path present in the application, decided at startup.
 * <p>
 * The endpoint combines this with what the path's sockets really carried: a path reported as applied whose observed
 * options differ is shown as partial.
 *
 * @param path the client path
 * @param status what the starter did for it
 * @param usedBy the Spring clients that go through this path, for example {@code RestClient}
 * @param unsupported the requested options this path or platform cannot carry, for example
 * {@code TCP_USER_TIMEOUT}
 * @param reason why the path is not fully applied, or {@code null} when it is
 * @since 0.1.0
 */
public record ClientCoverage(ClientPath path, Status status, List<String> usedBy, List<String> unsupported,
		@Nullable String reason) {

	public ClientCoverage {
		Objects.requireNonNull(path, "'path' must not be null");
		Objects.requireNonNull(status, "'status' must not be null");
		usedBy = List.copyOf(usedBy);
		unsupported = List.copyOf(unsupported);
	}

	/**
	 * Return coverage for a path whose every requested option was applied.
	 * @param path the client path
	 * @param usedBy the Spring clients using it
	 * @return the coverage
	 */
	public static ClientCoverage applied(ClientPath path, List<String> usedBy) {
		return new ClientCoverage(path, Status.APPLIED, usedBy, List.of(), null);
	}

	/**
	 * Return coverage for a path where some requested options cannot be carried.
	 * @param path the client path
	 * @param usedBy the Spring clients using it
	 * @param unsupported the options that cannot be carried
	 * @param reason why, and what to do about it
	 * @return the coverage
	 */
	public static ClientCoverage partial(ClientPath path, List<String> usedBy, List<String> unsupported,
			String reason) {
		return new ClientCoverage(path, Status.PARTIAL, usedBy, unsupported, reason);
	}

	/**
	 * Return coverage for a path the starter cannot configure.
	 * @param path the client path
	 * @param usedBy the Spring clients using it
	 * @param reason why, and what to do about it
	 * @return the coverage
	 */
	public static ClientCoverage notCovered(ClientPath path, List<String> usedBy, String reason) {
		return new ClientCoverage(path, Status.NOT_COVERED, usedBy, List.of(), reason);
	}

	/**
	 * Return coverage for a path switched off by configuration.
	 * @param path the client path
	 * @param usedBy the Spring clients using it
	 * @param reason which property switched it off
	 * @return the coverage
	 */
	public static ClientCoverage disabled(ClientPath path, List<String> usedBy, String reason) {
		return new ClientCoverage(path, Status.DISABLED, usedBy, List.of(), reason);
	}

	/**
	 * What the starter did for a client path.
	 */
	public enum Status {

		/** Every requested option was set. */
		APPLIED("applied"),

		/** Keepalive was set, but some requested option cannot be carried here. */
		PARTIAL("partial"),

		/** The client has no API to carry socket options. */
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

	}

}
