package dev.tcpkeepalive.sample;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Callable;

import org.springframework.boot.restclient.RestTemplateBuilder;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.DefaultUriBuilderFactory;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Calls the slow upstream through each HTTP client and reports the outcome and the
 * elapsed time.
 */
@RestController
class DemoController {

	private final RestClient restClient;

	private final RestTemplate restTemplate;

	private final WebClient webClient;

	private final SlowUpstream slowUpstream;

	private final Environment environment;

	DemoController(RestClient.Builder restClientBuilder, RestTemplateBuilder restTemplateBuilder,
			WebClient.Builder webClientBuilder, SlowUpstream slowUpstream, Environment environment) {
		this.restClient = restClientBuilder.build();
		this.restTemplate = restTemplateBuilder.build();
		this.webClient = webClientBuilder.build();
		this.slowUpstream = slowUpstream;
		this.environment = environment;
	}

	@GetMapping("/demo/rest-client")
	DemoResult restClient(@RequestParam(defaultValue = "1") double seconds) {
		return call("RestClient", () -> this.restClient.get().uri(slow(seconds)).retrieve().body(String.class));
	}

	@GetMapping("/demo/rest-template")
	DemoResult restTemplate(@RequestParam(defaultValue = "1") double seconds) {
		return call("RestTemplate", () -> this.restTemplate.getForObject(slow(seconds), String.class));
	}

	@GetMapping("/demo/web-client")
	DemoResult webClient(@RequestParam(defaultValue = "1") double seconds) {
		return call("WebClient",
				() -> this.webClient.get().uri(slow(seconds)).retrieve().bodyToMono(String.class).block());
	}

	@GetMapping("/demo/http-interface")
	DemoResult httpInterface(@RequestParam(defaultValue = "1") double seconds) {
		return call("HTTP interface",
				() -> this.slowUpstream.slow(new DefaultUriBuilderFactory(upstream().toString()), seconds));
	}

	private DemoResult call(String client, Callable<String> request) {
		long start = System.nanoTime();
		try {
			String body = request.call();
			return new DemoResult(client, "ok", elapsed(start), body, null);
		}
		catch (Exception ex) {
			return new DemoResult(client, "failed", elapsed(start), null, ex.toString());
		}
	}

	private URI slow(double seconds) {
		return UriComponentsBuilder.fromUri(upstream())
			.path("/upstream/slow")
			.queryParam("seconds", seconds)
			.build()
			.toUri();
	}

	// Resolved per request: with server.port=0 the port is only known once the server has
	// started
	private URI upstream() {
		return URI.create(this.environment.getRequiredProperty("sample.upstream-url"));
	}

	private static long elapsed(long start) {
		return Duration.ofNanos(System.nanoTime() - start).toMillis();
	}

}
