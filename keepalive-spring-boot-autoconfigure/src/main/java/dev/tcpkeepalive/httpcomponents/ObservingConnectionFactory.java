package dev.tcpkeepalive.httpcomponents;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Objects;
import java.util.function.Consumer;

import dev.tcpkeepalive.observe.ObservedKeepAlive;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.io.HttpConnectionFactory;

/**
 * A classic connection factory that reads back the keepalive options of every newly
 * connected socket.
 * <p>
 * HttpClient 5 binds the plain socket to the connection twice: once before the socket
 * options are applied and once after {@code connect()}. Only the connected bind is
 * observed, so each new connection is read exactly once and pooled reuse costs nothing.
 * <p>
 * As a {@code Consumer<PoolingHttpClientConnectionManagerBuilder>} it installs itself on
 * a connection manager, for example through Boot's
 * {@code withConnectionManagerCustomizer}. It holds no state of its own, so one factory
 * can serve several connection managers.
 *
 * @since 0.1.0
 */
public final class ObservingConnectionFactory implements HttpConnectionFactory<ManagedHttpClientConnection>,
		Consumer<PoolingHttpClientConnectionManagerBuilder> {

	private final HttpConnectionFactory<ManagedHttpClientConnection> delegate;

	private final Consumer<ObservedKeepAlive> observer;

	/**
	 * Create a factory that observes the connections of HttpClient's default factory.
	 * @param observer receives what each newly connected socket carries
	 */
	public ObservingConnectionFactory(Consumer<ObservedKeepAlive> observer) {
		this(ManagedHttpClientConnectionFactory.INSTANCE, observer);
	}

	/**
	 * Create a factory that observes the connections of another factory.
	 * @param delegate the factory that creates the connections
	 * @param observer receives what each newly connected socket carries
	 */
	public ObservingConnectionFactory(HttpConnectionFactory<ManagedHttpClientConnection> delegate,
			Consumer<ObservedKeepAlive> observer) {
		this.delegate = Objects.requireNonNull(delegate, "'delegate' must not be null");
		this.observer = Objects.requireNonNull(observer, "'observer' must not be null");
	}

	@Override
	public void accept(PoolingHttpClientConnectionManagerBuilder connectionManager) {
		connectionManager.setConnectionFactory(this);
	}

	@Override
	public ManagedHttpClientConnection createConnection(Socket socket) throws IOException {
		return new ObservingConnection(this.delegate.createConnection(socket), this::observe);
	}

	private void observe(Socket socket) {
		// Only a TCP socket crosses a NAT; a Unix domain socket has no keepalive to
		// report
		if (!(socket.getRemoteSocketAddress() instanceof InetSocketAddress)) {
			return;
		}
		try {
			this.observer.accept(ObservedKeepAlive.read(socket));
		}
		catch (RuntimeException ex) {
			// Observation is diagnostics only and must never break a connection
		}
	}

}
