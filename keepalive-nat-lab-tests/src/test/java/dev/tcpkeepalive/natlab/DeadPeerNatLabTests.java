package dev.tcpkeepalive.natlab;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.tcpkeepalive.test.natlab.NatLab;
import dev.tcpkeepalive.test.natlab.NatLabExtension;
import dev.tcpkeepalive.test.natlab.RunningClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * NAT lab proof for a peer that vanishes while a request is outstanding: the NAT drops
 * everything both ways. Each test has its own lab, because the blackhole is for good.
 */
@ExtendWith({ NatLabExtension.class, LabSummary.class })
class DeadPeerNatLabTests {

	private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

	@Test
	void withTheStarterADeadPeerIsDetectedAfterIdlePlusIntervalTimesCount(NatLab lab) {
		ClientOutcome outcome = blackholeDuringRequest(lab, RestClientApp.class, LabMode.WITH_STARTER, Map.of(),
				"dead peer (RestClient)");
		assertThat(outcome.ok()).as(outcome::toString).isFalse();
		// idle 2 s + interval 2 s x count 3
		assertThat(outcome.seconds()).as(outcome::toString).isCloseTo(8.0, within(1.5));
	}

	@Test
	void withoutKeepAliveADeadPeerIsOnlyNoticedAtTheReadTimeout(NatLab lab) {
		ClientOutcome outcome = blackholeDuringRequest(lab, RestClientApp.class, LabMode.WITHOUT_STARTER, Map.of(),
				"dead peer (RestClient)");
		assertThat(outcome.timedOut()).as(outcome::toString).isTrue();
		assertThat(outcome.seconds()).isCloseTo(READ_TIMEOUT.toSeconds(), within(1.5));
	}

	@Test
	@Tag("webclient")
	void withAUserTimeoutOnEpollADeadPeerIsDetectedWithinTheUserTimeout(NatLab lab) {
		ClientOutcome outcome = blackholeDuringRequest(lab, WebClientApp.class, LabMode.WITH_STARTER,
				Map.of("azure.tcp-keepalive.user-timeout", "4s"), "dead peer, user-timeout 4s (WebClient epoll)");
		assertThat(outcome.evidence()).contains(LabPath.WEB_CLIENT_EPOLL.evidence());
		assertThat(outcome.ok()).as(outcome::toString).isFalse();
		assertThat(outcome.seconds()).as(outcome::toString).isBetween(3.5, 6.0);
	}

	private ClientOutcome blackholeDuringRequest(NatLab lab, Class<?> application, LabMode mode,
			Map<String, String> extra, String row) {
		String slow = "/slow?seconds=120&tag=dead-peer-" + mode.name().toLowerCase(Locale.ROOT);
		Map<String, String> properties = new HashMap<>(extra);
		properties.put("lab.warm-up", lab.server().uri("/hello").toString());
		// HttpClient 5 re-executes an idempotent request after an I/O error, on a new
		// connection to the dead peer
		// that then waits for the connect timeout: POST shows the keepalive detection
		// alone
		properties.put("lab.method", "POST");
		RunningClient client = lab.startClient(application, List.of(lab.server().uri(slow).toString()),
				LabRuns.properties(mode, READ_TIMEOUT, properties));
		// The server reports the request before it starts waiting: from here on the flow
		// is idle
		lab.server().awaitRequest(slow, Duration.ofSeconds(60));
		// Blackholing before the request is acknowledged would test TCP retransmission,
		// not keepalive
		lab.awaitClientSocketsAcknowledged(Duration.ofSeconds(10));
		lab.blackhole();
		ClientOutcome outcome = LabRuns.await(client);
		LabSummary.record(row, mode, outcome);
		return outcome;
	}

}
