package dev.tcpkeepalive.client;

import java.util.List;
import java.util.Objects;

import dev.tcpkeepalive.NatIdleTimeout;
import dev.tcpkeepalive.TcpKeepAliveSettings;
import org.jspecify.annotations.Nullable;

/**
 * What the starter was asked to do and what it did for each client the application uses.
 *
 * @param enabled whether the starter applies keepalive
 * @param settings the validated settings, applied when enabled
 * @param natIdleTimeout the idle timeout of the NAT being defended against
 * @param clients the status of every client in use, in {@link Client} order
 * @since 0.1.0
 */
public record KeepAliveReport(boolean enabled, TcpKeepAliveSettings settings, NatIdleTimeout natIdleTimeout,
		List<ClientStatus> clients) {

	public KeepAliveReport {
		Objects.requireNonNull(settings, "'settings' must not be null");
		Objects.requireNonNull(natIdleTimeout, "'natIdleTimeout' must not be null");
		clients = List.copyOf(clients);
	}

	/**
	 * Return the status of one client.
	 * @param client the client
	 * @return its status, or {@code null} when the application does not use it
	 */
	public @Nullable ClientStatus status(Client client) {
		return this.clients.stream().filter((status) -> status.client() == client).findFirst().orElse(null);
	}

}
