package dev.tcpkeepalive.actuate;

import java.nio.file.Path;
import java.time.Duration;

import dev.tcpkeepalive.reactor.NettyTransport;
import dev.tcpkeepalive.test.DomainSocketHttpServer;
import dev.tcpkeepalive.test.LoopbackHttpServer;
import io.netty.channel.unix.DomainSocketAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Tests that a WebClient on a Unix domain socket works, gets no TCP option and leaves the
 * endpoint's verdict alone.
 */
@ExtendWith(OutputCaptureExtension.class)
class DomainSocketConnectionTests {

	@TempDir
	Path directory;

	@Test
	void whenAWebClientUsesADomainSocketThenItWorksSilentlyAndTheEndpointStillReportsTheTcpConnections(
			CapturedOutput output) {
		// Reactor Netty 1.3 opens domain sockets on epoll and kqueue only; its NIO and
		// io_uring loops have none
		assumeThat(NettyTransport.detect()).as("Reactor Netty's transport").isEqualTo(NettyTransport.EPOLL);
		try (LoopbackHttpServer tcpServer = LoopbackHttpServer.start();
				DomainSocketHttpServer domainSocketServer = DomainSocketHttpServer.start(this.directory);
				RunningApplication app = RunningApplication.start("management.endpoints.web.exposure.include=*",
						"azure.tcp-keepalive.idle=50s", "azure.tcp-keepalive.interval=10s",
						"azure.tcp-keepalive.count=4")) {
			assertThat(app.webClientGet(tcpServer.uri("/hello"))).isEqualTo("hello");
			JsonNode before = app.json("/actuator/tcpkeepalive");
			assertThat(before.get("clients").get("reactor-netty").get("status").asString()).isEqualTo("applied");
			assertThat(before.get("clients").get("reactor-netty").get("observed").get("idleSeconds").asInt())
				.isEqualTo(50);
			assertThat(before.get("natSafety").get("safe").asBoolean()).isTrue();
			int logged = output.length();
			WebClient webClient = WebClient.builder().clientConnector(domainSocketConnector(app)).build();
			for (int i = 0; i < 2; i++) {
				// A relative URI makes Reactor Netty connect to the client's remote
				// address
				assertThat(
						webClient.get().uri("/hello").retrieve().bodyToMono(String.class).block(Duration.ofSeconds(10)))
					.isEqualTo("hello");
			}
			assertThat(domainSocketServer.requests()).isEqualTo(2);
			JsonNode after = app.json("/actuator/tcpkeepalive");
			assertThat(after.get("clients")).isEqualTo(before.get("clients"));
			assertThat(after.get("natSafety")).isEqualTo(before.get("natSafety"));
			assertThat(output.toString().substring(logged)).doesNotContain("WARN")
				.doesNotContain("Unknown channel option");
		}
	}

	// Built from Boot's own connector builder, so the starter's customizers are in it
	private ClientHttpConnector domainSocketConnector(RunningApplication app) {
		ReactorClientHttpConnectorBuilder builder = (ReactorClientHttpConnectorBuilder) app
			.bean(ClientHttpConnectorBuilder.class);
		DomainSocketAddress address = new DomainSocketAddress(this.directory.resolve("http.sock").toString());
		return builder.withHttpClientCustomizer((client) -> client.remoteAddress(() -> address)).build();
	}

}
