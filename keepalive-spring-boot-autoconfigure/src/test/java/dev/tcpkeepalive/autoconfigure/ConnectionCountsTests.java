package dev.tcpkeepalive.autoconfigure;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import dev.tcpkeepalive.NatSafety;
import dev.tcpkeepalive.actuate.TcpKeepAliveDescriptor;
import dev.tcpkeepalive.actuate.TcpKeepAliveDescriptor.ClientDescriptor;
import dev.tcpkeepalive.actuate.TcpKeepAliveDescriptor.ConnectionsDescriptor;
import dev.tcpkeepalive.actuate.TcpKeepAliveEndpoint;
import dev.tcpkeepalive.test.LoopbackHttpServer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.boot.restclient.RestTemplateBuilder;
import org.springframework.boot.restclient.autoconfigure.RestTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the per-client connection counts, through real clients and a real server that
 * counts the connections it accepts.
 */
class ConnectionCountsTests {

	private static final int REQUESTS = 6;

	private final ApplicationContextRunner runner = HttpClientsContext.runner()
		.withConfiguration(
				AutoConfigurations.of(RestTemplateAutoConfiguration.class, TcpKeepAliveEndpointAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=tcpkeepalive");

	// The server's view: each distinct client port is one connection
	private final Set<String> connections = ConcurrentHashMap.newKeySet();

	@AutoClose
	private final LoopbackHttpServer server = LoopbackHttpServer.start(
			new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
			(request) -> this.connections.add(request.substring(0, request.indexOf(' '))));

	@Test
	void restClientAndRestTemplateCountOneAppliedConnectionEachForManyPooledRequests() {
		this.runner.run((context) -> {
			RestClient restClient = context.getBean(RestClient.Builder.class).build();
			repeat((i) -> assertThat(restClient.get().uri(this.server.uri("/hello")).retrieve().body(String.class))
				.isEqualTo("hello"));
			assertThat(this.connections).hasSize(1);
			assertThat(connections(context, "http-components")).isEqualTo(new ConnectionsDescriptor(1, 0, 0));
			// A RestTemplate gets its own pool, so its requests open exactly one more
			// connection
			RestTemplate restTemplate = context.getBean(RestTemplateBuilder.class).build();
			repeat((i) -> assertThat(restTemplate.getForObject(this.server.uri("/hello"), String.class))
				.isEqualTo("hello"));
			assertThat(this.connections).hasSize(2);
			ClientDescriptor client = endpoint(context).client("http-components");
			assertThat(client.connections()).isEqualTo(new ConnectionsDescriptor(2, 0, 0));
			assertThat(client.lastNotApplied()).isNull();
			assertThat(endpoint(context).keepAlive().natSafety().safe()).isTrue();
		});
	}

	// A connection goes back to the pool just after its response completes, so the next
	// request may open another
	@Test
	void webClientOnReactorNettyCountsEachPooledConnectionOnceNotEachRequest() {
		this.runner.run((context) -> {
			repeat((i) -> assertThat(HttpClientsContext.getWithWebClient(context, this.server)).isEqualTo("hello"));
			assertThat(this.connections).hasSizeBetween(1, REQUESTS - 1);
			assertThat(connections(context, "reactor-netty"))
				.isEqualTo(new ConnectionsDescriptor(this.connections.size(), 0, 0));
		});
	}

	@Test
	void webClientOnTheHttpComponentsConnectorCountsEachPooledConnectionOnceNotEachRequest() {
		this.runner.withPropertyValues("spring.http.clients.reactive.connector=http-components").run((context) -> {
			repeat((i) -> assertThat(HttpClientsContext.getWithWebClient(context, this.server)).isEqualTo("hello"));
			assertThat(this.connections).hasSizeBetween(1, REQUESTS - 1);
			assertThat(connections(context, "http-components-async"))
				.isEqualTo(new ConnectionsDescriptor(this.connections.size(), 0, 0));
		});
	}

	@Test
	void whenDisabledThenConnectionsAreCountedAsTheLibrariesLeaveThemAndNatSafetyIsUnsafe() {
		this.runner.withPropertyValues("azure.tcp-keepalive.enabled=false").run((context) -> {
			RestClient restClient = context.getBean(RestClient.Builder.class).build();
			repeat((i) -> restClient.get().uri(this.server.uri("/hello")).retrieve().body(String.class));
			assertThat(this.connections).hasSize(1);
			repeat((i) -> HttpClientsContext.getWithWebClient(context, this.server));
			TcpKeepAliveDescriptor report = endpoint(context).keepAlive();
			ClientDescriptor httpComponents = report.clients().get("http-components");
			ClientDescriptor reactorNetty = report.clients().get("reactor-netty");
			// Reactor Netty leaves SO_KEEPALIVE off
			assertThat(reactorNetty.connections())
				.isEqualTo(new ConnectionsDescriptor(0, 0, this.connections.size() - 1));
			assertThat(reactorNetty.lastNotApplied()).isEqualTo(reactorNetty.observed());
			NatSafety natSafety = report.natSafety();
			assertThat(natSafety.safe()).isFalse();
			if (BootLine.httpComponentsKeepsAliveByDefault()) {
				// httpcore5 5.4 (Boot 4.1) turns keepalive on by itself at 5s/5s/3: on,
				// but not what was asked
				assertThat(httpComponents.connections()).isEqualTo(new ConnectionsDescriptor(0, 1, 0));
				assertThat(httpComponents.lastNotApplied()).extracting("soKeepAlive", "idleSeconds", "intervalSeconds")
					.containsExactly(true, 5, 5);
				assertThat(natSafety.message()).startsWith("The reactor-netty client (WebClient")
					.contains("has no TCP keepalive");
			}
			else {
				assertThat(httpComponents.connections()).isEqualTo(new ConnectionsDescriptor(0, 0, 1));
				assertThat(httpComponents.lastNotApplied().soKeepAlive()).isFalse();
				assertThat(natSafety.message()).startsWith("The http-components client (RestClient")
					.contains("has no TCP keepalive");
			}
		});
	}

	@Test
	void whenAUserCustomizerOverridesTheIdleTimeThenConnectionsDifferWithThatValue() {
		this.runner.withUserConfiguration(IdleOverrideConfiguration.class).run((context) -> {
			RestClient restClient = context.getBean(RestClient.Builder.class).build();
			repeat((i) -> restClient.get().uri(this.server.uri("/hello")).retrieve().body(String.class));
			assertThat(this.connections).hasSize(1);
			ClientDescriptor client = endpoint(context).client("http-components");
			assertThat(client.connections()).isEqualTo(new ConnectionsDescriptor(0, 1, 0));
			assertThat(client.lastNotApplied()).isNotNull()
				.extracting("soKeepAlive", "idleSeconds", "intervalSeconds", "count")
				.containsExactly(true, 77, 7, 5);
			// 77s + 7s stays below the NAT's 240s, so the override differs from the
			// settings but is still safe
			assertThat(endpoint(context).keepAlive().natSafety())
				.extracting(NatSafety::safe, NatSafety::worstCaseGapSeconds)
				.containsExactly(true, 84L);
		});
	}

	private static void repeat(Consumer<Integer> request) {
		for (int i = 0; i < REQUESTS; i++) {
			request.accept(i);
		}
	}

	private static ConnectionsDescriptor connections(ApplicationContext context, String client) {
		return endpoint(context).client(client).connections();
	}

	private static TcpKeepAliveEndpoint endpoint(ApplicationContext context) {
		return context.getBean(TcpKeepAliveEndpoint.class);
	}

	@Configuration(proxyBeanMethods = false)
	static class IdleOverrideConfiguration {

		// Unordered, so it runs after the starter's customizer, as a user's own tuning
		// does
		@Bean
		ClientHttpRequestFactoryBuilderCustomizer<HttpComponentsClientHttpRequestFactoryBuilder> idleOverride() {
			return (builder) -> builder.withSocketConfigCustomizer((socketConfig) -> socketConfig.setTcpKeepIdle(77));
		}

	}

}
