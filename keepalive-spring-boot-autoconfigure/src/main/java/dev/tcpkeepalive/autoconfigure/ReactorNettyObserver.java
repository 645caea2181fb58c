package dev.tcpkeepalive.autoconfigure;

import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import dev.tcpkeepalive.client.Client;
import dev.tcpkeepalive.observe.KeepAliveObservations;
import dev.tcpkeepalive.observe.ObservedKeepAlive;
import dev.tcpkeepalive.reactor.ReactorNettyKeepAlive;
import reactor.netty.http.client.HttpClient;

import org.springframework.boot.http.client.autoconfigure.reactive.ClientHttpConnectorBuilderCustomizer;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;

/**
 * Customizer that makes a Reactor Netty {@link HttpClient} read back the keepalive
 * options of every new connection and record them.
 * <p>
 * One class is Boot's customizer, Reactor Netty's client customizer and the observer,
 * rather than a lambda for each, because every lambda is a class of its own loaded at
 * startup.
 */
final class ReactorNettyObserver implements ClientHttpConnectorBuilderCustomizer<ReactorClientHttpConnectorBuilder>,
		UnaryOperator<HttpClient>, Consumer<ObservedKeepAlive> {

	private final KeepAliveObservations observations;

	ReactorNettyObserver(KeepAliveObservations observations) {
		this.observations = observations;
	}

	@Override
	public ReactorClientHttpConnectorBuilder customize(ReactorClientHttpConnectorBuilder builder) {
		return builder.withHttpClientCustomizer(this);
	}

	@Override
	public HttpClient apply(HttpClient httpClient) {
		return ReactorNettyKeepAlive.observe(httpClient, this);
	}

	@Override
	public void accept(ObservedKeepAlive observed) {
		this.observations.record(Client.REACTOR_NETTY, observed);
	}

}
