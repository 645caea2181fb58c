package dev.tcpkeepalive.micrometer;

import java.util.Objects;
import java.util.function.Supplier;

import dev.tcpkeepalive.client.ClientStatus;
import dev.tcpkeepalive.client.KeepAliveReport;
import dev.tcpkeepalive.client.Status;
import dev.tcpkeepalive.observe.ClientConnections;
import dev.tcpkeepalive.observe.ConnectionState;
import dev.tcpkeepalive.observe.KeepAliveObservations;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Binds the counter {@value #CONNECTIONS}, tagged by client and {@link ConnectionState
 * state}, for every client whose connections the starter observes.
 * <p>
 * The counters read the {@link KeepAliveObservations} counts when the registry is
 * scraped, so counting a connection costs no Micrometer call.
 *
 * @since 0.1.0
 */
public class KeepAliveMeterBinder implements MeterBinder {

	/** Name of the counter of new connections. */
	public static final String CONNECTIONS = "tcp.keepalive.connections";

	private static final String DESCRIPTION = "New connections of an HTTP client, by whether their TCP keepalive "
			+ "matched the settings (applied), was on with other values (differs) or was off (off)";

	private final Supplier<KeepAliveReport> report;

	private final KeepAliveObservations observations;

	/**
	 * Create a binder.
	 * @param report what the starter did for each client in use; only asked for when
	 * binding
	 * @param observations the counts
	 */
	public KeepAliveMeterBinder(Supplier<KeepAliveReport> report, KeepAliveObservations observations) {
		this.report = Objects.requireNonNull(report, "'report' must not be null");
		this.observations = Objects.requireNonNull(observations, "'observations' must not be null");
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (ClientStatus status : this.report.get().clients()) {
			// A not-covered client's connections are never observed: a counter stuck at
			// zero would hide them
			if (status.status() == Status.NOT_COVERED) {
				continue;
			}
			ClientConnections connections = this.observations.connections(status.client());
			for (ConnectionState state : ConnectionState.values()) {
				FunctionCounter.builder(CONNECTIONS, connections, (counts) -> counts.count(state))
					.description(DESCRIPTION)
					.tags("client", status.client().id(), "state", state.id())
					.register(registry);
			}
		}
	}

}
