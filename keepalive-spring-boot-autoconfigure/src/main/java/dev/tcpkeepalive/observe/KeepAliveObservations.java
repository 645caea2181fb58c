package dev.tcpkeepalive.observe;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

/**
 * The most recent observation per client path.
 * <p>
 * Holds one small value per {@link ClientPath} and never a socket or connection, so it costs the same whatever the
 * number of connections and keeps nothing alive.
 *
 * @since 0.1.0
 */
public class KeepAliveObservations {

	private final Map<ClientPath, AtomicReference<@Nullable ObservedKeepAlive>> latest = new EnumMap<>(
			ClientPath.class);

	public KeepAliveObservations() {
		for (ClientPath path : ClientPath.values()) {
			this.latest.put(path, new AtomicReference<>());
		}
	}

	/**
	 * Record what a newly connected socket carries.
	 * @param path the client path that opened it
	 * @param observed the options read back from it
	 */
	public void record(ClientPath path, ObservedKeepAlive observed) {
		this.latest.get(path).set(observed);
	}

	/**
	 * Return the most recent observation for a client path.
	 * @param path the client path
	 * @return the latest observation or {@code null} before the first connection
	 */
	public @Nullable ObservedKeepAlive latest(ClientPath path) {
		return this.latest.get(path).get();
	}

}
