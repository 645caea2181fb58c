package dev.tcpkeepalive.micrometer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import dev.tcpkeepalive.client.KeepAliveReport;
import dev.tcpkeepalive.observe.ConnectionState;
import dev.tcpkeepalive.observe.KeepAliveObservations;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Binds the counter {@value #CONNECTIONS}, tagged by client and {@link ConnectionState
 * state}, for every client whose connections the starter observes.
 * <p>
 * The counters read the {@link KeepAliveObservations} counts when the registry is
 * scraped, so counting a connection costs no Micrometer call. Which clients get counters
 * is decided by the report; a binder that waits for {@link ApplicationReadyEvent} asks
 * for it only then, so that building it adds nothing to the application's startup.
 *
 * @since 0.1.0
 */
public class KeepAliveMeterBinder implements MeterBinder, ApplicationListener<ApplicationReadyEvent> {

	/** Name of the counter of new connections. */
	public static final String CONNECTIONS = "tcp.keepalive.connections";

	private final Supplier<KeepAliveReport> report;

	private final KeepAliveObservations observations;

	private final boolean waitForReady;

	private final List<MeterRegistry> pending = new ArrayList<>();

	private boolean ready;

	/**
	 * Create a binder that registers the counters as soon as it is bound to a registry.
	 * @param report what the starter did for each client in use; only asked for when
	 * registering
	 * @param observations the counts
	 */
	public KeepAliveMeterBinder(Supplier<KeepAliveReport> report, KeepAliveObservations observations) {
		this(report, observations, false);
	}

	/**
	 * Create a binder.
	 * @param report what the starter did for each client in use; only asked for when
	 * registering
	 * @param observations the counts
	 * @param waitForReady whether to register the counters of the registries it is bound
	 * to only on {@link ApplicationReadyEvent}, which only an application run by
	 * {@code SpringApplication} publishes
	 */
	public KeepAliveMeterBinder(Supplier<KeepAliveReport> report, KeepAliveObservations observations,
			boolean waitForReady) {
		this.report = Objects.requireNonNull(report, "'report' must not be null");
		this.observations = Objects.requireNonNull(observations, "'observations' must not be null");
		this.waitForReady = waitForReady;
	}

	@Override
	public synchronized void bindTo(MeterRegistry registry) {
		if (this.waitForReady && !this.ready) {
			this.pending.add(registry);
		}
		else {
			register(registry);
		}
	}

	@Override
	public synchronized void onApplicationEvent(ApplicationReadyEvent event) {
		// Once, also when a child context (a separate management port) publishes its own
		// event
		if (this.ready) {
			return;
		}
		this.ready = true;
		for (MeterRegistry registry : this.pending) {
			register(registry);
		}
		this.pending.clear();
	}

	// The counters are registered by another class: the types of the lambdas and loops
	// they need would otherwise be in this bean's methods, which Spring introspects at
	// startup
	private void register(MeterRegistry registry) {
		ConnectionCounters.register(registry, this.report.get(), this.observations);
	}

}
