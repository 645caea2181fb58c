package dev.tcpkeepalive.actuate;

import java.nio.file.Path;

import io.netty.handler.ssl.SslContextBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.netty.http.Http2SslContextSpec;
import reactor.netty.http.HttpProtocol;

import org.springframework.boot.http.client.autoconfigure.reactive.ClientHttpConnectorBuilderCustomizer;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that WebClient on HTTP/2, h2c (prior knowledge) and h2 over TLS, opens sockets
 * that carry keepalive.
 */
class Http2ConnectionTests {

	@TempDir
	Path directory;

	@Test
	void whenWebClientSpeaksH2cThenTheRequestWorksAndItsSocketCarriesKeepAlive() {
		try (TomcatHelloServer server = TomcatHelloServer.start(null, true);
				RunningApplication app = RunningApplication.start(new Class<?>[] { H2cConfiguration.class },
						TlsConnectionTests.SETTINGS)) {
			assertThat(app.webClientGet(server.uri("/protocol"))).isEqualTo("HTTP/2.0");
			assertThat(app.webClientGet(server.uri("/hello"))).isEqualTo("hello");
			TlsConnectionTests.assertAppliedAndObserved(app.json("/actuator/tcpkeepalive/reactor-netty"),
					server.port());
			// Both requests were streams of one connection
			TlsConnectionTests.assertKeepAliveTimers(server.port(), 1, 50);
		}
	}

	@Test
	void whenWebClientSpeaksH2OverTlsThenTheRequestWorksAndItsSocketCarriesKeepAlive() {
		SelfSignedCertificate certificate = SelfSignedCertificate.create(this.directory);
		try (TomcatHelloServer server = TomcatHelloServer.start(certificate.serverBundle(), true);
				RunningApplication app = RunningApplication.start(new Class<?>[] { H2Configuration.class },
						TlsConnectionTests.with(TlsConnectionTests.SETTINGS, certificate.clientProperties()))) {
			assertThat(app.webClientGet(server.uri("/protocol"))).isEqualTo("HTTP/2.0");
			assertThat(app.webClientGet(server.uri("/hello"))).isEqualTo("hello");
			TlsConnectionTests.assertAppliedAndObserved(app.json("/actuator/tcpkeepalive/reactor-netty"),
					server.port());
			TlsConnectionTests.assertKeepAliveTimers(server.port(), 1, 50);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class H2cConfiguration {

		@Bean
		ClientHttpConnectorBuilderCustomizer<ReactorClientHttpConnectorBuilder> h2c() {
			return (builder) -> builder.withHttpClientCustomizer((client) -> client.protocol(HttpProtocol.H2C));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class H2Configuration {

		// Boot's SSL bundle gives the trust; HTTP/2 over TLS also needs ALPN, which
		// Boot's HTTP/1.1 context lacks
		@Bean
		ClientHttpConnectorBuilderCustomizer<ReactorClientHttpConnectorBuilder> h2(SslBundles bundles) {
			Http2SslContextSpec tls = Http2SslContextSpec.forClient()
				.configure((SslContextBuilder context) -> context
					.trustManager(bundles.getBundle("client").getManagers().getTrustManagerFactory()));
			return (builder) -> builder.withHttpClientCustomizer(
					(client) -> client.protocol(HttpProtocol.H2).secure((spec) -> spec.sslContext(tls)));
		}

	}

}
