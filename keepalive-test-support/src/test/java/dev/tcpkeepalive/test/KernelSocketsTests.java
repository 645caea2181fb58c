package dev.tcpkeepalive.test;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link KernelSockets}.
 */
class KernelSocketsTests {

	@ParameterizedTest
	@CsvSource({ "1min59sec, 119000", "59sec, 59000", "980ms, 980", "6.992ms, 6992", "2min, 120000" })
	void whenSsPrintsATimerThenItIsReadInMilliseconds(String printed, long millis) {
		assertThat(KernelSockets.toMillis(printed)).isEqualTo(millis);
	}

}
