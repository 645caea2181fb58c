package dev.tcpkeepalive.azure;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.tcpkeepalive.test.LoopbackHttpServer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the provider selection in an application as a user runs it: each in a fresh
 * JVM, because azure-core reads {@code AZURE_HTTP_CLIENT_IMPLEMENTATION} once per JVM.
 */
class AzureSdkApplicationTests {

	private static final String PROVIDER = KeepAliveNettyHttpClientProvider.class.getName();

	private static final String NETTY_PROVIDER = "com.azure.core.http.netty.NettyAsyncHttpClientProvider";

	private static final String SETTINGS = "-Dazure.tcp-keepalive.idle=31s -Dazure.tcp-keepalive.interval=5s "
			+ "-Dazure.tcp-keepalive.count=2";

	@AutoClose
	private final LoopbackHttpServer server = LoopbackHttpServer.start();

	@Test
	void withoutAChoiceOfTheUserTheSdkClientsGetTheSettingsAndTheStartupLineListsThem() {
		// azure-core-http-netty first on the class path: without the selection its own
		// provider would win
		String output = run(List.of(SETTINGS.split(" ")), Map.of(), true);
		assertThat(output)
			.contains("AZURE-SDK body hello", "AZURE-SDK exists true", "AZURE-SDK status applied",
					"AZURE-SDK property " + PROVIDER, "AZURE-SDK reason null")
			.contains("applied to: azure-sdk (Azure SDK clients)")
			.containsPattern("AZURE-SDK observed ObservedDescriptor\\[soKeepAlive=true, idleSeconds=31, "
					+ "intervalSeconds=5, count=2, ");
	}

	@Test
	void aProviderTheUserSetAsSystemPropertyIsLeftAloneAndReportedWithTheFix() {
		List<String> options = new ArrayList<>(List.of(SETTINGS.split(" ")));
		options.add("-DAZURE_HTTP_CLIENT_IMPLEMENTATION=" + NETTY_PROVIDER);
		String output = run(options, Map.of(), false);
		assertThat(output)
			.contains("AZURE-SDK body hello", "AZURE-SDK exists true", "AZURE-SDK status not-covered",
					"AZURE-SDK observed null", "AZURE-SDK property " + NETTY_PROVIDER)
			.contains("WARN", "TCP keepalive is not-covered for azure-sdk (Azure SDK clients): Azure SDK clients use "
					+ "the HTTP client provider " + NETTY_PROVIDER + " (selected by AZURE_HTTP_CLIENT_IMPLEMENTATION)")
			.contains("unset AZURE_HTTP_CLIENT_IMPLEMENTATION");
	}

	@Test
	void aProviderTheUserSetAsEnvironmentVariableIsLeftAloneAndReported() {
		String output = run(List.of(SETTINGS.split(" ")), Map.of("AZURE_HTTP_CLIENT_IMPLEMENTATION", NETTY_PROVIDER),
				false);
		assertThat(output).contains("AZURE-SDK status not-covered", "AZURE-SDK observed null",
				"AZURE-SDK property null");
	}

	private String run(List<String> options, Map<String, String> environment, boolean nettyProviderFirst) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(List.of("-XX:TieredStopAtLevel=1", "-Xshare:auto", "-XX:+UseSerialGC", "-cp",
				classPath(nettyProviderFirst)));
		command.addAll(options);
		command.add(AzureSdkApplication.class.getName());
		command.add(String.valueOf(this.server.port()));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().remove("AZURE_HTTP_CLIENT_IMPLEMENTATION");
		builder.environment().putAll(environment);
		try {
			Process process = builder.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(output).isTrue();
			assertThat(process.exitValue()).as(output).isZero();
			return output;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String classPath(boolean nettyProviderFirst) {
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		List<String> entries = new ArrayList<>(List.of(classPath.split(File.pathSeparator)));
		if (nettyProviderFirst) {
			entries.sort(Comparator.comparing((entry) -> !entry.contains("azure-core-http-netty")));
			assertThat(entries.get(0)).contains("azure-core-http-netty");
		}
		return String.join(File.pathSeparator, entries);
	}

}
