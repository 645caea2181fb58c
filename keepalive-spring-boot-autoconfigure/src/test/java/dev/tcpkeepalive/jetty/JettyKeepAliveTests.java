package dev.tcpkeepalive.jetty;

import java.io.IOException;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.tcpkeepalive.TcpKeepAliveSettings;
import dev.tcpkeepalive.observe.KeepAliveValues;
import dev.tcpkeepalive.observe.ObservedKeepAlive;
import dev.tcpkeepalive.test.DomainSocketHttpServer;
import dev.tcpkeepalive.test.KernelSockets;
import dev.tcpkeepalive.test.LoopbackHttpServer;
import jdk.net.ExtendedSocketOptions;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.io.Transport;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JettyKeepAlive} on hand-built Jetty clients, read back from real
 * sockets.
 */
@ExtendWith(OutputCaptureExtension.class)
class JettyKeepAliveTests {

	private static final TcpKeepAliveSettings SETTINGS = TcpKeepAliveSettings.of(Duration.ofSeconds(11),
			Duration.ofSeconds(4), 6);

	@AutoClose
	private final LoopbackHttpServer server = LoopbackHttpServer.start();

	private final List<ObservedKeepAlive> observed = new CopyOnWriteArrayList<>();

	@Test
	void whenAHandBuiltClientConnectsThenItsSocketCarriesTheSettings() throws Exception {
		ClientConnector connector = JettyKeepAlive.observe(JettyKeepAlive.apply(SETTINGS, new ClientConnector()),
				this.observed::add);
		assertThat(get(connector, this.server.uri("/hello").toString(), 11)).isEqualTo("hello");
		assertThat(this.observed).singleElement().satisfies((socket) -> {
			assertThat(KeepAliveValues.of(socket)).isEqualTo(KeepAliveValues.keepAlive(11, 4, 6));
			assertThat(socket.userTimeoutMillis()).isNull();
			assertThat(socket.remoteAddress()).endsWith(":" + this.server.port());
		});
	}

	@Test
	void whenTheConnectorConnectsBlockingThenItsSocketCarriesTheSettingsToo() throws Exception {
		ClientConnector connector = JettyKeepAlive.observe(JettyKeepAlive.apply(SETTINGS, new ClientConnector()),
				this.observed::add);
		connector.setConnectBlocking(true);
		assertThat(get(connector, this.server.uri("/hello").toString(), 11)).isEqualTo("hello");
		assertThat(this.observed).singleElement()
			.satisfies(
					(socket) -> assertThat(KeepAliveValues.of(socket)).isEqualTo(KeepAliveValues.keepAlive(11, 4, 6)));
	}

	@Test
	void whenNothingIsAppliedThenTheSocketKeepsTheKernelDefaultsAndIsStillObserved() throws Exception {
		ClientConnector connector = JettyKeepAlive.observe(new ClientConnector(), this.observed::add);
		assertThat(get(connector, this.server.uri("/hello").toString(), null)).isEqualTo("hello");
		assertThat(this.observed).singleElement().satisfies((socket) -> {
			assertThat(socket.soKeepAlive()).isFalse();
			assertThat(socket.idleSeconds()).isEqualTo(KernelSockets.kernelDefault("tcp_keepalive_time"));
		});
	}

	@Test
	void aListenerAddedAfterwardsSetsTheFinalValue() throws Exception {
		ClientConnector connector = JettyKeepAlive.apply(SETTINGS, new ClientConnector());
		connector.addEventListener(new ClientConnector.ConnectListener() {

			@Override
			public void onConnectBegin(SocketChannel channel, SocketAddress address) {
				try {
					channel.setOption(ExtendedSocketOptions.TCP_KEEPIDLE, 13);
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			}

		});
		JettyKeepAlive.observe(connector, this.observed::add);
		assertThat(get(connector, this.server.uri("/hello").toString(), 13)).isEqualTo("hello");
		assertThat(this.observed).singleElement()
			.satisfies(
					(socket) -> assertThat(KeepAliveValues.of(socket)).isEqualTo(KeepAliveValues.keepAlive(13, 4, 6)));
	}

	@Test
	void whenAUnixDomainSocketConnectsThenNothingIsSetOrObservedAndTheRequestWorks(@TempDir Path dir) throws Exception {
		try (DomainSocketHttpServer unixServer = DomainSocketHttpServer.start(dir)) {
			List<Boolean> keepAliveAtConnect = new CopyOnWriteArrayList<>();
			ClientConnector connector = JettyKeepAlive.apply(SETTINGS, new ClientConnector());
			connector.addEventListener(new ClientConnector.ConnectListener() {

				@Override
				public void onConnectSuccess(SocketChannel channel) {
					keepAliveAtConnect.add(channel.supportedOptions().contains(StandardSocketOptions.SO_KEEPALIVE));
				}

			});
			JettyKeepAlive.observe(connector, this.observed::add);
			HttpClient client = new HttpClient(new HttpClientTransportOverHTTP(connector));
			client.start();
			try {
				String body = client.newRequest("http://localhost/hello")
					.transport(new Transport.TCPUnix(unixServer.path()))
					.send()
					.getContentAsString();
				assertThat(body).isEqualTo("hello");
				assertThat(unixServer.requests()).isEqualTo(1);
			}
			finally {
				client.stop();
			}
			assertThat(keepAliveAtConnect).containsExactly(false);
			assertThat(this.observed).isEmpty();
		}
	}

	@Test
	void whenTheObserverFailsThenTheRequestStillWorksAndNothingIsLogged(CapturedOutput output) throws Exception {
		ClientConnector connector = JettyKeepAlive.observe(JettyKeepAlive.apply(SETTINGS, new ClientConnector()),
				(socket) -> {
					throw new IllegalStateException("observer failure");
				});
		assertThat(get(connector, this.server.uri("/hello").toString(), 11)).isEqualTo("hello");
		assertThat(output).doesNotContain("observer failure").doesNotContain("failure notifying listener");
	}

	/**
	 * Send one GET and check the kernel's view of the pooled connection while it is still
	 * open.
	 * @param expectedIdleSeconds the idle time the keepalive timer runs from, or
	 * {@code null} when no timer may run
	 */
	private String get(ClientConnector connector, String uri, @Nullable Integer expectedIdleSeconds) throws Exception {
		HttpClient client = new HttpClient(new HttpClientTransportOverHTTP(connector));
		client.start();
		try {
			String body = client.GET(uri).getContentAsString();
			assertThat(KernelSockets.connectedTo(this.server.port())).singleElement().satisfies((socket) -> {
				if (expectedIdleSeconds == null) {
					assertThat(socket.keepAliveRemainingMillis()).isNull();
				}
				else {
					assertThat(socket.keepAliveRemainingMillis()).isNotNull()
						.isBetween(1L, expectedIdleSeconds * 1000L);
				}
			});
			return body;
		}
		finally {
			client.stop();
		}
	}

}
