package dev.tcpkeepalive.natlab;

import java.util.Map;

/**
 * The client paths the lab proves, each a small application plus the properties that select the path.
 */
enum LabPath {

	REST_CLIENT("1 RestClient / HttpClient 5", RestClientApp.class, Map.of(), "AnnotationConfigApplicationContext"),

	REST_TEMPLATE("2 RestTemplate / HttpClient 5", RestTemplateApp.class, Map.of(),
			"AnnotationConfigApplicationContext"),

	HTTP_SERVICE_CLIENT("3 @HttpExchange client / RestClient", HttpServiceClientApp.class, Map.of(),
			"AnnotationConfigApplicationContext"),

	WEB_CLIENT_EPOLL("4 WebClient / Reactor Netty epoll", WebClientApp.class, Map.of(), "CHANNEL EpollSocketChannel"),

	WEB_CLIENT_NIO("5 WebClient / Reactor Netty NIO", WebClientApp.class, Map.of("reactor.netty.native", "false"),
			"CHANNEL NioSocketChannel"),

	WEB_CLIENT_HTTP_COMPONENTS("6 WebClient / HttpComponents async", WebClientApp.class,
			Map.of("spring.http.clients.reactive.connector", "http-components"), "AnnotationConfigApplicationContext"),

	REACTIVE_WEB_REST_CLIENT("7 RestClient in a reactive web app", ReactiveWebRestClientApp.class, Map.of(),
			"ReactiveWebServerApplicationContext");

	private final String label;

	private final Class<?> application;

	private final Map<String, String> properties;

	private final String evidence;

	LabPath(String label, Class<?> application, Map<String, String> properties, String evidence) {
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
	 * Return what the client must print to show it really took this path (its context type or Netty channel).
	 */
	String evidence() {
		return this.evidence;
	}

}
