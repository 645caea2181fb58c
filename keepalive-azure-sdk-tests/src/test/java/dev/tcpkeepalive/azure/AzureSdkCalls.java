package dev.tcpkeepalive.azure;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.FixedDelayOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import dev.tcpkeepalive.test.KernelSockets;
import dev.tcpkeepalive.test.LoopbackHttpServer;
import org.jspecify.annotations.Nullable;

/**
 * Real calls through the Azure SDK to a loopback server, and the keepalive the kernel
 * reports for their sockets.
 */
final class AzureSdkCalls {

	private static final Duration BLOCK = Duration.ofSeconds(30);

	private AzureSdkCalls() {
	}

	/**
	 * Send a GET through an azure-core client and return the response body.
	 */
	static String get(HttpClient client, URI uri) {
		try (HttpResponse response = client.send(new HttpRequest(HttpMethod.GET, uri.toURL())).block(BLOCK)) {
			return response.getBodyAsString().block(BLOCK);
		}
		catch (java.net.MalformedURLException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	/**
	 * Return a container client on the loopback server, path-style as for an IP address:
	 * account {@code hello}, which the server answers, and container {@code lab}.
	 * @param httpClient the SDK client to use, or {@code null} for the one azure-core
	 * creates
	 */
	static BlobContainerClient container(LoopbackHttpServer server, @Nullable HttpClient httpClient) {
		return container(server.uri("/hello"), httpClient);
	}

	/**
	 * Return a container client under the given account URI, path-style as for an IP
	 * address.
	 * @param account the URI of the account, for example
	 * {@code http://127.0.0.1:port/hello}
	 * @param httpClient the SDK client to use, or {@code null} for the one azure-core
	 * creates
	 */
	static BlobContainerClient container(URI account, @Nullable HttpClient httpClient) {
		BlobContainerClientBuilder builder = new BlobContainerClientBuilder().endpoint(account + "/lab")
			// One try: a failure must show, not be retried
			.retryOptions(new RetryOptions(new FixedDelayOptions(0, Duration.ofMillis(1))));
		return ((httpClient != null) ? builder.httpClient(httpClient) : builder).buildClient();
	}

	/**
	 * Return the established client sockets to the server, as the kernel reports them.
	 */
	static List<KernelSockets.Entry> sockets(LoopbackHttpServer server) {
		return KernelSockets.connectedTo(server.port());
	}

}
