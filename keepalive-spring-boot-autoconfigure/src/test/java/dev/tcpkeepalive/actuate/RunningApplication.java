package dev.tcpkeepalive.actuate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.restclient.RestTemplateBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * A real servlet application on an ephemeral port, with the starter and actuator, for
 * tests over HTTP.
 */
public final class RunningApplication implements AutoCloseable {

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final JsonMapper json = JsonMapper.builder().build();

	private final ConfigurableApplicationContext context;

	private RunningApplication(ConfigurableApplicationContext context) {
		this.context = context;
	}

	public static RunningApplication start(String... properties) {
		return start(new Class<?>[0], properties);
	}

	public static RunningApplication start(Class<?>[] configurations, String... properties) {
		List<Class<?>> sources = new ArrayList<>(List.of(Application.class));
		sources.addAll(List.of(configurations));
		SpringApplication application = new SpringApplication(sources.toArray(new Class<?>[0]));
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off"));
		for (String property : properties) {
			args.add("--" + property);
		}
		return new RunningApplication(application.run(args.toArray(new String[0])));
	}

	public String restClientGet(URI uri) {
		return this.context.getBean(RestClient.Builder.class).build().get().uri(uri).retrieve().body(String.class);
	}

	public String restTemplateGet(URI uri) {
		return this.context.getBean(RestTemplateBuilder.class).build().getForObject(uri, String.class);
	}

	public String webClientGet(URI uri) {
		return this.context.getBean(WebClient.Builder.class)
			.build()
			.get()
			.uri(uri)
			.retrieve()
			.bodyToMono(String.class)
			.block(Duration.ofSeconds(30));
	}

	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	public JsonNode json(String path) {
		HttpResponse<String> response = send(path, "GET");
		if (response.statusCode() != 200) {
			throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
		}
		return json.readTree(response.body());
	}

	public int status(String path, String method) {
		return send(path, method).statusCode();
	}

	private HttpResponse<String> send(String path, String method) {
		int port = ((WebServerApplicationContext) this.context).getWebServer().getPort();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.method(method, BodyPublishers.noBody())
			.build();
		try {
			return http.send(request, BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.context.close();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Application {

	}

}
