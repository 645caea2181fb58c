package dev.tcpkeepalive.observe;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import dev.tcpkeepalive.client.Client;
import org.jspecify.annotations.Nullable;

/**
 * The most recent observation per client.
 * <p>
 * Holds one small value per {@link Client} and never a socket or connection, so it costs the same whatever the
 * number of connections and keeps nothing alive.
 *
 * @since 0.1.0
 */
public class KeepAliveObservations {

	private final Map<Client, AtomicReference<@Nullable ObservedKeepAlive>> latest = new EnumMap<>(
			Client.class);

	public KeepAliveObservations() {
		for (Client client : Client.values()) {
			this.latest.put(client, new AtomicReference<>());
		}
	}

	/**
	 * Record what a newly connected socket carries.
	 * @param client the client that opened it
	 * @param observed the options read back from it
	 */
	public void record(Client client, ObservedKeepAlive observed) {
		this.latest.get(client).set(observed);
	}

	/**
	 * Return the most recent observation for a client.
	 * @param client the client
	 * @return the latest observation or {@code null} before the first connection
	 */
	public @Nullable ObservedKeepAlive latest(Client client) {
		return this.latest.get(client).get();
	}

}
