package dev.tcpkeepalive.jetty;

import java.util.Objects;
import java.util.function.Consumer;

import dev.tcpkeepalive.TcpKeepAliveSettings;
import dev.tcpkeepalive.observe.ObservedKeepAlive;
import org.eclipse.jetty.io.ClientConnector;
import org.jspecify.annotations.Nullable;

/**
 * Keepalive for Jetty's HttpClient, through the {@link ClientConnector} its transport
 * connects with.
 *
 * @since 0.1.0
 */
public final class JettyKeepAlive {

	private JettyKeepAlive() {
	}

	/**
	 * Make every new TCP connection of a connector carry the keepalive settings, keeping
	 * everything else it has. Listeners the connector gets afterwards run later, so their
	 * socket options win.
	 * @param settings the keepalive settings
	 * @param connector the connector, for example of a client handed to an SDK
	 * @return the same connector
	 */
	public static ClientConnector apply(TcpKeepAliveSettings settings, ClientConnector connector) {
		Objects.requireNonNull(connector, "'connector' must not be null");
		connector.addEventListener(new KeepAliveConnectListener(settings));
		return connector;
	}

	/**
	 * Read back the keepalive options of every new TCP connection of a connector once it
	 * is connected.
	 * @param connector the connector
	 * @param observer receives what each new connection carries, once per connection
	 * @return the same connector
	 */
	public static ClientConnector observe(ClientConnector connector, Consumer<ObservedKeepAlive> observer) {
		Objects.requireNonNull(connector, "'connector' must not be null");
		connector.addEventListener(new ObservingConnectListener(observer));
		return connector;
	}

	/**
	 * Return a customizer, for example for Boot's
	 * {@code withClientConnectorCustomizerCustomizer}, that does what
	 * {@link #apply(TcpKeepAliveSettings, ClientConnector) apply} and
	 * {@link #observe(ClientConnector, Consumer) observe} do.
	 * @param settings the keepalive settings, or {@code null} to only observe
	 * @param observer receives what each new connection carries, once per connection
	 * @return the customizer
	 */
	public static Consumer<ClientConnector> customizer(@Nullable TcpKeepAliveSettings settings,
			Consumer<ObservedKeepAlive> observer) {
		Objects.requireNonNull(observer, "'observer' must not be null");
		return (connector) -> {
			if (settings != null) {
				apply(settings, connector);
			}
			observe(connector, observer);
		};
	}

}
