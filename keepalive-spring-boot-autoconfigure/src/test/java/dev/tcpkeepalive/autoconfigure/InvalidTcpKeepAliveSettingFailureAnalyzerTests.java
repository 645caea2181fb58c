package dev.tcpkeepalive.autoconfigure;

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
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for {@link InvalidTcpKeepAliveSettingFailureAnalyzer}, through a real failed application start.
 */
@ExtendWith(OutputCaptureExtension.class)
class InvalidTcpKeepAliveSettingFailureAnalyzerTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			azure.tcp-keepalive.idle=0           | azure.tcp-keepalive.idle         | 0s     | 1s..32767s in whole seconds
			azure.tcp-keepalive.idle=40000s      | azure.tcp-keepalive.idle         | 40000s | 1s..32767s in whole seconds
			azure.tcp-keepalive.idle=1500ms      | azure.tcp-keepalive.idle         | 1500ms | 1s..32767s in whole seconds
			azure.tcp-keepalive.interval=0       | azure.tcp-keepalive.interval     | 0s     | 1s..32767s in whole seconds
			azure.tcp-keepalive.count=0          | azure.tcp-keepalive.count        | 0      | 1..127
			azure.tcp-keepalive.count=200        | azure.tcp-keepalive.count        | 200    | 1..127
			azure.tcp-keepalive.user-timeout=-1s | azure.tcp-keepalive.user-timeout | -1s    | 0..2147483647ms
			azure.tcp-keepalive.idle=5m          | azure.tcp-keepalive.idle         | 300s (idle 300s + interval 30s = 330s, nat-idle-timeout 240s) | idle + interval < nat-idle-timeout (240s)
			""")
	void whenAPropertyIsInvalidThenStartupFailsWithAReportNamingItsValueAndRange(String property, String name,
			String value, String range, CapturedOutput output) {
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

	private ConfigurableApplicationContext run(String... args) {
		SpringApplication application = new SpringApplication(KeepAliveOnly.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		return application.run(args);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(TcpKeepAliveAutoConfiguration.class)
	static class KeepAliveOnly {

	}

}
