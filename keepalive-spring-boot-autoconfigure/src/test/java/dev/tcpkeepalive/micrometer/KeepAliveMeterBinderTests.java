package dev.tcpkeepalive.micrometer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import dev.tcpkeepalive.NatIdleTimeout;
import dev.tcpkeepalive.TcpKeepAliveSettings;
import dev.tcpkeepalive.client.Client;
import dev.tcpkeepalive.client.ClientStatus;
import dev.tcpkeepalive.client.KeepAliveReport;
import dev.tcpkeepalive.observe.KeepAliveObservations;
import dev.tcpkeepalive.observe.ObservedKeepAlive;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link KeepAliveMeterBinder}.
 */
class KeepAliveMeterBinderTests {

	private static final TcpKeepAliveSettings SETTINGS = TcpKeepAliveSettings.of(Duration.ofSeconds(120),
			Duration.ofSeconds(30), 8);

	private final AtomicInteger reportsBuilt = new AtomicInteger();

	private final Supplier<KeepAliveReport> report = () -> {
		this.reportsBuilt.incrementAndGet();
		return new KeepAliveReport(true, SETTINGS, NatIdleTimeout.of(Duration.ofSeconds(240)),
				List.of(ClientStatus.applied(Client.HTTP_COMPONENTS, List.of("RestClient")),
						ClientStatus.notCovered(Client.JDK, List.of("RestClient"), "no socket options")));
	};

	private final KeepAliveObservations observations = new KeepAliveObservations();

	@Test
	void aBinderThatWaitsForReadyNeitherBuildsTheReportNorRegistersCountersBeforeTheEvent() {
		KeepAliveMeterBinder binder = new KeepAliveMeterBinder(this.report, this.observations, true);
		MeterRegistry registry = new SimpleMeterRegistry();
		binder.bindTo(registry);
		assertThat(this.reportsBuilt).hasValue(0);
		assertThat(counters(registry)).isEmpty();
		binder.onApplicationEvent(readyEvent());
		assertThat(counters(registry)).containsExactlyInAnyOrder("http-components/applied", "http-components/differs",
				"http-components/off");
	}

	@Test
	void aRegistryBoundAfterReadyGetsItsCountersAtOnceAndASecondReadyEventAddsNone() {
		KeepAliveMeterBinder binder = new KeepAliveMeterBinder(this.report, this.observations, true);
		MeterRegistry early = new SimpleMeterRegistry();
		binder.bindTo(early);
		binder.onApplicationEvent(readyEvent());
		// A separate management context publishes its own event
		binder.onApplicationEvent(readyEvent());
		MeterRegistry late = new SimpleMeterRegistry();
		binder.bindTo(late);
		assertThat(counters(early)).hasSize(3);
		assertThat(counters(late)).hasSize(3);
		assertThat(this.reportsBuilt).hasValue(2);
	}

	@Test
	void aBinderThatDoesNotWaitRegistersWhenBoundAndItsCountersReadTheObservations() {
		KeepAliveMeterBinder binder = new KeepAliveMeterBinder(this.report, this.observations);
		MeterRegistry registry = new SimpleMeterRegistry();
		binder.bindTo(registry);
		assertThat(counters(registry)).hasSize(3);
		this.observations.asked(Client.HTTP_COMPONENTS, SETTINGS);
		this.observations.record(Client.HTTP_COMPONENTS,
				new ObservedKeepAlive(true, 120, 30, 8, null, null, Instant.now()));
		FunctionCounter applied = registry.find(KeepAliveMeterBinder.CONNECTIONS)
			.tags("client", "http-components", "state", "applied")
			.functionCounter();
		assertThat(applied).isNotNull();
		assertThat(applied.count()).isEqualTo(1);
	}

	private static List<String> counters(MeterRegistry registry) {
		return registry.find(KeepAliveMeterBinder.CONNECTIONS)
			.functionCounters()
			.stream()
			.map((counter) -> counter.getId().getTag("client") + "/" + counter.getId().getTag("state"))
			.toList();
	}

	private static ApplicationReadyEvent readyEvent() {
		return new ApplicationReadyEvent(new SpringApplication(), new String[0], new GenericApplicationContext(),
				Duration.ZERO);
	}

}
