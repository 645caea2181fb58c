package dev.tcpkeepalive.autoconfigure;

import java.util.List;

import dev.tcpkeepalive.client.Client;
import dev.tcpkeepalive.client.ClientStatus;
import dev.tcpkeepalive.client.KeepAliveReport;
import dev.tcpkeepalive.client.Status;
import dev.tcpkeepalive.reactor.ChannelSnapshot;
import dev.tcpkeepalive.test.LoopbackHttpServer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for RestClient on the reactor request factory: it carries keepalive when the
 * factory is detected rather than chosen, and runs on another factory, reported as such,
 * when that one is chosen.
 */
class ReactorRequestFactoryDetectionTests {

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(HttpClientsContext.AUTO_CONFIGURATIONS)
		.withConfiguration(AutoConfigurations.of(ReactiveWebRestClientAutoConfiguration.class))
		.withUserConfiguration(HttpClientsContext.RecordingConfiguration.class)
		.withPropertyValues(HttpClientsContext.SETTINGS);

	@AutoClose
	private final LoopbackHttpServer server = LoopbackHttpServer.start();

	@Test
	void whenNeitherHttpClient5NorJettyIsPresentThenRestClientsDetectedReactorFactoryCarriesTheSettings() {
		this.runner.withClassLoader(new FilteredClassLoader("org.apache.hc.client5", "org.eclipse.jetty.client"))
			.run((context) -> {
				HttpClientsContext.getWithRestClient(context, this.server);
				assertThat(context.getBean(ChannelSnapshot.Recorder.class).next())
					.extracting(ChannelSnapshot::soKeepAlive, ChannelSnapshot::idle)
					.containsExactly(true, 41);
			});
	}

	@Test
	void whenAnotherFactoryIsChosenThenRestClientRunsOnItAndOnlyWebClientIsReportedOnReactorNetty() {
		// Without HttpClient 5 and Jetty, so that only the property rules out reactor
		this.runner.withClassLoader(new FilteredClassLoader("org.apache.hc.client5", "org.eclipse.jetty.client"))
			.withPropertyValues("spring.http.clients.imperative.factory=jdk")
			.run((context) -> {
				assertThat(HttpClientsContext.getWithRestClient(context, this.server)).isEqualTo("hello");
				KeepAliveReport report = context.getBean(KeepAliveReporter.class).reports().get();
				assertThat(report.status(Client.JDK)).extracting(ClientStatus::status, ClientStatus::usedBy)
					.containsExactly(Status.NOT_COVERED, List.of("RestClient"));
				assertThat(report.status(Client.REACTOR_NETTY)).extracting(ClientStatus::status, ClientStatus::usedBy)
					.containsExactly(Status.APPLIED, List.of("WebClient"));
			});
	}

}
