package dev.tcpkeepalive.natlab;

import java.time.Duration;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import com.azure.core.util.HttpClientOptions;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Lab client: one GET through {@code HttpClient.createDefault(HttpClientOptions)}, the
 * client every azure-core SDK client builder creates when it is not given one, with the
 * lab's read timeout as response timeout. The client is a bean, created with the context
 * as an application's SDK clients are.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
class AzureSdkHttpClientApp {

	public static void main(String[] args) {
		LabClientMain.run(AzureSdkHttpClientApp.class, WebApplicationType.NONE, args, (context, target) -> {
			HttpRequest request = new HttpRequest(HttpMethod.GET, target.toURL());
			try (HttpResponse response = context.getBean(HttpClient.class).sendSync(request, Context.NONE)) {
				return response.getBodyAsBinaryData().toString();
			}
		});
	}

	@Bean
	HttpClient azureHttpClient(Environment environment) {
		HttpClient client = HttpClient.createDefault(options(environment));
		System.out.println("CLIENT " + client.getClass().getSimpleName());
		return client;
	}

	static HttpClientOptions options(Environment environment) {
		Duration timeout = environment.getRequiredProperty("spring.http.clients.read-timeout", Duration.class);
		return new HttpClientOptions().setResponseTimeout(timeout).setReadTimeout(timeout);
	}

}
