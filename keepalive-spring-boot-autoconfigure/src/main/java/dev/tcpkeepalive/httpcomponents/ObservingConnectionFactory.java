package dev.tcpkeepalive.httpcomponents;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.Socket;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import dev.tcpkeepalive.observe.ObservedKeepAlive;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.core5.http.io.HttpConnectionFactory;

/**
 * A classic connection factory that reads back the keepalive options of every newly connected socket.
 * <p>
 * HttpClient 5 binds the plain socket to the connection twice: once before the socket options are applied and once
 * after {@code connect()}. Only the connected bind is observed, so each new connection is read exactly once and
 * pooled reuse costs nothing.
 *
 * @since 0.1.0
 */
public final class ObservingConnectionFactory implements HttpConnectionFactory<ManagedHttpClientConnection> {

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
	public ManagedHttpClientConnection createConnection(Socket socket) throws java.io.IOException {
		ManagedHttpClientConnection connection = this.delegate.createConnection(socket);
		try {
			// A proxy keeps every interface of the real connection (Identifiable among them) without copying its API
			return (ManagedHttpClientConnection) Proxy.newProxyInstance(getClass().getClassLoader(),
					interfacesOf(connection.getClass()), (proxy, method, args) -> {
						if (isConnectedBind(method, args)) {
							observe((Socket) args[0]);
						}
						try {
							return method.invoke(connection, args);
						}
						catch (InvocationTargetException ex) {
							throw ex.getCause();
						}
					});
		}
		catch (RuntimeException ex) {
			// Observation is diagnostics only: an unobserved connection is better than a failed one
			return connection;
		}
	}

	private static boolean isConnectedBind(Method method, Object[] args) {
		return "bind".equals(method.getName()) && args != null && args.length == 1 && args[0] instanceof Socket socket
				&& socket.isConnected();
	}

	private void observe(Socket socket) {
		try {
			this.observer.accept(ObservedKeepAlive.read(socket));
		}
		catch (RuntimeException ex) {
			// Observation is diagnostics only and must never break a connection
		}
	}

	private static Class<?>[] interfacesOf(Class<?> type) {
		Set<Class<?>> interfaces = new LinkedHashSet<>();
		for (Class<?> candidate = type; candidate != null; candidate = candidate.getSuperclass()) {
			interfaces.addAll(Arrays.asList(candidate.getInterfaces()));
		}
		return interfaces.toArray(new Class<?>[0]);
	}

}
