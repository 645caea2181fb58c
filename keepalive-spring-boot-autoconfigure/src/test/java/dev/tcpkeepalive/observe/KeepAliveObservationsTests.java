package dev.tcpkeepalive.observe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.tcpkeepalive.TcpKeepAliveSettings;
import dev.tcpkeepalive.client.Client;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.tcpkeepalive.observe.ConnectionStateTests.observed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link KeepAliveObservations}.
 */
class KeepAliveObservationsTests {

	private static final TcpKeepAliveSettings SETTINGS = TcpKeepAliveSettings.of(Duration.ofSeconds(120),
			Duration.ofSeconds(30), 8);

	private final KeepAliveObservations observations = new KeepAliveObservations();

	// Only http-components was customized, as when reactor-netty is switched off
	@BeforeEach
	void askOnlyHttpComponents() {
		this.observations.asked(Client.HTTP_COMPONENTS, SETTINGS);
	}

	@Test
	void eachClientIsClassifiedAgainstWhatTheStarterAskedOfIt() {
		ObservedKeepAlive applied = observed(true, 120, 30, 8, null);
		this.observations.record(Client.HTTP_COMPONENTS, applied);
		this.observations.record(Client.REACTOR_NETTY, applied);
		assertThat(counts(Client.HTTP_COMPONENTS)).containsExactly(1L, 0L, 0L);
		assertThat(counts(Client.REACTOR_NETTY)).containsExactly(0L, 1L, 0L);
		assertThat(this.observations.connections(Client.REACTOR_NETTY).lastNotApplied()).isSameAs(applied);
		assertThat(this.observations.connections(Client.HTTP_COMPONENTS).lastNotApplied()).isNull();
	}

	@Test
	void theLatestTheLastNotAppliedAndTheLongestSilenceAreKeptApart() {
		ObservedKeepAlive off = observed(false, 7200, 75, 9, null);
		ObservedKeepAlive differs = observed(true, 200, 30, 8, null);
		ObservedKeepAlive applied = observed(true, 120, 30, 8, null);
		this.observations.record(Client.HTTP_COMPONENTS, off);
		this.observations.record(Client.HTTP_COMPONENTS, differs);
		this.observations.record(Client.HTTP_COMPONENTS, applied);
		ClientConnections connections = this.observations.connections(Client.HTTP_COMPONENTS);
		assertThat(connections.latest()).isSameAs(applied);
		assertThat(this.observations.latest(Client.HTTP_COMPONENTS)).isSameAs(applied);
		assertThat(connections.lastNotApplied()).isSameAs(differs);
		assertThat(connections.longestSilence()).isSameAs(off);
	}

	@Test
	void concurrentConnectionsAreAllCountedAndTheLongestSilenceWins() throws Exception {
		int threads = 4;
		int perThread = 20_000;
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			List<CompletableFuture<Void>> runs = new ArrayList<>();
			for (int thread = 0; thread < threads; thread++) {
				int idleOffset = thread;
				runs.add(CompletableFuture.runAsync(() -> {
					for (int i = 0; i < perThread; i++) {
						// Idle 120 is applied; the others differ, the largest being 120 +
						// threads - 1
						this.observations.record(Client.HTTP_COMPONENTS,
								observed(true, 120 + ((i % 2 == 0) ? 0 : idleOffset), 30, 8, null));
					}
				}, executor));
			}
			CompletableFuture.allOf(runs.toArray(new CompletableFuture<?>[0])).get();
		}
		finally {
			executor.shutdownNow();
		}
		long differs = (long) (threads - 1) * perThread / 2;
		assertThat(counts(Client.HTTP_COMPONENTS)).containsExactly(threads * (long) perThread - differs, differs, 0L);
		assertThat(this.observations.connections(Client.HTTP_COMPONENTS).longestSilence().idleSeconds())
			.isEqualTo(120 + threads - 1);
	}

	@Test
	void theFirstConnectionsOfAClientRecordedAtOnceFromManyThreadsAreAllCounted() throws Exception {
		int threads = 4;
		int rounds = 2_000;
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			for (int round = 0; round < rounds; round++) {
				// A fresh instance each round: Jetty's entry is created by whichever
				// thread comes first, and none of the others may lose its connection
				KeepAliveObservations fresh = new KeepAliveObservations();
				CyclicBarrier start = new CyclicBarrier(threads);
				List<CompletableFuture<Void>> runs = new ArrayList<>();
				for (int thread = 0; thread < threads; thread++) {
					runs.add(CompletableFuture.runAsync(() -> {
						awaitQuietly(start);
						fresh.record(Client.JETTY, observed(true, 60, 10, 3, null));
					}, executor));
				}
				CompletableFuture.allOf(runs.toArray(new CompletableFuture<?>[0])).get();
				assertThat(fresh.connections(Client.JETTY).count(ConnectionState.DIFFERS)).as("round %d", round)
					.isEqualTo(threads);
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static void awaitQuietly(CyclicBarrier barrier) {
		try {
			barrier.await();
		}
		catch (InterruptedException | BrokenBarrierException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private List<Long> counts(Client client) {
		ClientConnections connections = this.observations.connections(client);
		return List.of(connections.count(ConnectionState.APPLIED), connections.count(ConnectionState.DIFFERS),
				connections.count(ConnectionState.OFF));
	}

}
