package dev.tcpkeepalive.azure;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import com.azure.core.http.HttpClient;
import com.azure.core.http.ProxyOptions;
import com.azure.core.util.HttpClientOptions;
import dev.tcpkeepalive.TcpKeepAliveSettings;
import dev.tcpkeepalive.observe.ObservedKeepAlive;
import dev.tcpkeepalive.test.KernelSockets;
import dev.tcpkeepalive.test.LoopbackHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for {@link KeepAliveNettyHttpClientProvider}: real SDK clients, real sockets on
 * loopback.
 */
class KeepAliveNettyHttpClientProviderTests {

	private static final TcpKeepAliveSettings SETTINGS = TcpKeepAliveSettings.of(Duration.ofSeconds(37),
			Duration.ofSeconds(7), 4);

	private final List<String> requests = new CopyOnWriteArrayList<>();

	@AutoClose
	private final LoopbackHttpServer server = LoopbackHttpServer
		.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), this.requests::add);

	private final AtomicReference<ObservedKeepAlive> observed = new AtomicReference<>();

	private AzureSdkDefaults.Registration registration;

	@BeforeEach
	void installSettings() {
		this.registration = AzureSdkDefaults.install(SETTINGS, this.observed::set);
	}

	@AfterEach
	void uninstallSettings() {
		this.registration.close();
	}

	@Test
	void theDefaultClientOfAzureCoreCarriesTheSettingsOnItsSockets() {
		HttpClient client = HttpClient.createDefault();
		assertThat(AzureSdkCalls.get(client, this.server.uri("/hello"))).isEqualTo("hello");
		assertThat(this.observed.get())
			.extracting(ObservedKeepAlive::soKeepAlive, ObservedKeepAlive::idleSeconds,
					ObservedKeepAlive::intervalSeconds, ObservedKeepAlive::count)
			.containsExactly(true, 37, 7, 4);
		assertThat(AzureSdkCalls.sockets(this.server)).isNotEmpty()
			.allSatisfy((socket) -> assertThat(socket.keepAliveRemainingMillis()).as(socket.raw())
				.isNotNull()
				.isBetween(30_000L, 37_000L));
	}

	@Test
	void aClientCreatedBeforeTheSettingsWereInstalledCarriesThemOnLaterConnections() {
		this.registration.close();
		HttpClient client = new KeepAliveNettyHttpClientProvider().createInstance(new HttpClientOptions());
		this.registration = AzureSdkDefaults.install(SETTINGS, this.observed::set);
		AzureSdkCalls.get(client, this.server.uri("/hello"));
		assertThat(this.observed.get().idleSeconds()).isEqualTo(37);
	}

	@Test
	void withoutInstalledSettingsTheSocketsKeepTheOperatingSystemsDefaults() {
		this.registration.close();
		this.registration = AzureSdkDefaults.install(null, this.observed::set);
		HttpClient client = new KeepAliveNettyHttpClientProvider().createInstance();
		AzureSdkCalls.get(client, this.server.uri("/hello"));
		assertThat(this.observed.get().soKeepAlive()).isFalse();
		assertThat(AzureSdkCalls.sockets(this.server)).isNotEmpty()
			.allSatisfy((socket) -> assertThat(socket.keepAliveRemainingMillis()).as(socket.raw()).isNull());
	}

	@Test
	void theResponseTimeoutOfTheOptionsStillApplies() {
		HttpClient client = HttpClient
			.createDefault(new HttpClientOptions().setResponseTimeout(Duration.ofMillis(500)));
		long start = System.nanoTime();
		assertThatException().isThrownBy(() -> AzureSdkCalls.get(client, this.server.uri("/slow?seconds=5")))
			.withStackTraceContaining("TimeoutException");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
		assertThat(this.observed.get().idleSeconds()).isEqualTo(37);
	}

	@Test
	void theProxyOfTheOptionsStillApplies() throws Exception {
		try (ServerSocket proxy = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			List<String> proxied = new CopyOnWriteArrayList<>();
			Thread refusing = new Thread(() -> refuse(proxy, proxied), "refusing-proxy");
			refusing.setDaemon(true);
			refusing.start();
			HttpClient client = HttpClient.createDefault(new HttpClientOptions().setProxyOptions(
					new ProxyOptions(ProxyOptions.Type.HTTP, (InetSocketAddress) proxy.getLocalSocketAddress())));
			assertThatException()
				.isThrownBy(() -> AzureSdkCalls.get(client, URI.create("http://keepalive-target.invalid/hello")));
			assertThat(proxied).first().asString().startsWith("CONNECT keepalive-target.invalid:80 ");
		}
		// The hop to the proxy is the connection that carries keepalive
		assertThat(this.observed.get().soKeepAlive()).isTrue();
	}

	@Test
	void theMaximumPoolSizeOfTheOptionsStillApplies() {
		HttpClient client = HttpClient.createDefault(new HttpClientOptions().setMaximumConnectionPoolSize(1));
		CompletableFuture<String> first = CompletableFuture
			.supplyAsync(() -> AzureSdkCalls.get(client, this.server.uri("/slow?seconds=0.5&tag=first")));
		CompletableFuture<String> second = CompletableFuture
			.supplyAsync(() -> AzureSdkCalls.get(client, this.server.uri("/slow?seconds=0.5&tag=second")));
		CompletableFuture.allOf(first, second).join();
		// One connection at most: both requests came from the same client port, one after
		// the other
		assertThat(this.requests).hasSize(2);
		assertThat(this.requests.stream().map((request) -> request.substring(0, request.indexOf(' '))).distinct())
			.hasSize(1);
	}

	@Test
	void theConnectionIdleTimeoutOfTheOptionsStillApplies() throws InterruptedException {
		HttpClient client = HttpClient
			.createDefault(new HttpClientOptions().setConnectionIdleTimeout(Duration.ofMillis(100)));
		AzureSdkCalls.get(client, this.server.uri("/hello?tag=first"));
		// Idling past the timeout is the scenario itself
		Thread.sleep(500);
		AzureSdkCalls.get(client, this.server.uri("/hello?tag=second"));
		assertThat(this.requests).hasSize(2);
		assertThat(this.requests.stream().map((request) -> request.substring(0, request.indexOf(' '))).distinct())
			.hasSize(2);
	}

	@Test
	void aProviderTheUserSelectsInTheOptionsIsLeftAlone() {
		HttpClient client = HttpClient.createDefault(new HttpClientOptions()
			.setHttpClientProvider(com.azure.core.http.netty.NettyAsyncHttpClientProvider.class));
		AzureSdkCalls.get(client, this.server.uri("/hello"));
		assertThat(this.observed.get()).isNull();
		assertThat(AzureSdkCalls.sockets(this.server)).isNotEmpty()
			.allSatisfy((socket) -> assertThat(socket.keepAliveRemainingMillis()).as(socket.raw()).isNull());
	}

	@Test
	void theOneLinerGivesAHandBuiltClientTheSettings() {
		HttpClient client = AzureSdkKeepAlive.builder(SETTINGS, reactor.netty.http.client.HttpClient.create()).build();
		AzureSdkCalls.get(client, this.server.uri("/hello"));
		assertThat(AzureSdkCalls.sockets(this.server)).isNotEmpty()
			.allSatisfy((socket) -> assertThat(socket.keepAliveRemainingMillis()).as(socket.raw())
				.isNotNull()
				.isBetween(30_000L, 37_000L));
	}

	// A proxy that refuses every tunnel at once, recording each request line
	private static void refuse(ServerSocket proxy, List<String> requestLines) {
		while (!proxy.isClosed()) {
			try (Socket socket = proxy.accept(); InputStream in = socket.getInputStream()) {
				StringBuilder line = new StringBuilder();
				for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
					line.append((char) b);
				}
				requestLines.add(line.toString().trim());
				socket.getOutputStream()
					.write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			}
			catch (IOException ex) {
				// Closed at the end of the test
			}
		}
	}

}
