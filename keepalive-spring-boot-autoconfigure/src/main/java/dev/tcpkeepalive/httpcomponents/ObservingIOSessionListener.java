package dev.tcpkeepalive.httpcomponents;

import java.net.InetSocketAddress;
import java.nio.channels.NetworkChannel;
import java.util.Objects;
import java.util.function.Consumer;

import dev.tcpkeepalive.observe.ObservedKeepAlive;
import org.apache.hc.core5.reactor.IOSession;
import org.apache.hc.core5.reactor.IOSessionListener;

/**
 * An async I/O session listener that reads back the keepalive options of every newly
 * connected socket.
 * <p>
 * Set it with {@code HttpAsyncClientBuilder.setIOSessionListener}; it replaces any other
 * listener there. It is called once per connection (after the TLS handshake on https) on
 * an I/O thread, so it never throws.
 *
 * @since 0.1.0
 */
public final class ObservingIOSessionListener implements IOSessionListener {

	private final Consumer<ObservedKeepAlive> observer;

	/**
	 * Create a listener.
	 * @param observer receives what each newly connected socket carries
	 */
	public ObservingIOSessionListener(Consumer<ObservedKeepAlive> observer) {
		this.observer = Objects.requireNonNull(observer, "'observer' must not be null");
	}

	@Override
	public void connected(IOSession session) {
		try {
			// A Unix domain socket channel is a NetworkChannel too, but has no keepalive
			// to report
			if (session.channel() instanceof NetworkChannel channel
					&& session.getRemoteAddress() instanceof InetSocketAddress) {
				this.observer.accept(ObservedKeepAlive.read(channel, session.getRemoteAddress()));
			}
		}
		catch (RuntimeException ex) {
			// Observation is diagnostics only and must never break the I/O reactor
		}
	}

	@Override
	public void startTls(IOSession session) {
	}

	@Override
	public void inputReady(IOSession session) {
	}

	@Override
	public void outputReady(IOSession session) {
	}

	@Override
	public void timeout(IOSession session) {
	}

	@Override
	public void exception(IOSession session, Exception ex) {
	}

	@Override
	public void disconnected(IOSession session) {
	}

}
