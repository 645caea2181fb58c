package dev.tcpkeepalive.observe;

import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import dev.tcpkeepalive.TcpKeepAliveSettings;
import org.jspecify.annotations.Nullable;

/**
 * The connections of one client since start: what the starter asked of its sockets, a
 * count per {@link ConnectionState} and three observations.
 * <p>
 * Each new connection is {@link #accept(ObservedKeepAlive) accepted} once and classified
 * against what was asked. Its size does not depend on the number of connections, and
 * recording takes no lock: the counts are {@link LongAdder}s and the observations are
 * swapped atomically.
 *
 * @since 0.1.0
 */
public final class ClientConnections implements Consumer<ObservedKeepAlive> {

	// One field per state rather than an array sized by the enum, so that the state type
	// is only loaded with the first connection
	private final LongAdder applied = new LongAdder();

	private final LongAdder differs = new LongAdder();

	private final LongAdder off = new LongAdder();

	private volatile @Nullable TcpKeepAliveSettings asked;

	private final AtomicReference<@Nullable ObservedKeepAlive> latest = new AtomicReference<>();

	private final AtomicReference<@Nullable ObservedKeepAlive> lastNotApplied = new AtomicReference<>();

	private final AtomicReference<@Nullable ObservedKeepAlive> longestSilence = new AtomicReference<>();

	ClientConnections() {
	}

	void asked(TcpKeepAliveSettings settings) {
		this.asked = settings;
	}

	/**
	 * Return what the starter asked of this client's sockets.
	 * @return the settings, or {@code null} when it asked nothing
	 */
	public @Nullable TcpKeepAliveSettings asked() {
		return this.asked;
	}

	/**
	 * Record what a newly connected socket of this client carries, classified against
	 * what the starter asked. Called once per new connection, never per request.
	 * @param observed the options read back from the socket
	 */
	@Override
	public void accept(ObservedKeepAlive observed) {
		ConnectionState state = ConnectionState.of(observed, this.asked);
		counter(state).increment();
		this.latest.set(observed);
		if (state != ConnectionState.APPLIED) {
			this.lastNotApplied.set(observed);
		}
		keepIfLonger(observed);
	}

	private LongAdder counter(ConnectionState state) {
		return switch (state) {
			case APPLIED -> this.applied;
			case DIFFERS -> this.differs;
			case OFF -> this.off;
		};
	}

	// Written only when a connection may stay silent longer than any before, so the usual
	// case only reads
	private void keepIfLonger(ObservedKeepAlive observed) {
		long silence = silenceSeconds(observed);
		ObservedKeepAlive current = this.longestSilence.get();
		while (current == null || silenceSeconds(current) < silence) {
			if (this.longestSilence.compareAndSet(current, observed)) {
				return;
			}
			current = this.longestSilence.get();
		}
	}

	/**
	 * Return how many new connections were in a state.
	 * @param state the state
	 * @return the number of connections since start
	 */
	public long count(ConnectionState state) {
		return counter(state).sum();
	}

	/**
	 * Return what the most recent connection carried.
	 * @return the latest observation, or {@code null} before the first connection
	 */
	public @Nullable ObservedKeepAlive latest() {
		return this.latest.get();
	}

	/**
	 * Return what the most recent connection that was not {@link ConnectionState#APPLIED
	 * applied} carried.
	 * @return the observation, or {@code null} when every connection was applied
	 */
	public @Nullable ObservedKeepAlive lastNotApplied() {
		return this.lastNotApplied.get();
	}

	/**
	 * Return what the connection that a NAT could see silent longest carried: one without
	 * keepalive first, then one whose timing could not be read, then the one with the
	 * largest idle + interval.
	 * @return the observation, or {@code null} before the first connection
	 */
	public @Nullable ObservedKeepAlive longestSilence() {
		return this.longestSilence.get();
	}

	private static long silenceSeconds(ObservedKeepAlive observed) {
		if (!observed.soKeepAlive()) {
			return Long.MAX_VALUE;
		}
		if (observed.idleSeconds() == null || observed.intervalSeconds() == null) {
			return Long.MAX_VALUE - 1;
		}
		return (long) observed.idleSeconds() + observed.intervalSeconds();
	}

}
