package dev.tcpkeepalive.reactor;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.tcpkeepalive.TcpKeepAliveSettings;
import dev.tcpkeepalive.observe.KeepAliveValues;
import dev.tcpkeepalive.observe.ObservedKeepAlive;
import dev.tcpkeepalive.test.LoopbackHttpServer;
import io.netty.channel.ChannelOption;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.socket.nio.NioChannelOption;
import io.netty.channel.socket.nio.NioSocketChannel;
import jdk.net.ExtendedSocketOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static dev.tcpkeepalive.test.KernelSockets.kernelDefault;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ReactorNettyKeepAlive} on hand-built clients.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReactorNettyKeepAliveTests {

	private static final TcpKeepAliveSettings SETTINGS = new TcpKeepAliveSettings(Duration.ofSeconds(41),
			Duration.ofSeconds(7), 5, Duration.ofSeconds(20));

	private final ChannelSnapshot.Recorder recorder = new ChannelSnapshot.Recorder();

	private LoopbackHttpServer server;

	private ConnectionProvider provider;

	private LoopResources nioLoops;

	@BeforeEach
	void start() {
		this.server = LoopbackHttpServer.start();
		this.provider = ConnectionProvider.create("keepalive-test", 1);
		this.nioLoops = LoopResources.create("keepalive-nio", 1, false);
	}

	@AfterEach
	void stop() {
		this.provider.disposeLater().block(Duration.ofSeconds(10));
		this.nioLoops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
		this.server.close();
	}

	@Test
	void whenAppliedOnTheDefaultTransportThenTheSocketCarriesEverySetting(CapturedOutput output) {
		get(ReactorNettyKeepAlive.apply(SETTINGS, this.recorder.record(HttpClient.create(this.provider))));
		ChannelSnapshot snapshot = this.recorder.next();
		assertThat(snapshot.transport()).isEqualTo(NettyTransport.detect());
		assertThat(snapshot)
			.extracting(ChannelSnapshot::soKeepAlive, ChannelSnapshot::idle, ChannelSnapshot::interval,
					ChannelSnapshot::count)
			.containsExactly(true, 41, 7, 5);
		if (snapshot.transport() != NettyTransport.NIO) {
			assertThat(snapshot.userTimeout()).isEqualTo(20_000);
		}
		assertThat(output).doesNotContain("Unknown channel option");
	}

	@Test
	void whenAppliedOnNioWhileANativeTransportIsAvailableThenTheNioOptionsAreUsed(CapturedOutput output) {
		HttpClient client = HttpClient.create(this.provider).runOn(this.nioLoops, false);
		get(ReactorNettyKeepAlive.apply(SETTINGS, this.recorder.record(client)));
		ChannelSnapshot snapshot = this.recorder.next();
		assertThat(snapshot.transport()).isEqualTo(NettyTransport.NIO);
		assertThat(snapshot)
			.extracting(ChannelSnapshot::soKeepAlive, ChannelSnapshot::idle, ChannelSnapshot::interval,
					ChannelSnapshot::count)
			.containsExactly(true, 41, 7, 5);
		assertThat(output).doesNotContain("Unknown channel option");
	}

	@Test
	void whenOptionsOfAnotherTransportAreSetThenTheyAreIgnoredWithAWarning(CapturedOutput output) {
		// The trap the per-channel choice avoids; it also shows the log capture sees
		// Reactor Netty's warning
		HttpClient client = HttpClient.create(this.provider)
			.runOn(this.nioLoops, false)
			.option(EpollChannelOption.TCP_KEEPIDLE, 41);
		get(this.recorder.record(client));
		assertThat(this.recorder.next().idle()).isEqualTo(kernelDefault("tcp_keepalive_time"));
		assertThat(output).contains("Unknown channel option");
	}

	@Test
	void whenUsersAddTheirOwnChannelInitThenBothRun() {
		AtomicInteger userInits = new AtomicInteger();
		HttpClient client = HttpClient.create(this.provider)
			.doOnChannelInit((observer, channel, address) -> userInits.incrementAndGet());
		client = ReactorNettyKeepAlive.apply(SETTINGS, this.recorder.record(client))
			.doOnChannelInit((observer, channel, address) -> userInits.incrementAndGet());
		get(client);
		assertThat(this.recorder.next().idle()).isEqualTo(41);
		assertThat(userInits).hasValue(2);
	}

	@Test
	void whenTheClientSetsTheIdleBeforeOrAfterApplyThenItWinsAndTheOtherSettingsStillApply() {
		HttpClient before = ReactorNettyKeepAlive.apply(SETTINGS,
				HttpClient.create(this.provider).option(ChannelSnapshot.idleOption(), 77));
		get(this.recorder.record(before));
		assertThat(this.recorder.next())
			.extracting(ChannelSnapshot::soKeepAlive, ChannelSnapshot::idle, ChannelSnapshot::interval,
					ChannelSnapshot::count)
			.containsExactly(true, 77, 7, 5);
		HttpClient after = ReactorNettyKeepAlive.apply(SETTINGS, HttpClient.create(this.provider))
			.option(ChannelSnapshot.idleOption(), 78);
		get(this.recorder.record(after));
		assertThat(this.recorder.next())
			.extracting(ChannelSnapshot::soKeepAlive, ChannelSnapshot::idle, ChannelSnapshot::interval,
					ChannelSnapshot::count)
			.containsExactly(true, 78, 7, 5);
	}

	@Test
	void whenTheClientTurnsSoKeepAliveOffAfterApplyThenItStaysOff() {
		get(this.recorder.record(ReactorNettyKeepAlive.apply(SETTINGS, HttpClient.create(this.provider))
			.option(ChannelOption.SO_KEEPALIVE, false)));
		assertThat(this.recorder.next()).extracting(ChannelSnapshot::soKeepAlive, ChannelSnapshot::interval)
			.containsExactly(false, 7);
	}

	@Test
	void whenAppliedToANioChannelThenOnlyAUserTimeoutMakesItReportFalse() {
		NioSocketChannel channel = new NioSocketChannel();
		try {
			assertThat(ReactorNettyKeepAlive.apply(SETTINGS, channel)).isFalse();
			TcpKeepAliveSettings withoutUserTimeout = TcpKeepAliveSettings.of(Duration.ofSeconds(41),
					Duration.ofSeconds(7), 5);
			assertThat(ReactorNettyKeepAlive.apply(withoutUserTimeout, channel)).isTrue();
			assertThat(channel.config().getOption(ChannelOption.SO_KEEPALIVE)).isTrue();
			assertThat(channel.config().getOption(NioChannelOption.of(ExtendedSocketOptions.TCP_KEEPIDLE)))
				.isEqualTo(41);
		}
		finally {
			channel.unsafe().closeForcibly();
		}
	}

	@Test
	void whenObservingThenEachConnectionIsReadOnceAndNotPerRequest() {
		List<ObservedKeepAlive> observed = new CopyOnWriteArrayList<>();
		HttpClient client = ReactorNettyKeepAlive.observe(
				ReactorNettyKeepAlive.apply(SETTINGS, this.recorder.record(HttpClient.create(this.provider))),
				observed::add);
		for (int i = 0; i < 3; i++) {
			get(client);
		}
		ChannelSnapshot snapshot = this.recorder.next();
		// The recorder sees every acquisition of the pooled connection: three requests,
		// one socket
		assertThat(this.recorder.next().localPort()).isEqualTo(snapshot.localPort());
		assertThat(this.recorder.next().localPort()).isEqualTo(snapshot.localPort());
		assertThat(observed).singleElement().satisfies((observation) -> {
			assertThat(KeepAliveValues.of(observation)).isEqualTo(KeepAliveValues.keepAlive(41, 7, 5));
			assertThat(observation.userTimeoutMillis()).isEqualTo(snapshot.userTimeout());
			assertThat(observation.remoteAddress()).contains(String.valueOf(this.server.port()));
		});
	}

	@Test
	void whenObservingWithoutKeepAliveThenTheKernelDefaultsAreReported() {
		List<ObservedKeepAlive> observed = new CopyOnWriteArrayList<>();
		get(ReactorNettyKeepAlive.observe(HttpClient.create(this.provider), observed::add));
		assertThat(observed).singleElement().satisfies((observation) -> {
			assertThat(observation.soKeepAlive()).isFalse();
			assertThat(observation.idleSeconds()).isEqualTo(kernelDefault("tcp_keepalive_time"));
			assertThat(observation.intervalSeconds()).isEqualTo(kernelDefault("tcp_keepalive_intvl"));
			assertThat(observation.count()).isEqualTo(kernelDefault("tcp_keepalive_probes"));
		});
	}

	private void get(HttpClient client) {
		String body = client.get()
			.uri(this.server.uri("/hello"))
			.responseContent()
			.aggregate()
			.asString(StandardCharsets.UTF_8)
			.block(Duration.ofSeconds(10));
		assertThat(body).isEqualTo("hello");
	}

}
