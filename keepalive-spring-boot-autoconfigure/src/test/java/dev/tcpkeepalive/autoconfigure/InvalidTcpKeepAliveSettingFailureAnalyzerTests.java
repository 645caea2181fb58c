package dev.tcpkeepalive.autoconfigure;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tcpkeepalive.TcpKeepAliveSettings;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for {@link InvalidTcpKeepAliveSettingFailureAnalyzer}, through a real failed
 * application start.
 */
@ExtendWith(OutputCaptureExtension.class)
class InvalidTcpKeepAliveSettingFailureAnalyzerTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					azure.tcp-keepalive.idle=0           | azure.tcp-keepalive.idle         | 0s     | 1s..32767s in whole seconds
					azure.tcp-keepalive.idle=40000s      | azure.tcp-keepalive.idle         | 40000s | 1s..32767s in whole seconds
					azure.tcp-keepalive.idle=1500ms      | azure.tcp-keepalive.idle         | 1500ms | 1s..32767s in whole seconds
					azure.tcp-keepalive.interval=0       | azure.tcp-keepalive.interval     | 0s     | 1s..32767s in whole seconds
					azure.tcp-keepalive.count=0          | azure.tcp-keepalive.count        | 0      | 1..127
					azure.tcp-keepalive.count=200        | azure.tcp-keepalive.count        | 200    | 1..127
					azure.tcp-keepalive.user-timeout=-1s | azure.tcp-keepalive.user-timeout | -1s    | 0..2147483647ms
					azure.tcp-keepalive.user-timeout=25d | azure.tcp-keepalive.user-timeout | 2160000s | 0..2147483647ms
					azure.tcp-keepalive.user-timeout=99999999999999d | azure.tcp-keepalive.user-timeout | 8639999999999913600s | 0..2147483647ms
					azure.tcp-keepalive.user-timeout=1500us | azure.tcp-keepalive.user-timeout | 1500000ns | 0..2147483647ms
					azure.tcp-keepalive.idle=5m          | azure.tcp-keepalive.idle         | 300s (idle 300s + interval 30s = 330s, nat-idle-timeout 240s) | idle + interval < nat-idle-timeout (240s)
					azure.tcp-keepalive.idle=210s        | azure.tcp-keepalive.idle         | 210s (idle 210s + interval 30s = 240s, nat-idle-timeout 240s) | idle + interval < nat-idle-timeout (240s)
					azure.tcp-keepalive.nat-idle-timeout=2s | azure.tcp-keepalive.nat-idle-timeout | 2s | 3s or more in whole seconds
					azure.tcp-keepalive.nat-idle-timeout=4500ms | azure.tcp-keepalive.nat-idle-timeout | 4500ms | 3s or more in whole seconds
					azure.tcp-keepalive.idle=            | azure.tcp-keepalive.idle         |        | a value; an empty value is not a default
					azure.tcp-keepalive.interval=        | azure.tcp-keepalive.interval     |        | a value; an empty value is not a default
					azure.tcp-keepalive.nat-idle-timeout= | azure.tcp-keepalive.nat-idle-timeout |   | a value; an empty value is not a default
					""")
	void whenAPropertyIsInvalidThenStartupFailsWithAReportNamingItsValueAndRange(String property, String name,
			@Nullable String value, String range, CapturedOutput output) {
		value = (value != null) ? value : "";
		assertThatException().isThrownBy(() -> run("--" + property));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Invalid value '" + value + "' for property '" + name + "'")
			.contains("Valid range: " + range)
			.contains("Action:");
	}

	@Test
	void whenIdlePlusIntervalReachesTheNatTimeoutThenTheReportSaysWhatToChange(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--azure.tcp-keepalive.idle=100s",
				"--azure.tcp-keepalive.interval=30s", "--azure.tcp-keepalive.nat-idle-timeout=2m"));
		assertThat(output).contains("idle 100s + interval 30s = 130s, nat-idle-timeout 120s")
			.contains("lower azure.tcp-keepalive.idle to 60s")
			.contains("raise azure.tcp-keepalive.nat-idle-timeout above 130s");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			azure.tcp-keepalive.idle=0                | azure.tcp-keepalive.nat-idle-timeout=5s
			azure.tcp-keepalive.idle=1500ms           | azure.tcp-keepalive.nat-idle-timeout=3s
			azure.tcp-keepalive.interval=40000s       | azure.tcp-keepalive.nat-idle-timeout=4m
			azure.tcp-keepalive.interval=0            | azure.tcp-keepalive.nat-idle-timeout=100000s
			azure.tcp-keepalive.idle=100s             | azure.tcp-keepalive.nat-idle-timeout=30s
			azure.tcp-keepalive.idle=2s               | azure.tcp-keepalive.nat-idle-timeout=3s
			""")
	void theSuggestedFixIsItselfValid(String property, String nat, CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--" + property, "--" + nat));
		String[] fix = suggestedIdleAndInterval(output.toString());
		try (ConfigurableApplicationContext context = run("--azure.tcp-keepalive.idle=" + fix[0] + "s",
				"--azure.tcp-keepalive.interval=" + fix[1] + "s", "--" + nat)) {
			assertThat(context.isActive()).isTrue();
		}
	}

	@Test
	void idlePlusIntervalOneSecondBelowTheNatTimeoutStarts() {
		try (ConfigurableApplicationContext context = run("--azure.tcp-keepalive.idle=209s",
				"--azure.tcp-keepalive.interval=30s", "--azure.tcp-keepalive.nat-idle-timeout=4m")) {
			assertThat(context.getBean(TcpKeepAliveSettings.class).idleSeconds()).isEqualTo(209);
		}
	}

	@Test
	void theLargestValuesTheKernelAcceptsStartBelowALongerNatTimeout() {
		try (ConfigurableApplicationContext context = run("--azure.tcp-keepalive.idle=32767s",
				"--azure.tcp-keepalive.interval=32767s", "--azure.tcp-keepalive.nat-idle-timeout=65535s",
				"--azure.tcp-keepalive.count=127", "--azure.tcp-keepalive.user-timeout=2147483647ms")) {
			assertThat(context.getBean(TcpKeepAliveSettings.class))
				.extracting(TcpKeepAliveSettings::idleSeconds, TcpKeepAliveSettings::intervalSeconds,
						TcpKeepAliveSettings::count, TcpKeepAliveSettings::userTimeoutMillis)
				.containsExactly(32767, 32767, 127, Integer.MAX_VALUE);
		}
	}

	@Test
	void theShortestNatTimeoutStartsWithTheSmallestValues() {
		try (ConfigurableApplicationContext context = run("--azure.tcp-keepalive.idle=1",
				"--azure.tcp-keepalive.interval=1", "--azure.tcp-keepalive.count=1",
				"--azure.tcp-keepalive.nat-idle-timeout=3s")) {
			assertThat(context.getBean(TcpKeepAliveSettings.class))
				.extracting(TcpKeepAliveSettings::idleSeconds, TcpKeepAliveSettings::intervalSeconds,
						TcpKeepAliveSettings::count)
				.containsExactly(1, 1, 1);
		}
	}

	@Test
	void aZeroUserTimeoutMeansTheOsDefault() {
		try (ConfigurableApplicationContext context = run("--azure.tcp-keepalive.user-timeout=0")) {
			assertThat(context.getBean(TcpKeepAliveSettings.class).userTimeout()).isNull();
		}
	}

	@Test
	void anEmptyValueFailsRatherThanHidingAConfiguredOne(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--azure.tcp-keepalive.user-timeout="));
		assertThat(output).contains("Invalid value '' for property 'azure.tcp-keepalive.user-timeout'")
			.contains("Remove the empty azure.tcp-keepalive.user-timeout");
	}

	private static String[] suggestedIdleAndInterval(String output) {
		Matcher idleFix = Pattern
			.compile("lower azure.tcp-keepalive.idle to (\\d+)s \\(with azure.tcp-keepalive.interval at (\\d+)s\\)")
			.matcher(output);
		if (idleFix.find()) {
			return new String[] { idleFix.group(1), idleFix.group(2) };
		}
		Matcher idleExample = Pattern.compile("for example (\\d+)s \\(with interval (\\d+)s\\)").matcher(output);
		if (idleExample.find()) {
			return new String[] { idleExample.group(1), idleExample.group(2) };
		}
		Matcher intervalExample = Pattern.compile("for example (\\d+)s \\(with idle (\\d+)s\\)").matcher(output);
		assertThat(intervalExample.find()).as("a suggested fix in %s", output).isTrue();
		return new String[] { intervalExample.group(2), intervalExample.group(1) };
	}

	@Test
	void whenIdleFitsALongerNatTimeoutThenTheApplicationStarts() {
		try (ConfigurableApplicationContext context = run("--azure.tcp-keepalive.idle=200s",
				"--azure.tcp-keepalive.nat-idle-timeout=30m")) {
			assertThat(context.isActive()).isTrue();
		}
	}

	@Test
	void whenKeepAliveIsDisabledThenInvalidValuesStillFailStartup(CapturedOutput output) {
		assertThatException()
			.isThrownBy(() -> run("--azure.tcp-keepalive.enabled=false", "--azure.tcp-keepalive.user-timeout=25d"));
		assertThat(output).contains("Invalid value '2160000s' for property 'azure.tcp-keepalive.user-timeout'");
	}

	@Test
	void whenTheApplicationDefinesItsOwnSettingsThenInvalidValuesStillFailStartup(CapturedOutput output) {
		SpringApplication application = new SpringApplication(KeepAliveOnly.class, OwnSettings.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(() -> application.run("--azure.tcp-keepalive.count=200"));
		assertThat(output).contains("Invalid value '200' for property 'azure.tcp-keepalive.count'");
	}

	private ConfigurableApplicationContext run(String... args) {
		SpringApplication application = new SpringApplication(KeepAliveOnly.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		return application.run(args);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(TcpKeepAliveAutoConfiguration.class)
	static class KeepAliveOnly {

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnSettings {

		@Bean
		TcpKeepAliveSettings ownSettings() {
			return TcpKeepAliveSettings.of(Duration.ofSeconds(60), Duration.ofSeconds(10), 5);
		}

	}

}
