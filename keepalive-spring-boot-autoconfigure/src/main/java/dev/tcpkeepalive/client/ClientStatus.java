package dev.tcpkeepalive.client;

import java.util.List;
import java.util.Objects;

import dev.tcpkeepalive.KeepAliveOption;
import org.jspecify.annotations.Nullable;

/**
 * What the starter did for one client an application uses.
 * <p>
 * The endpoint combines this with what the client's sockets really carried: a client
 * whose observed options differ is shown as partial.
 *
 * @param client the client
 * @param status what the starter did for it
 * @param usedBy the Spring clients that go through it, for example {@code RestClient}
 * @param unsupported the requested options this client or platform cannot carry
 * @param reason why the client is not fully applied, and what to do, or {@code null} when
 * it is
 * @since 0.1.0
 */
public record ClientStatus(Client client, Status status, List<String> usedBy, List<KeepAliveOption> unsupported,
		@Nullable String reason) {

	public ClientStatus {
		Objects.requireNonNull(client, "'client' must not be null");
		Objects.requireNonNull(status, "'status' must not be null");
		usedBy = List.copyOf(usedBy);
		unsupported = List.copyOf(unsupported);
	}

	/**
	 * Return the status of a client whose every requested option was applied.
	 * @param client the client
	 * @param usedBy the Spring clients using it
	 * @return the status
	 */
	public static ClientStatus applied(Client client, List<String> usedBy) {
		return new ClientStatus(client, Status.APPLIED, usedBy, List.of(), null);
	}

	/**
	 * Return the status of a client where some requested options cannot be carried.
	 * @param client the client
	 * @param usedBy the Spring clients using it
	 * @param unsupported the options that cannot be carried
	 * @param reason why, and what to do about it
	 * @return the status
	 */
	public static ClientStatus partial(Client client, List<String> usedBy, List<KeepAliveOption> unsupported,
			String reason) {
		return new ClientStatus(client, Status.PARTIAL, usedBy, unsupported, reason);
	}

	/**
	 * Return the status of a client the starter could not configure.
	 * @param client the client
	 * @param usedBy the Spring clients using it
	 * @param reason why, and what to do about it
	 * @return the status
	 */
	public static ClientStatus notCovered(Client client, List<String> usedBy, String reason) {
		return new ClientStatus(client, Status.NOT_COVERED, usedBy, List.of(), reason);
	}

	/**
	 * Return the status of a client switched off by configuration.
	 * @param client the client
	 * @param usedBy the Spring clients using it
	 * @param reason which property switched it off
	 * @return the status
	 */
	public static ClientStatus disabled(Client client, List<String> usedBy, String reason) {
		return new ClientStatus(client, Status.DISABLED, usedBy, List.of(), reason);
	}

	/**
	 * Return the client and the Spring clients using it, for messages.
	 * @return for example {@code http-components (RestClient, RestTemplate)}
	 */
	public String describe() {
		return "%s (%s)".formatted(this.client.id(), String.join(", ", this.usedBy));
	}

}
