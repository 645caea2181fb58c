package dev.tcpkeepalive.test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventLoopHttpServerTests {

	private final List<String> log = new CopyOnWriteArrayList<>();

	@Test
	void endpointsAnswerOnOneKeptAliveConnectionAndEachRequestIsLogged() throws Exception {
		try (EventLoopHttpServer server = EventLoopHttpServer
			.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16, this.log::add)) {
			HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			String base = "http://127.0.0.1:" + server.port();
			assertThat(get(client, base + "/hello?tag=a")).isEqualTo("hello");
			assertThat(get(client, base + "/slow?seconds=0.1&tag=b")).isEqualTo("slept 0.1s");
			assertThat(get(client, base + "/drip?seconds=2&tag=c")).isEqualTo("..");
			assertThat(this.log).hasSize(3);
			assertThat(this.log).allMatch((request) -> request.startsWith("127.0.0.1:"));
			assertThat(this.log).extracting((request) -> request.substring(request.indexOf(' ') + 1))
				.containsExactly("/hello?tag=a", "/slow?seconds=0.1&tag=b", "/drip?seconds=2&tag=c");
			// One client address and port for all three: the connection was kept alive
			// between them
			assertThat(this.log).extracting((request) -> request.substring(0, request.indexOf(' ')))
				.containsOnly(this.log.get(0).substring(0, this.log.get(0).indexOf(' ')));
		}
	}

	private static String get(HttpClient client, String uri) throws Exception {
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(uri)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

}
