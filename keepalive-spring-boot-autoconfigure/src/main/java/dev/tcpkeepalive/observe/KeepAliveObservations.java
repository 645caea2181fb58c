package dev.tcpkeepalive.observe;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import dev.tcpkeepalive.TcpKeepAliveSettings;
import dev.tcpkeepalive.client.Client;
import org.jspecify.annotations.Nullable;

/**
 * What the new connections of each client carried: the latest, counts per
 * {@link ConnectionState}, and the observations that say what went wrong.
 * <p>
 * Holds one {@link ClientConnections} per {@link Client} and never a socket or
 * connection, so it costs the same whatever the number of connections and keeps nothing
 * alive.
 *
 * @since 0.1.0
 */
public class KeepAliveObservations {

	private final Function<Client, @Nullable TcpKeepAliveSettings> asked;

	private final Map<Client, ClientConnections> connections = new EnumMap<>(Client.class);

	/**
	 * Create observations that classify each connection against what the starter asked of
	 * its client.
	 * @param asked the settings the starter put on a client's sockets, or {@code null}
	 * when it asked nothing of it (disabled, switched off, or its customizer never ran);
	 * called once per new connection, so it must be cheap
	 */
	public KeepAliveObservations(Function<Client, @Nullable TcpKeepAliveSettings> asked) {
		this.asked = Objects.requireNonNull(asked, "'asked' must not be null");
		for (Client client : Client.values()) {
			this.connections.put(client, new ClientConnections());
		}
	}

	/**
	 * Record what a newly connected socket carries. Called once per new connection, never
	 * per request.
	 * @param client the client that opened it
	 * @param observed the options read back from it
	 */
	public void record(Client client, ObservedKeepAlive observed) {
		this.connections.get(client).record(observed, ConnectionState.of(observed, this.asked.apply(client)));
	}

	/**
	 * Return the most recent observation for a client.
	 * @param client the client
	 * @return the latest observation or {@code null} before the first connection
	 */
	public @Nullable ObservedKeepAlive latest(Client client) {
		return this.connections.get(client).latest();
	}

	/**
	 * Return the connections of a client since start.
	 * @param client the client
	 * @return its counts and observations
	 */
	public ClientConnections connections(Client client) {
		return this.connections.get(client);
	}

}
