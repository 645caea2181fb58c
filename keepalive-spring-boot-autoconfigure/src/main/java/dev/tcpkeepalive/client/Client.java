package dev.tcpkeepalive.client;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The HTTP client libraries whose sockets the starter configures or reports on: the one
 * registry of clients.
 * <p>
 * Each entry says which of Boot's builders stand for it and which property switches it
 * off, and {@link #socketOptions()} how its sockets take keepalive options; adding a
 * client library is an entry here, its line there, plus its applier and
 * auto-configuration.
 *
 * @since 0.1.0
 */
public enum Client {

	/**
	 * Apache HttpClient 5 classic, behind RestClient, RestTemplate and HTTP service
	 * clients.
	 */
	HTTP_COMPONENTS("http-components", "Apache HttpClient 5", "http-components",
			"HttpComponentsClientHttpRequestFactoryBuilder"),

	/** Apache HttpClient 5 async, behind WebClient with the HttpComponents connector. */
	HTTP_COMPONENTS_ASYNC("http-components-async", "Apache HttpClient 5 async", "http-components",
			"HttpComponentsClientHttpConnectorBuilder"),

	/** Reactor Netty, behind WebClient and the reactor request factory. */
	REACTOR_NETTY("reactor-netty", "Reactor Netty", "reactor-netty", "ReactorClientHttpRequestFactoryBuilder",
			"ReactorClientHttpConnectorBuilder"),

	/** Jetty's HttpClient, behind RestClient, RestTemplate or WebClient on Jetty. */
	JETTY("jetty", "Jetty's HttpClient", "jetty", "JettyClientHttpRequestFactoryBuilder",
			"JettyClientHttpConnectorBuilder"),

	/** The JDK's {@code java.net.http.HttpClient}, which has no socket-option API. */
	JDK("jdk", "the JDK HttpClient", null, "JdkClientHttpRequestFactoryBuilder", "JdkClientHttpConnectorBuilder"),

	/** {@code HttpURLConnection}, which has no socket-option API. */
	SIMPLE("simple", "HttpURLConnection", null, "SimpleClientHttpRequestFactoryBuilder"),

	/**
	 * The Azure SDK's azure-core clients on azure-core-http-netty, which no Boot builder
	 * stands for: see {@code ClientDetection}.
	 */
	AZURE_SDK("azure-sdk", "the Azure SDK (azure-core-http-netty)", "azure-sdk");

	private final String id;

	private final String library;

	private final @Nullable String switchName;

	private final List<String> builderTypes;

	Client(String id, String library, @Nullable String switchName, String... builderTypes) {
		this.id = id;
		this.library = library;
		this.switchName = switchName;
		this.builderTypes = List.of(builderTypes);
	}

	/**
	 * Return the id used in the endpoint, in logs and in metrics.
	 * @return the id
	 */
	public String id() {
		return this.id;
	}

	/**
	 * Return the library's name, for messages.
	 * @return the library name
	 */
	public String library() {
		return this.library;
	}

	/**
	 * Return how this client's sockets take keepalive options.
	 * @return the kind of socket options
	 */
	public SocketOptions socketOptions() {
		// Decided here rather than passed to each constant, so that the nested type is
		// only loaded when a status is decided, not with every application's first client
		if (this == REACTOR_NETTY || this == AZURE_SDK) {
			return SocketOptions.NETTY;
		}
		return (this == JDK || this == SIMPLE) ? SocketOptions.NONE : SocketOptions.JDK;
	}

	/**
	 * Return the property that switches this client off, or {@code null} when it has
	 * none.
	 * @return the full property name, for example
	 * {@code azure.tcp-keepalive.reactor-netty.enabled}
	 */
	public @Nullable String switchProperty() {
		return (this.switchName != null) ? "azure.tcp-keepalive." + this.switchName + ".enabled" : null;
	}

	/**
	 * Return the client behind one of Boot's builder types.
	 * @param builderType the simple name of a {@code ClientHttpRequestFactoryBuilder} or
	 * {@code ClientHttpConnectorBuilder} implementation
	 * @return the client, or {@code null} for a builder made from a user's own factory
	 */
	public static @Nullable Client ofBuilder(String builderType) {
		for (Client client : values()) {
			if (client.builderTypes.contains(builderType)) {
				return client;
			}
		}
		return null;
	}

	/**
	 * How a client library's sockets take keepalive options.
	 */
	public enum SocketOptions {

		/**
		 * Through {@code jdk.net.ExtendedSocketOptions}: idle, interval and count, but no
		 * TCP_USER_TIMEOUT.
		 */
		JDK,

		/** Through the options of the Netty transport each channel uses. */
		NETTY,

		/** Not at all: the library has no socket-option API. */
		NONE

	}

}
