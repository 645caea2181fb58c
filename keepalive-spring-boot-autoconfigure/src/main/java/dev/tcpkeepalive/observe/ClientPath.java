package dev.tcpkeepalive.observe;

/**
 * The HTTP client libraries whose sockets the starter configures or reports on.
 *
 * @since 0.1.0
 */
public enum ClientPath {

	/** Apache HttpClient 5 classic, behind RestClient, RestTemplate and HTTP service clients. */
	HTTP_COMPONENTS("http-components"),

	/** Apache HttpClient 5 async, behind WebClient with the HttpComponents connector. */
	HTTP_COMPONENTS_ASYNC("http-components-async"),

	/** Reactor Netty, behind WebClient and the reactor request factory. */
	REACTOR_NETTY("reactor-netty"),

	/** Jetty's HttpClient. */
	JETTY("jetty"),

	/** The JDK's {@code java.net.http.HttpClient}, which has no socket-option API. */
	JDK("jdk"),

	/** {@code HttpURLConnection}, which has no socket-option API. */
	SIMPLE("simple"),

	/** The Azure SDK's azure-core clients, on azure-core-http-netty. */
	AZURE_SDK("azure-sdk");

	private final String id;

	ClientPath(String id) {
		this.id = id;
	}

	/**
	 * Return the id used in the endpoint and in logs.
	 * @return the id
	 */
	public String id() {
		return this.id;
	}

}
