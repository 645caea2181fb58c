package dev.tcpkeepalive.jetty;

import java.io.IOException;
import java.net.SocketAddress;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.util.Objects;

import dev.tcpkeepalive.TcpKeepAliveSettings;
import jdk.net.ExtendedSocketOptions;
import org.eclipse.jetty.io.ClientConnector;

/**
 * A {@link ClientConnector.ConnectListener} that sets the keepalive settings on every TCP
 * channel before it connects.
 * <p>
 * Jetty's {@code ClientConnector} has no keepalive setter of its own; it calls
 * {@link #onConnectBegin(SocketChannel, SocketAddress)} after applying its own options
 * and before {@code connect()}, so listeners added later, such as an application's own,
 * can still override a value. Options the JDK cannot set on this platform are skipped, as
 * HttpClient 5 does, and nothing is ever thrown into the connection.
 *
 * @since 0.1.0
 */
public final class KeepAliveConnectListener implements ClientConnector.ConnectListener {

	private final TcpKeepAliveSettings settings;

	/**
	 * Create a listener that applies the given settings.
	 * @param settings the keepalive settings
	 */
	public KeepAliveConnectListener(TcpKeepAliveSettings settings) {
		this.settings = Objects.requireNonNull(settings, "'settings' must not be null");
	}

	@Override
	public void onConnectBegin(SocketChannel channel, SocketAddress address) {
		set(channel, StandardSocketOptions.SO_KEEPALIVE, true);
		set(channel, ExtendedSocketOptions.TCP_KEEPIDLE, this.settings.idleSeconds());
		set(channel, ExtendedSocketOptions.TCP_KEEPINTERVAL, this.settings.intervalSeconds());
		set(channel, ExtendedSocketOptions.TCP_KEEPCOUNT, this.settings.count());
	}

	private static <T> void set(SocketChannel channel, SocketOption<T> option, T value) {
		try {
			// A Unix domain socket supports none of them, and an older JDK on Windows
			// lacks the extended ones
			if (channel.supportedOptions().contains(option)) {
				channel.setOption(option, value);
			}
		}
		catch (IOException | RuntimeException ex) {
			// The connection works without the option; the endpoint shows what the socket
			// really carries
		}
	}

}
