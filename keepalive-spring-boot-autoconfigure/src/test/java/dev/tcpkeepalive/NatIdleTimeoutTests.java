package dev.tcpkeepalive;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link NatIdleTimeout}.
 */
class NatIdleTimeoutTests {

	@Test
	void idlePlusIntervalMustStayStrictlyBelowTheTimeout() {
		NatIdleTimeout nat = new NatIdleTimeout(240);
		assertThat(nat.keepsAlive(209, 30)).isTrue();
		assertThat(nat.keepsAlive(210, 30)).isFalse();
		assertThat(NatSafety.evaluate("the settings", 210, 30, nat).safe()).isFalse();
		assertThat(NatSafety.evaluate("the settings", 209, 30, nat).safe()).isTrue();
	}

	@Test
	void theShortestTimeoutIsOneThatOneSecondIdleAndIntervalMeet() {
		assertThat(NatIdleTimeout.of(Duration.ofSeconds(3)).keepsAlive(1, 1)).isTrue();
		assertThatExceptionOfType(InvalidTcpKeepAliveSettingException.class)
			.isThrownBy(() -> NatIdleTimeout.of(Duration.ofSeconds(2)))
			.satisfies((ex) -> assertThat(ex.getSetting()).isEqualTo("nat-idle-timeout"));
	}

	@Test
	void settingsThatReachTheTimeoutAreRejectedWithAFixThatMeetsIt() {
		NatIdleTimeout nat = new NatIdleTimeout(5);
		assertThatExceptionOfType(InvalidTcpKeepAliveSettingException.class)
			.isThrownBy(() -> nat.settings(Duration.ofSeconds(3), Duration.ofSeconds(2), 3, null))
			.satisfies((ex) -> assertThat(ex.getSuggestion())
				.contains("lower azure.tcp-keepalive.idle to 2s (with azure.tcp-keepalive.interval at 2s)"));
		assertThat(nat.settings(Duration.ofSeconds(2), Duration.ofSeconds(2), 3, null).idleSeconds()).isEqualTo(2);
	}

	@Test
	void aVeryLongTimeoutSuggestsValuesTheKernelAccepts() {
		NatIdleTimeout nat = new NatIdleTimeout(1_000_000);
		assertThatExceptionOfType(InvalidTcpKeepAliveSettingException.class)
			.isThrownBy(() -> nat.settings(Duration.ofSeconds(40000), Duration.ofSeconds(30), 3, null))
			.satisfies((ex) -> assertThat(ex.getSuggestion()).contains("for example 32767s (with interval 30s)"));
	}

}
