package dev.tcpkeepalive.httpcomponents;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import dev.tcpkeepalive.TcpKeepAliveSettings;
import dev.tcpkeepalive.observe.KeepAliveValues;
import dev.tcpkeepalive.observe.ObservedKeepAlive;
import dev.tcpkeepalive.test.LoopbackHttpServer;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link KeepAliveIOReactorConfig} and {@link ObservingIOSessionListener} on a
 * hand-built async client.
 */
class KeepAliveIOReactorConfigTests {

	private static final TcpKeepAliveSettings SETTINGS = TcpKeepAliveSettings.of(Duration.ofSeconds(41),
			Duration.ofSeconds(7), 5);

	@Test
	void whenAppliedThenTheConnectionCarriesTheSettingsAndIsObservedOnConnect() throws Exception {
		List<ObservedKeepAlive> observed = new CopyOnWriteArrayList<>();
		try (LoopbackHttpServer server = LoopbackHttpServer.start();
				CloseableHttpAsyncClient client = HttpAsyncClients.custom()
					.setIOReactorConfig(KeepAliveIOReactorConfig.of(SETTINGS))
					.setIOSessionListener(new ObservingIOSessionListener(observed::add))
					.build()) {
			client.start();
			SimpleHttpResponse response = client.execute(SimpleRequestBuilder.get(server.uri("/hello")).build(), null)
				.get(10, TimeUnit.SECONDS);
			assertThat(response.getBodyText()).isEqualTo("hello");
			assertThat(observed).singleElement().satisfies((observation) -> {
				assertThat(KeepAliveValues.of(observation)).isEqualTo(KeepAliveValues.keepAlive(41, 7, 5));
				assertThat(observation.remoteAddress()).endsWith(":" + server.port());
			});
		}
	}

}
