package dev.tcpkeepalive.autoconfigure;

import java.time.Duration;
import java.util.Locale;
import java.util.function.BiFunction;

import dev.tcpkeepalive.client.Client;
import dev.tcpkeepalive.observe.KeepAliveObservations;
import dev.tcpkeepalive.observe.KeepAliveValues;
import dev.tcpkeepalive.observe.ObservedKeepAlive;
import dev.tcpkeepalive.reactor.ChannelSnapshot;
import dev.tcpkeepalive.reactor.NettyTransport;
import dev.tcpkeepalive.test.KernelSockets;
import dev.tcpkeepalive.test.LoopbackHttpServer;
import io.netty.channel.uring.IoUring;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Tests that auto-configured Reactor Netty clients carry keepalive on the transport
 * Reactor Netty picks in this JVM.
 * <p>
 * The build runs this class once per transport (epoll by default, NIO, io_uring) and
 * names the expected one in the {@code keepalive.test.netty-transport} system property.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReactorNettyTransportTests {

	private final ApplicationContextRunner runner = HttpClientsContext.runner()
		.withUserConfiguration(HttpClientsContext.RecordingConfiguration.class);

	@AutoClose
	private final LoopbackHttpServer server = LoopbackHttpServer.start();

	@Test
	void whenWebClientConnectsThenItsSocketCarriesTheSettingsOfTheTransportInUse(CapturedOutput output) {
		this.runner
			.run((context) -> assertRequestCarriesKeepAlive(context, HttpClientsContext::getWithWebClient, output));
	}

	@Test
	void whenRestClientUsesTheReactorFactoryThenItsSocketCarriesTheSettingsOfTheTransportInUse(CapturedOutput output) {
		this.runner.withPropertyValues("spring.http.clients.imperative.factory=reactor")
			.run((context) -> assertRequestCarriesKeepAlive(context, HttpClientsContext::getWithRestClient, output));
	}

	private void assertRequestCarriesKeepAlive(ConfigurableApplicationContext context,
			BiFunction<ApplicationContext, LoopbackHttpServer, String> request, CapturedOutput output) {
		NettyTransport expected = expectedTransport();
		assertThat(request.apply(context, this.server)).isEqualTo("hello");
		ChannelSnapshot snapshot = context.getBean(ChannelSnapshot.Recorder.class).next();
		assertThat(snapshot.transport()).isEqualTo(expected).isEqualTo(NettyTransport.detect());
		// What the endpoint reports as platform.nettyTransport
		assertThat(context.getBean(KeepAliveReporter.class).reports().nettyTransport()).isEqualTo(expected);
		assertThat(snapshot)
			.extracting(ChannelSnapshot::soKeepAlive, ChannelSnapshot::idle, ChannelSnapshot::interval,
					ChannelSnapshot::count)
			.containsExactly(true, 41, 7, 5);
		Integer userTimeout = (expected != NettyTransport.NIO) ? 20_000 : null;
		assertThat(snapshot.userTimeout()).isEqualTo(userTimeout);
		ObservedKeepAlive observed = context.getBean(KeepAliveObservations.class).latest(Client.REACTOR_NETTY);
		assertThat(observed).isNotNull();
		assertThat(KeepAliveValues.of(observed)).isEqualTo(KeepAliveValues.keepAlive(41, 7, 5));
		assertThat(observed.userTimeoutMillis()).isEqualTo(userTimeout);
		assertThat(KernelSockets.connectedTo(this.server.port()))
			.filteredOn((socket) -> socket.localPort() == snapshot.localPort())
			.singleElement()
			.satisfies((socket) -> assertThat(socket.keepAliveRemainingMillis()).isNotNull().isBetween(1L, 41_000L));
		assertThat(output).doesNotContain("Unknown channel option");
		// What SpringApplication publishes once the application has started, when the
		// startup lines are logged
		context.publishEvent(new ApplicationReadyEvent(new SpringApplication(), new String[0], context, Duration.ZERO));
		// NIO has no TCP_USER_TIMEOUT: said once, at WARN, at startup; the native
		// transports carry it
		if (expected == NettyTransport.NIO) {
			assertThat(output.toString().lines().filter((line) -> line.contains("partial for reactor-netty")))
				.singleElement()
				.satisfies((line) -> assertThat(line).contains("WARN").contains("TCP_USER_TIMEOUT"));
		}
		else {
			assertThat(output).doesNotContain("partial for reactor-netty");
		}
	}

	private static NettyTransport expectedTransport() {
		String id = System.getProperty("keepalive.test.netty-transport");
		if (id == null) {
			return NettyTransport.detect();
		}
		NettyTransport expected = NettyTransport.valueOf(id.toUpperCase(Locale.ROOT));
		if (expected == NettyTransport.IO_URING) {
			assumeThat(IoUring.isAvailable()).as(() -> "io_uring is unavailable here: " + IoUring.unavailabilityCause())
				.isTrue();
		}
		return expected;
	}

}
