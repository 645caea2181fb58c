package dev.tcpkeepalive.httpcomponents;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import dev.tcpkeepalive.TcpKeepAliveSettings;
import dev.tcpkeepalive.observe.KeepAliveValues;
import dev.tcpkeepalive.observe.ObservedKeepAlive;
import dev.tcpkeepalive.test.LoopbackHttpServer;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link KeepAliveSocketConfig} and {@link ObservingConnectionFactory} on a
 * hand-built HttpClient 5.
 */
class KeepAliveSocketConfigTests {

	private final TcpKeepAliveSettings settings = TcpKeepAliveSettings.of(Duration.ofSeconds(9), Duration.ofSeconds(4),
			5);

	@Test
	void whenSocketConfigIsBuiltThenAllFourValuesAreExplicit() {
		SocketConfig config = KeepAliveSocketConfig.of(this.settings);
		assertThat(config.isSoKeepAlive()).isTrue();
		assertThat(config.getTcpKeepIdle()).isEqualTo(9);
		assertThat(config.getTcpKeepInterval()).isEqualTo(4);
		assertThat(config.getTcpKeepCount()).isEqualTo(5);
	}

	@Test
	void whenAppliedToABuilderThenItsOtherValuesAreKept() {
		SocketConfig config = KeepAliveSocketConfig
			.apply(this.settings, SocketConfig.custom().setTcpNoDelay(false).setSndBufSize(4096))
			.build();
		assertThat(config.isTcpNoDelay()).isFalse();
		assertThat(config.getSndBufSize()).isEqualTo(4096);
		assertThat(config.isSoKeepAlive()).isTrue();
	}

	@Test
	void whenAHandBuiltConnectionManagerUsesTheSocketConfigThenEachNewSocketCarriesItOnce() throws Exception {
		AtomicReference<ObservedKeepAlive> observed = new AtomicReference<>();
		int[] connections = { 0 };
		try (LoopbackHttpServer server = LoopbackHttpServer.start();
				CloseableHttpClient client = HttpClients.custom()
					.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
						.setDefaultSocketConfig(KeepAliveSocketConfig.of(this.settings))
						.setConnectionFactory(new ObservingConnectionFactory((socket) -> {
							connections[0]++;
							observed.set(socket);
						}))
						.build())
					.build()) {
			for (int i = 0; i < 3; i++) {
				int status = client.execute(new HttpGet(server.uri("/hello")), (response) -> response.getCode());
				assertThat(status).isEqualTo(200);
			}
		}
		// Three requests over one pooled connection: the socket is read back once, when
		// it connects
		assertThat(connections[0]).isOne();
		assertThat(KeepAliveValues.of(observed.get())).isEqualTo(KeepAliveValues.keepAlive(9, 4, 5));
	}

}
