package dev.tcpkeepalive.azure;

import java.net.URI;

import com.azure.core.http.HttpClient;
import dev.tcpkeepalive.actuate.TcpKeepAliveDescriptor.ClientDescriptor;
import dev.tcpkeepalive.actuate.TcpKeepAliveEndpoint;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * An application with the starter, run in a child JVM as a user's would be, with
 * azure-core's configuration not yet read: one {@code HttpClient.createDefault()} call
 * and one {@code BlobContainerClient.exists()} to the loopback server at the port given
 * as argument, then what the endpoint reports, as {@code AZURE-SDK} lines.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
class AzureSdkApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(AzureSdkApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		try (ConfigurableApplicationContext context = application.run("--spring.main.banner-mode=off",
				"--management.endpoints.web.exposure.include=tcpkeepalive")) {
			URI hello = URI.create("http://127.0.0.1:" + args[0] + "/hello");
			System.out.println("AZURE-SDK body " + AzureSdkCalls.get(HttpClient.createDefault(), hello));
			System.out.println("AZURE-SDK exists " + AzureSdkCalls.container(hello, null).exists());
			ClientDescriptor client = context.getBean(TcpKeepAliveEndpoint.class).client("azure-sdk");
			System.out.println("AZURE-SDK status " + client.status());
			System.out.println("AZURE-SDK observed " + client.observed());
			System.out.println("AZURE-SDK reason " + client.reason());
			System.out.println("AZURE-SDK property " + System.getProperty("AZURE_HTTP_CLIENT_IMPLEMENTATION"));
		}
		System.exit(0);
	}

}
