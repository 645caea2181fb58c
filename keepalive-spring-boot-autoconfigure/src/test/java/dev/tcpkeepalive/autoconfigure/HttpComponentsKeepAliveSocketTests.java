package dev.tcpkeepalive.autoconfigure;

import java.net.SocketTimeoutException;
import java.util.List;

import dev.tcpkeepalive.client.Client;
import dev.tcpkeepalive.observe.KeepAliveObservations;
import dev.tcpkeepalive.observe.KeepAliveValues;
import dev.tcpkeepalive.observe.ObservedKeepAlive;
import dev.tcpkeepalive.test.KernelSockets;
import dev.tcpkeepalive.test.LoopbackHttpServer;
import org.apache.hc.core5.http.io.SocketConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.service.HttpServiceClientPropertiesAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.restclient.RestTemplateBuilder;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestTemplateAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.service.HttpServiceClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.registry.ImportHttpServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests that RestClient, RestTemplate and HTTP service clients open sockets that really
 * carry keepalive, read back from the socket inside the JVM and from the kernel with
 * {@code ss}.
 */
class HttpComponentsKeepAliveSocketTests {

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(HttpClientAutoConfiguration.class,
			ImperativeHttpClientAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
			RestClientAutoConfiguration.class, RestTemplateAutoConfiguration.class,
			HttpServiceClientPropertiesAutoConfiguration.class, HttpServiceClientAutoConfiguration.class,
			TcpKeepAliveAutoConfiguration.class, ReactiveWebRestClientAutoConfiguration.class);

	private static final String[] SETTINGS = { "azure.tcp-keepalive.idle=7", "azure.tcp-keepalive.interval=3",
			"azure.tcp-keepalive.count=4" };

	private LoopbackHttpServer server;

