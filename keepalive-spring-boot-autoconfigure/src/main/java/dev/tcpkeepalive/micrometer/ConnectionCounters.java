package dev.tcpkeepalive.micrometer;

import dev.tcpkeepalive.client.ClientStatus;
import dev.tcpkeepalive.client.KeepAliveReport;
import dev.tcpkeepalive.client.Status;
import dev.tcpkeepalive.observe.ClientConnections;
import dev.tcpkeepalive.observe.ConnectionState;
import dev.tcpkeepalive.observe.KeepAliveObservations;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Registers the {@value KeepAliveMeterBinder#CONNECTIONS} counters for
 * {@link KeepAliveMeterBinder}.
 */
final class ConnectionCounters {

	private static final String DESCRIPTION = "New connections of an HTTP client, by whether their TCP keepalive "
			+ "matched the settings (applied), was on with other values (differs) or was off (off)";

	private ConnectionCounters() {
	}

	static void register(MeterRegistry registry, KeepAliveReport report, KeepAliveObservations observations) {
		for (ClientStatus status : report.clients()) {
			// A not-covered client's connections are never observed: a counter stuck at
			// zero would hide them
			if (status.status() == Status.NOT_COVERED) {
				continue;
			}
			ClientConnections connections = observations.connections(status.client());
			for (ConnectionState state : ConnectionState.values()) {
				FunctionCounter.builder(KeepAliveMeterBinder.CONNECTIONS, connections, (counts) -> counts.count(state))
					.description(DESCRIPTION)
					.tags("client", status.client().id(), "state", state.id())
					.register(registry);
			}
		}
	}

}
