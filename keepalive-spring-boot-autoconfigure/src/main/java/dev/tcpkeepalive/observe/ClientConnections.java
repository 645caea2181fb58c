package dev.tcpkeepalive.observe;

import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import org.jspecify.annotations.Nullable;

/**
 * The connections of one client since start: a count per {@link ConnectionState} and
 * three observations.
 * <p>
 * Its size does not depend on the number of connections, and recording takes no lock: the
 * counts are {@link LongAdder}s and the observations are swapped atomically.
 *
 * @since 0.1.0
 */
public final class ClientConnections {

	private static final ConnectionState[] STATES = ConnectionState.values();

	private final LongAdder[] counts = new LongAdder[STATES.length];

	private final AtomicReference<@Nullable ObservedKeepAlive> latest = new AtomicReference<>();

	private final AtomicReference<@Nullable ObservedKeepAlive> lastNotApplied = new AtomicReference<>();

	private final AtomicReference<@Nullable ObservedKeepAlive> longestSilence = new AtomicReference<>();

	ClientConnections() {
		for (int i = 0; i < this.counts.length; i++) {
			this.counts[i] = new LongAdder();
		}
	}

	void record(ObservedKeepAlive observed, ConnectionState state) {
		this.counts[state.ordinal()].increment();
		this.latest.set(observed);
		if (state != ConnectionState.APPLIED) {
			this.lastNotApplied.set(observed);
		}
		keepIfLonger(observed);
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
		return this.counts[state.ordinal()].sum();
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