	@BeforeEach
	void startServer() {
		this.server = LoopbackHttpServer.start();
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	void whenRestClientConnectsThenItsSocketCarriesTheConfiguredKeepAlive() {
		// On Boot 4.1 this also proves the configured 7/3/4 replace httpcore5 5.4's own
		// 5/5/3 default
		run(new ApplicationContextRunner(), (context) -> restClientGet(context, "/hello"));
	}

	@Test
	void whenRestTemplateConnectsThenItsSocketCarriesTheConfiguredKeepAlive() {
		run(new ApplicationContextRunner(),
				(context) -> context.getBean(RestTemplateBuilder.class)
					.build()
					.getForObject(this.server.uri("/hello"), String.class));
	}

	@Test
	void whenAnHttpServiceClientConnectsThenItsSocketCarriesTheConfiguredKeepAlive() {
		run(new ApplicationContextRunner().withUserConfiguration(HttpServiceConfiguration.class)
			.withPropertyValues("spring.http.serviceclient.upstream.base-url=" + this.server.uri("")),
				(context) -> context.getBean(UpstreamClient.class).hello());
	}

	@Test
	void whenRestClientConnectsInAReactiveApplicationThenItsSocketCarriesTheConfiguredKeepAlive() {
		run(new ReactiveWebApplicationContextRunner(), (context) -> restClientGet(context, "/hello"));
	}

	@Test
	void whenBootsClientPropertiesAreSetThenTheyStayInForce() {
		new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues(SETTINGS)
			.withPropertyValues("spring.http.clients.read-timeout=500ms")
			.run((context) -> {
				RestClient client = context.getBean(RestClient.Builder.class).build();
				assertThatExceptionOfType(ResourceAccessException.class)
					.isThrownBy(
							() -> client.get().uri(this.server.uri("/slow?seconds=3")).retrieve().body(String.class))
					.withRootCauseInstanceOf(SocketTimeoutException.class);
				assertThat(KeepAliveValues.of(latest(context))).isEqualTo(KeepAliveValues.keepAlive(7, 3, 4));
			});
	}

	@Test
	void whenTheUserHasOwnCustomizersThenBothTheirsAndKeepAliveApply() {
		run(new ApplicationContextRunner().withUserConfiguration(UserCustomizerConfiguration.class),
				(context) -> restClientGet(context, "/user-agent"), "user-agent-from-user");
	}

	@Test
	void whenKeepAliveIsDisabledThenTheSocketCarriesTheLibrarysOwnDefaults() {
		new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues(SETTINGS)
			.withPropertyValues("azure.tcp-keepalive.enabled=false")
			.run((context) -> {
				assertThat(restClientGet(context, "/hello")).isEqualTo("hello");
				ObservedKeepAlive observed = latest(context);
				List<KernelSockets.Entry> kernel = kernelView();
				assertThat(kernel).isNotEmpty();
				assertThat(SocketConfig.DEFAULT.isSoKeepAlive())
					.isEqualTo(BootLine.httpComponentsKeepsAliveByDefault());
				if (BootLine.httpComponentsKeepsAliveByDefault()) {
					// httpcore5 5.4 (Boot 4.1) turns keepalive on by itself at 5s/5s/3
					assertThat(KeepAliveValues.of(observed)).as("observed %s", observed)
						.isEqualTo(KeepAliveValues.keepAlive(5, 5, 3));
					assertThat(kernel).allSatisfy((entry) -> assertThat(entry.keepAliveRemainingMillis()).isNotNull());
				}
				else {
					// httpcore5 5.3 (Boot 4.0) leaves keepalive off: the kernel's 7200s
					// default never runs
					assertThat(observed.soKeepAlive()).isFalse();
					assertThat(observed.idleSeconds()).isEqualTo(7200);
					assertThat(kernel).allSatisfy((entry) -> assertThat(entry.keepAliveRemainingMillis()).isNull());
				}
			});
	}

	private void run(ApplicationContextRunner runner, Request request) {
		run(runner, request, "hello");
	}

	private void run(ApplicationContextRunner runner, Request request, String expectedBody) {
		runner.withConfiguration(CONFIGURATIONS)
			.withPropertyValues(SETTINGS)
			.run((context) -> assertKeepAliveOnTheWire(context, request, expectedBody));
	}

	private void run(ReactiveWebApplicationContextRunner runner, Request request) {
		runner.withConfiguration(CONFIGURATIONS)
			.withPropertyValues(SETTINGS)
			.run((context) -> assertKeepAliveOnTheWire(context, request, "hello"));
	}

	private void assertKeepAliveOnTheWire(ApplicationContext context, Request request, String expectedBody) {
		assertThat(request.send(context)).isEqualTo(expectedBody);
		ObservedKeepAlive observed = latest(context);
		assertThat(observed.remoteAddress()).endsWith(":" + this.server.port());
		assertThat(observed.soKeepAlive()).isTrue();
		assertThat(observed.idleSeconds()).isEqualTo(7);
		assertThat(observed.intervalSeconds()).isEqualTo(3);
		assertThat(observed.count()).isEqualTo(4);
		// The pooled connection is still open: the kernel must show a running keepalive
		// timer below idle
		assertThat(kernelView()).isNotEmpty()
			.allSatisfy((entry) -> assertThat(entry.keepAliveRemainingMillis()).isNotNull()
				.isPositive()
				.isLessThanOrEqualTo(7000));
	}

	private String restClientGet(ApplicationContext context, String path) {
		return context.getBean(RestClient.Builder.class)
			.build()
			.get()
			.uri(this.server.uri(path))
			.retrieve()
			.body(String.class);
	}

	private ObservedKeepAlive latest(ApplicationContext context) {
		ObservedKeepAlive observed = context.getBean(KeepAliveObservations.class).latest(Client.HTTP_COMPONENTS);
		assertThat(observed).as("a connection was observed").isNotNull();
		return observed;
	}

	private List<KernelSockets.Entry> kernelView() {
		return KernelSockets.connectedTo(this.server.port());
	}

	@FunctionalInterface
	interface Request {

		String send(ApplicationContext context);

	}

	interface UpstreamClient {

		@GetExchange("/hello")
		String hello();

	}

	@Configuration(proxyBeanMethods = false)
	static class UserCustomizerConfiguration {

		@Bean
		ClientHttpRequestFactoryBuilderCustomizer<HttpComponentsClientHttpRequestFactoryBuilder> userCustomizer() {
			return (builder) -> builder
				.withHttpClientCustomizer((httpClient) -> httpClient.setUserAgent("user-agent-from-user"));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportHttpServices(group = "upstream", types = UpstreamClient.class)
	static class HttpServiceConfiguration {

	}

}
