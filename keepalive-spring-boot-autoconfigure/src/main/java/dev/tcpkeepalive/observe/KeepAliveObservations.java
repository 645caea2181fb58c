package dev.tcpkeepalive.observe;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReferenceArray;

import dev.tcpkeepalive.TcpKeepAliveSettings;
import dev.tcpkeepalive.client.Client;
import org.jspecify.annotations.Nullable;

/**
 * What the new connections of each client carried: the latest, counts per
 * {@link ConnectionState}, and the observations that say what went wrong.
 * <p>
 * Holds what the starter asked of each {@link Client}, one {@link ClientConnections} per
 * client in use, and never a socket or connection, so it costs the same whatever the
 * number of connections and keeps nothing alive.
 *
 * @since 0.1.0
 */
public class KeepAliveObservations {

	private static final Client[] CLIENTS = Client.values();

	// Created on a client's first connection or first look, so that an application pays
	// for no client it does not use
	private final AtomicReferenceArray<@Nullable ClientConnections> connections = new AtomicReferenceArray<>(
			CLIENTS.length);

	/**
	 * Record what the starter asked of a client's sockets: from now on its connections
	 * are classified against these settings. The starter calls this when its customizer
	 * for the client runs; a client it asked nothing of (disabled, switched off, or its
	 * customizer never ran) has its connections classified against nothing.
	 * @param client the client
	 * @param settings the settings its sockets are given
	 */
	public void asked(Client client, TcpKeepAliveSettings settings) {
		Objects.requireNonNull(client, "'client' must not be null");
		Objects.requireNonNull(settings, "'settings' must not be null");
		connections(client).asked(settings);
	}

	/**
	 * Return what the starter asked of a client's sockets.
	 * @param client the client
	 * @return the settings, or {@code null} when the starter asked nothing of it
	 */
	public @Nullable TcpKeepAliveSettings asked(Client client) {
		ClientConnections connections = this.connections.get(client.ordinal());
		return (connections != null) ? connections.asked() : null;
	}

	/**
	 * Record what a newly connected socket carries. Called once per new connection, never
	 * per request.
	 * @param client the client that opened it
	 * @param observed the options read back from it
	 */
	public void record(Client client, ObservedKeepAlive observed) {
		connections(client).accept(observed);
	}

	/**
	 * Return the most recent observation for a client.
	 * @param client the client
	 * @return the latest observation or {@code null} before the first connection
	 */
	public @Nullable ObservedKeepAlive latest(Client client) {
		return connections(client).latest();
	}

	/**
	 * Return the connections of a client since start.
	 * @param client the client
	 * @return its counts and observations
	 */
	public ClientConnections connections(Client client) {
		ClientConnections connections = this.connections.get(client.ordinal());
		if (connections != null) {
			return connections;
		}
		ClientConnections created = new ClientConnections();
		// Whoever loses the race uses the winner's
		return this.connections.compareAndSet(client.ordinal(), null, created) ? created
				: Objects.requireNonNull(this.connections.get(client.ordinal()));
	}

}
