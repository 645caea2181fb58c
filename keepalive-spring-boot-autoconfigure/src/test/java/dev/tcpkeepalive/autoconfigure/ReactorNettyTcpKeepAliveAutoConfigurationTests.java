package dev.tcpkeepalive.autoconfigure;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import dev.tcpkeepalive.client.Client;
import dev.tcpkeepalive.observe.KeepAliveObservations;
import dev.tcpkeepalive.reactor.ChannelSnapshot;
import dev.tcpkeepalive.reactor.NettyTransport;
import dev.tcpkeepalive.test.LoopbackHttpServer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.LoopResources;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.reactive.ClientHttpConnectorBuilderCustomizer;
import org.springframework.boot.http.client.autoconfigure.service.HttpServiceClientPropertiesAutoConfiguration;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.service.ReactiveHttpServiceClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.registry.HttpServiceGroup.ClientType;
import org.springframework.web.service.registry.ImportHttpServices;

import static dev.tcpkeepalive.test.KernelSockets.kernelDefault;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ReactorNettyTcpKeepAliveAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReactorNettyTcpKeepAliveAutoConfigurationTests {

	private final ApplicationContextRunner runner = HttpClientsContext.runner()
		.withUserConfiguration(HttpClientsContext.RecordingConfiguration.class);

	@AutoClose
	private final LoopbackHttpServer server = LoopbackHttpServer.start();

	@Test
	void whenTheUserMovesWebClientOntoNioThenTheNioOptionsAreApplied(CapturedOutput output) {
		this.runner.withUserConfiguration(NioConfiguration.class).run((context) -> {
			HttpClientsContext.getWithWebClient(context, this.server);
			ChannelSnapshot snapshot = context.getBean(ChannelSnapshot.Recorder.class).next();
			assertThat(snapshot.transport()).isEqualTo(NettyTransport.NIO);
			assertThat(snapshot)
				.extracting(ChannelSnapshot::soKeepAlive, ChannelSnapshot::idle, ChannelSnapshot::interval,
						ChannelSnapshot::count)
				.containsExactly(true, 41, 7, 5);
			assertThat(output).doesNotContain("Unknown channel option");
		});
	}

	@Test
	void whenUsersCustomizeTheHttpClientThenTheirCustomizationsAndBootsSettingsStillApply() {
		this.runner.withUserConfiguration(ChannelInitConfiguration.class)
			.withPropertyValues("spring.http.clients.connect-timeout=3s")
			.run((context) -> {
				HttpClientsContext.getWithWebClient(context, this.server);
				ChannelSnapshot snapshot = context.getBean(ChannelSnapshot.Recorder.class).next();
				assertThat(snapshot.soKeepAlive()).isTrue();
				assertThat(snapshot.idle()).isEqualTo(41);
				assertThat(snapshot.connectTimeoutMillis()).isEqualTo(3000);
				assertThat(context.getBean(AtomicInteger.class)).hasValue(1);
			});
	}

	@Test
	void whenAReactiveWebAppsRestClientUsesTheReactorFactoryThenItsSocketCarriesTheSettings() {
		new ReactiveWebApplicationContextRunner().withConfiguration(HttpClientsContext.AUTO_CONFIGURATIONS)
			.withConfiguration(AutoConfigurations.of(ReactiveWebRestClientAutoConfiguration.class))
			.withUserConfiguration(HttpClientsContext.RecordingConfiguration.class)
			.withPropertyValues(HttpClientsContext.SETTINGS)
			.withPropertyValues("spring.http.clients.imperative.factory=reactor")
			.run((context) -> {
				HttpClientsContext.getWithRestClient(context, this.server);
				assertThat(context.getBean(ChannelSnapshot.Recorder.class).next())
					.extracting(ChannelSnapshot::soKeepAlive, ChannelSnapshot::idle)
					.containsExactly(true, 41);
			});
	}

	@Test
	void whenAWebClientBackedHttpServiceClientConnectsThenItsSocketCarriesTheSettings() {
		this.runner
			.withConfiguration(AutoConfigurations.of(HttpServiceClientPropertiesAutoConfiguration.class,
					ReactiveHttpServiceClientAutoConfiguration.class))
			.withUserConfiguration(ReactiveHttpServiceConfiguration.class)
			.withPropertyValues("spring.http.serviceclient.upstream.base-url=" + this.server.uri(""))
			.run((context) -> {
				assertThat(context.getBean(ReactiveUpstream.class).hello().block(Duration.ofSeconds(10)))
					.isEqualTo("hello");
				assertThat(context.getBean(ChannelSnapshot.Recorder.class).next())
					.extracting(ChannelSnapshot::soKeepAlive, ChannelSnapshot::idle, ChannelSnapshot::interval,
							ChannelSnapshot::count)
					.containsExactly(true, 41, 7, 5);
			});
	}

	@Test
	void whenReactorNettyIsDisabledThenSocketsKeepTheKernelDefaultsAndAreStillObserved() {
		this.runner.withPropertyValues("azure.tcp-keepalive.reactor-netty.enabled=false")
			.run((context) -> assertKernelDefaultsObserved(context.getBean(KeepAliveObservations.class),
					() -> HttpClientsContext.getWithWebClient(context, this.server),
					context.getBean(ChannelSnapshot.Recorder.class)));
	}

	@Test
	void whenKeepAliveIsDisabledThenSocketsKeepTheKernelDefaultsAndAreStillObserved() {
		this.runner.withPropertyValues("azure.tcp-keepalive.enabled=false")
			.run((context) -> assertKernelDefaultsObserved(context.getBean(KeepAliveObservations.class),
					() -> HttpClientsContext.getWithWebClient(context, this.server),
					context.getBean(ChannelSnapshot.Recorder.class)));
	}

	@Test
	void whenReactorNettyIsAbsentThenNoReactorNettyCustomizerIsDefined() {
		this.runner.withClassLoader(new FilteredClassLoader(HttpClient.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(ReactorNettyTcpKeepAliveAutoConfiguration.class)
				.doesNotHaveBean("reactorNettyTcpKeepAliveCustomizer"));
	}

	@Test
	void whenTheUserDefinesAClientHttpConnectorBuilderThenItIsLeftAlone() {
		this.runner.withUserConfiguration(UserConnectorBuilderConfiguration.class).run((context) -> {
			HttpClientsContext.getWithWebClient(context, this.server);
			ChannelSnapshot snapshot = context.getBean(ChannelSnapshot.Recorder.class).next();
			assertThat(snapshot.soKeepAlive()).isFalse();
			assertThat(snapshot.idle()).isEqualTo(kernelDefault("tcp_keepalive_time"));
		});
	}

	private static void assertKernelDefaultsObserved(KeepAliveObservations observations, Runnable request,
			ChannelSnapshot.Recorder recorder) {
		request.run();
		ChannelSnapshot snapshot = recorder.next();
		assertThat(snapshot.soKeepAlive()).isFalse();
		assertThat(snapshot.idle()).isEqualTo(kernelDefault("tcp_keepalive_time"));
		assertThat(observations.latest(Client.REACTOR_NETTY)).isNotNull().satisfies((observed) -> {
			assertThat(observed.soKeepAlive()).isFalse();
			assertThat(observed.idleSeconds()).isEqualTo(snapshot.idle());
			assertThat(observed.intervalSeconds()).isEqualTo(kernelDefault("tcp_keepalive_intvl"));
			assertThat(observed.count()).isEqualTo(kernelDefault("tcp_keepalive_probes"));
		});
	}

	interface ReactiveUpstream {

		@GetExchange("/hello")
		Mono<String> hello();

	}

	@Configuration(proxyBeanMethods = false)
	@ImportHttpServices(group = "upstream", types = ReactiveUpstream.class, clientType = ClientType.WEB_CLIENT)
	static class ReactiveHttpServiceConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	static class NioConfiguration {

		@Bean(destroyMethod = "dispose")
		LoopResources nioLoopResources() {
			return LoopResources.create("user-nio", 1, false);
		}

		@Bean
		ClientHttpConnectorBuilderCustomizer<ReactorClientHttpConnectorBuilder> nioCustomizer(LoopResources loops) {
			return (builder) -> builder.withHttpClientCustomizer((client) -> client.runOn(loops, false));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ChannelInitConfiguration {

		@Bean
		AtomicInteger channelInits() {
			return new AtomicInteger();
		}

		@Bean
		ClientHttpConnectorBuilderCustomizer<ReactorClientHttpConnectorBuilder> channelInitCustomizer(
				AtomicInteger channelInits) {
			return (builder) -> builder.withHttpClientCustomizer(
					(client) -> client.doOnChannelInit((observer, channel, address) -> channelInits.incrementAndGet()));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserConnectorBuilderConfiguration {

		@Bean
		ClientHttpConnectorBuilder<?> userConnectorBuilder(ChannelSnapshot.Recorder recorder) {
			return ClientHttpConnectorBuilder.reactor().withHttpClientCustomizer(recorder::record);
		}

	}

}
