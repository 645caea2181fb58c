package dev.tcpkeepalive.actuate;

import java.nio.file.Path;

import dev.tcpkeepalive.test.KernelSockets;
import dev.tcpkeepalive.test.LoopbackHttpProxy;
import dev.tcpkeepalive.test.LoopbackHttpServer;
import org.apache.hc.core5.http.HttpHost;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.netty.transport.ProxyProvider;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.boot.http.client.autoconfigure.reactive.ClientHttpConnectorBuilderCustomizer;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that RestClient and WebClient through an HTTP proxy carry keepalive on their hop
 * to the proxy, for plain forwarding and for {@code CONNECT} tunnels.
 */
class ProxyConnectionTests {

	@AutoClose
	private final LoopbackHttpProxy proxy = LoopbackHttpProxy.start();

	@TempDir
	Path directory;

	@Test
	void whenRestClientAndWebClientGoThroughAProxyToAnHttpServerThenTheProxyHopCarriesKeepAlive() {
		try (LoopbackHttpServer server = LoopbackHttpServer.start(); RunningApplication app = start()) {
			assertThat(app.restClientGet(server.uri("/hello"))).isEqualTo("hello");
			assertProxyHopInTheKernel();
			assertThat(app.webClientGet(server.uri("/hello"))).isEqualTo("hello");
			assertProxyHopInTheKernel();
			// HttpClient 5 forwards plain http; Reactor Netty tunnels everything with
			// CONNECT
			assertThat(this.proxy.requestLines()).containsExactlyInAnyOrder("GET " + server.uri("/hello") + " HTTP/1.1",
					"CONNECT 127.0.0.1:" + server.port() + " HTTP/1.1");
			assertProxyHopReported(app);
		}
	}

	@Test
	void whenRestClientAndWebClientTunnelThroughAProxyToAnHttpsServerThenTheProxyHopCarriesKeepAlive() {
		SelfSignedCertificate certificate = SelfSignedCertificate.create(this.directory);
		try (TomcatHelloServer server = TomcatHelloServer.start(certificate.serverBundle(), false);
				RunningApplication app = start(certificate.clientProperties())) {
			assertThat(app.restClientGet(server.uri("/hello"))).isEqualTo("hello");
			assertProxyHopInTheKernel();
			assertThat(app.webClientGet(server.uri("/hello"))).isEqualTo("hello");
			assertProxyHopInTheKernel();
			assertThat(this.proxy.requestLines()).hasSize(2)
				.allSatisfy((line) -> assertThat(line).isEqualTo("CONNECT 127.0.0.1:" + server.port() + " HTTP/1.1"));
			assertProxyHopReported(app);
		}
	}

	private void assertProxyHopReported(RunningApplication app) {
		TlsConnectionTests.assertAppliedAndObserved(app.json("/actuator/tcpkeepalive/http-components"),
				this.proxy.port());
		TlsConnectionTests.assertAppliedAndObserved(app.json("/actuator/tcpkeepalive/reactor-netty"),
				this.proxy.port());
	}

	private void assertProxyHopInTheKernel() {
		assertThat(KernelSockets.connectedTo(this.proxy.port())).isNotEmpty()
			.allSatisfy((socket) -> assertThat(socket.keepAliveRemainingMillis()).as(socket.raw())
				.isNotNull()
				.isPositive()
				.isLessThanOrEqualTo(50_000L));
	}

	private RunningApplication start(String... properties) {
		String[] all = TlsConnectionTests.with(TlsConnectionTests.SETTINGS, properties);
		return RunningApplication.start(new Class<?>[] { ProxyConfiguration.class },
				TlsConnectionTests.with(all, "test.proxy.port=" + this.proxy.port()));
	}

	@Configuration(proxyBeanMethods = false)
	static class ProxyConfiguration {

		@Bean
		ClientHttpRequestFactoryBuilderCustomizer<HttpComponentsClientHttpRequestFactoryBuilder> httpComponentsProxy(
				@Value("${test.proxy.port}") int port) {
			return (builder) -> builder
				.withHttpClientCustomizer((httpClient) -> httpClient.setProxy(new HttpHost("127.0.0.1", port)));
		}

		@Bean
		ClientHttpConnectorBuilderCustomizer<ReactorClientHttpConnectorBuilder> reactorNettyProxy(
				@Value("${test.proxy.port}") int port) {
			return (builder) -> builder.withHttpClientCustomizer((client) -> client
				.proxy((proxy) -> proxy.type(ProxyProvider.Proxy.HTTP).host("127.0.0.1").port(port)));
		}

	}

}
