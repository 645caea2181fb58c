package dev.tcpkeepalive.natlab;

import java.net.URI;
import java.time.Duration;

import com.azure.core.http.policy.FixedDelayOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Lab client: {@code BlobContainerClient.exists()} on a container client bean built
 * without {@code .httpClient(...)}, against the lab server as a path-style account
 * (account {@code slow}, container {@code lab}); the slow request's query rides along as
 * the SAS token.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
class BlobContainerClientApp {

	public static void main(String[] args) {
		LabClientMain.run(BlobContainerClientApp.class, WebApplicationType.NONE, args,
				(context, target) -> "exists " + context.getBean(BlobContainerClient.class).exists());
	}

	@Bean
	BlobContainerClient blobContainerClient(Environment environment, ApplicationArguments arguments) {
		URI target = URI.create(arguments.getSourceArgs()[0]);
		BlobContainerClient container = new BlobContainerClientBuilder()
			.endpoint(target.getScheme() + "://" + target.getAuthority() + target.getPath() + "/lab")
			.sasToken(target.getRawQuery())
			.clientOptions(AzureSdkHttpClientApp.options(environment))
			// One try, as for every lab path: a retry would hide the lost response
			.retryOptions(new RetryOptions(new FixedDelayOptions(0, Duration.ofMillis(1))))
			.buildClient();
		System.out.println("CLIENT BlobContainerClient on "
				+ container.getHttpPipeline().getHttpClient().getClass().getSimpleName());
		return container;
	}

}
