package dev.tcpkeepalive.benchmarks;

import java.net.URI;
import java.util.function.Supplier;

import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * A pooled and a {@code Connection: close} request through one client that a Spring Boot
 * context built.
 *
 * @param pooled sends one request over a kept-alive, pooled connection
 * @param closing sends one request with {@code Connection: close}, so it opens a new
 * socket
 */
record ClientRequests(Supplier<String> pooled, Supplier<String> closing) {

	/**
	 * Build the requests of a client against a server.
	 * @param context the context holding Boot's client builders
	 * @param client {@code rest-client} (HttpClient 5) or {@code web-client} (Reactor
	 * Netty)
	 * @param uri the server's URI
	 * @return the requests
	 */
	static ClientRequests of(ApplicationContext context, String client, URI uri) {
		return switch (client) {
			case "rest-client" -> {
				RestClient restClient = context.getBean(RestClient.Builder.class).baseUrl(uri).build();
				yield new ClientRequests(() -> restClient.get().retrieve().body(String.class),
						() -> restClient.get().header(HttpHeaders.CONNECTION, "close").retrieve().body(String.class));
			}
			case "web-client" -> {
				WebClient webClient = context.getBean(WebClient.Builder.class).baseUrl(uri.toString()).build();
				yield new ClientRequests(() -> webClient.get().retrieve().bodyToMono(String.class).block(),
						() -> webClient.get()
							.header(HttpHeaders.CONNECTION, "close")
							.retrieve()
							.bodyToMono(String.class)
							.block());
			}
			default -> throw new IllegalArgumentException("Unknown client '" + client + "'");
		};
	}

}
