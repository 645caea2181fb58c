package dev.tcpkeepalive.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import dev.tcpkeepalive.client.KeepAliveReport;
import dev.tcpkeepalive.micrometer.KeepAliveMeterBinder;
import dev.tcpkeepalive.observe.KeepAliveObservations;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * {@link KeepAliveMeterBinder} that registers its counters once the application is ready.
 * <p>
 * Which counters exist depends on the report, whose client detection, status decision and
 * platform probe would otherwise run while the application starts; the counters count
 * from the first connection whenever they are registered.
 */
final class ReadyKeepAliveMeterBinder extends KeepAliveMeterBinder
		implements ApplicationListener<ApplicationReadyEvent> {

	private final List<MeterRegistry> pending = new ArrayList<>();

	private boolean ready;

	ReadyKeepAliveMeterBinder(Supplier<KeepAliveReport> report, KeepAliveObservations observations) {
		super(report, observations);
	}

	@Override
	public synchronized void bindTo(MeterRegistry registry) {
		if (this.ready) {
			super.bindTo(registry);
		}
		else {
			this.pending.add(registry);
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
			super.bindTo(registry);
		}
		this.pending.clear();
	}

}
