package dev.tcpkeepalive.observe;

import java.time.Duration;
import java.time.Instant;

import dev.tcpkeepalive.TcpKeepAliveSettings;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ConnectionState}: a unit check beside the real-socket tests of the
 * counts.
 */
class ConnectionStateTests {

	private static final TcpKeepAliveSettings ASKED = TcpKeepAliveSettings.of(Duration.ofSeconds(120),
			Duration.ofSeconds(30), 8);

	private static final TcpKeepAliveSettings ASKED_WITH_USER_TIMEOUT = new TcpKeepAliveSettings(
			Duration.ofSeconds(120), Duration.ofSeconds(30), 8, Duration.ofSeconds(20));

	@Test
	void withoutSoKeepAliveAConnectionIsOffWhateverTheOtherValues() {
		assertThat(ConnectionState.of(observed(false, 120, 30, 8, null), ASKED)).isEqualTo(ConnectionState.OFF);
		assertThat(ConnectionState.of(observed(false, 120, 30, 8, null), null)).isEqualTo(ConnectionState.OFF);
	}

	@Test
	void theAskedValuesAreApplied() {
		assertThat(ConnectionState.of(observed(true, 120, 30, 8, null), ASKED)).isEqualTo(ConnectionState.APPLIED);
	}

	@Test
	void anyOtherIdleIntervalOrCountDiffers() {
		assertThat(ConnectionState.of(observed(true, 77, 30, 8, null), ASKED)).isEqualTo(ConnectionState.DIFFERS);
		assertThat(ConnectionState.of(observed(true, 120, 31, 8, null), ASKED)).isEqualTo(ConnectionState.DIFFERS);
		assertThat(ConnectionState.of(observed(true, 120, 30, 9, null), ASKED)).isEqualTo(ConnectionState.DIFFERS);
	}

	@Test
	void anUnreadableValueDiffers() {
		assertThat(ConnectionState.of(observed(true, null, 30, 8, null), ASKED)).isEqualTo(ConnectionState.DIFFERS);
	}

	@Test
	void keepAliveOnAClientTheStarterAskedNothingOfDiffers() {
		assertThat(ConnectionState.of(observed(true, 120, 30, 8, null), null)).isEqualTo(ConnectionState.DIFFERS);
	}

	@Test
	void theUserTimeoutCountsOnlyWhereItWasAskedForAndCanBeReadBack() {
		assertThat(ConnectionState.of(observed(true, 120, 30, 8, 20000), ASKED_WITH_USER_TIMEOUT))
			.isEqualTo(ConnectionState.APPLIED);
		assertThat(ConnectionState.of(observed(true, 120, 30, 8, 0), ASKED_WITH_USER_TIMEOUT))
			.isEqualTo(ConnectionState.DIFFERS);
		assertThat(ConnectionState.of(observed(true, 120, 30, 8, null), ASKED_WITH_USER_TIMEOUT))
			.isEqualTo(ConnectionState.APPLIED);
		assertThat(ConnectionState.of(observed(true, 120, 30, 8, 0), ASKED)).isEqualTo(ConnectionState.APPLIED);
	}

	static ObservedKeepAlive observed(boolean soKeepAlive, @Nullable Integer idle, @Nullable Integer interval,
			@Nullable Integer count, @Nullable Integer userTimeoutMillis) {
		return new ObservedKeepAlive(soKeepAlive, idle, interval, count, userTimeoutMillis, "127.0.0.1:80",
				Instant.now());
	}

}
