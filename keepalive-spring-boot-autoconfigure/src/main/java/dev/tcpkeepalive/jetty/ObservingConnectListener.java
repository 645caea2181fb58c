package dev.tcpkeepalive.jetty;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.SocketChannel;
import java.util.Objects;
import java.util.function.Consumer;

import dev.tcpkeepalive.observe.ObservedKeepAlive;
import org.eclipse.jetty.io.ClientConnector;

/**
 * A {@link ClientConnector.ConnectListener} that reads back the keepalive options of
 * every newly connected TCP channel.
 * <p>
 * Jetty calls {@link #onConnectSuccess(SocketChannel)} once per connection, after every
 * listener's {@code onConnectBegin}, so the values read are the ones the socket really
 * carries, whoever set them. It runs on a selector thread and never throws.
 *
 * @since 0.1.0
 */
public final class ObservingConnectListener implements ClientConnector.ConnectListener {

	private final Consumer<ObservedKeepAlive> observer;

	/**
	 * Create a listener.
	 * @param observer receives what each newly connected socket carries
	 */
	public ObservingConnectListener(Consumer<ObservedKeepAlive> observer) {
		this.observer = Objects.requireNonNull(observer, "'observer' must not be null");
	}

	@Override
	public void onConnectSuccess(SocketChannel channel) {
		try {
			SocketAddress remote = channel.getRemoteAddress();
			// A Unix domain socket has no keepalive to report
			if (remote instanceof InetSocketAddress) {
				this.observer.accept(ObservedKeepAlive.read(channel, remote));
			}
		}
		catch (IOException | RuntimeException ex) {
			// Observation is diagnostics only and must never break a connection
		}
	}

}
