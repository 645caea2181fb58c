package dev.tcpkeepalive.natlab;

import java.util.Map;

/**
 * The client paths the lab proves, each a small application plus the properties that
 * select the path.
 */
enum LabPath {

	REST_CLIENT("1 RestClient / HttpClient 5", RestClientApp.class, Map.of(), Evidence.HTTP_COMPONENTS_FACTORY),

	REST_TEMPLATE("2 RestTemplate / HttpClient 5", RestTemplateApp.class, Map.of(), Evidence.HTTP_COMPONENTS_FACTORY),

	HTTP_SERVICE_CLIENT("3 @HttpExchange client / RestClient", HttpServiceClientApp.class, Map.of(),
			Evidence.HTTP_COMPONENTS_FACTORY),

	WEB_CLIENT_EPOLL("4 WebClient / Reactor Netty epoll", WebClientApp.class, Map.of(), Evidence.REACTOR_CONNECTOR,
			"CHANNEL EpollSocketChannel"),

	WEB_CLIENT_NIO("5 WebClient / Reactor Netty NIO", WebClientApp.class, Map.of("reactor.netty.native", "false"),
			Evidence.REACTOR_CONNECTOR, "CHANNEL NioSocketChannel"),

	WEB_CLIENT_HTTP_COMPONENTS("6 WebClient / HttpComponents async", WebClientApp.class,
			Map.of("spring.http.clients.reactive.connector", "http-components"),
			"CONNECTOR HttpComponentsClientHttpConnector"),

	REACTIVE_WEB_REST_CLIENT("7 RestClient in a reactive web app", ReactiveWebRestClientApp.class, Map.of(),
			// Without the starter no builder bean exists here: RestClient detects
			// HttpClient 5 by itself
			"ReactiveWebServerApplicationContext"),

	REST_CLIENT_JETTY("8 RestClient / Jetty", RestClientApp.class,
			Map.of("spring.http.clients.imperative.factory", "jetty"), "FACTORY JettyClientHttpRequestFactoryBuilder"),

	WEB_CLIENT_JETTY("9 WebClient / Jetty", WebClientApp.class,
			Map.of("spring.http.clients.reactive.connector", "jetty"), "CONNECTOR JettyClientHttpConnector"),

	AZURE_SDK_HTTP_CLIENT("10 Azure SDK default HttpClient", AzureSdkHttpClientApp.class, Map.of(),
			"CLIENT NettyAsyncHttpClient"),

	// The container's properties call answers no body, so success is the container found
	BLOB_CONTAINER_CLIENT("11 BlobContainerClient", BlobContainerClientApp.class, Map.of(),
			"CLIENT BlobContainerClient on NettyAsyncHttpClient");

	private final String label;

	private final Class<?> application;

	private final Map<String, String> properties;

	private final String[] evidence;

	LabPath(String label, Class<?> application, Map<String, String> properties, String... evidence) {
		this.label = label;
		this.application = application;
		this.properties = properties;
		this.evidence = evidence;
	}

	String label() {
		return this.label;
	}

	Class<?> application() {
		return this.application;
	}

	Map<String, String> properties() {
		return this.properties;
	}

	/**
	 * Return what the call answers when the slow response arrives.
	 */
	String expectedDetail(long delaySeconds) {
		return (this == BLOB_CONTAINER_CLIENT) ? "exists true" : "slept " + (double) delaySeconds + "s";
	}

	/**
	 * Return what the client must print to show it really took this path (its context
	 * type or Netty channel).
	 */
	String[] evidence() {
		return this.evidence.clone();
	}

	// A nested holder, because an enum's constants cannot refer to its own static fields
	private static final class Evidence {

		static final String HTTP_COMPONENTS_FACTORY = "FACTORY HttpComponentsClientHttpRequestFactoryBuilder";

		static final String REACTOR_CONNECTOR = "CONNECTOR ReactorClientHttpConnector";

	}

}
