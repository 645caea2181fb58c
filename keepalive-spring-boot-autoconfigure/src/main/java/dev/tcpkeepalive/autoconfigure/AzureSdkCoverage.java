package dev.tcpkeepalive.autoconfigure;

import java.util.List;
import java.util.ServiceLoader;

import com.azure.core.http.HttpClientProvider;
import com.azure.core.util.Configuration;
import dev.tcpkeepalive.observe.ClientCoverage;
import dev.tcpkeepalive.observe.ClientPath;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * Decides what the starter did for the Azure SDK's clients, from the provider azure-core really selects.
 * <p>
 * Only loaded once azure-core is known to be present.
 */
final class AzureSdkCoverage {

	private static final String FIX = "unset AZURE_HTTP_CLIENT_IMPLEMENTATION (the starter then selects its own "
			+ "provider) or set it to " + AzureSdkHttpClientSelection.PROVIDER + ", and keep "
			+ "com.azure:azure-core-http-netty on the class path; an SDK client given .httpClient(...) needs "
			+ "AzureSdkKeepAlive.builder(settings, reactorNettyClient)";

	private AzureSdkCoverage() {
	}

	static ClientCoverage decide(TcpKeepAliveProperties properties, List<String> usedBy,
			@Nullable ClassLoader applicationClassLoader) {
		if (!properties.getAzureSdk().isEnabled()) {
			return ClientCoverage.disabled(ClientPath.AZURE_SDK, usedBy,
					AzureSdkHttpClientSelection.AZURE_SDK_ENABLED + "=false");
		}
		if (!ClassUtils.isPresent("com.azure.core.http.netty.NettyAsyncHttpClientBuilder", applicationClassLoader)) {
			return ClientCoverage.notCovered(ClientPath.AZURE_SDK, usedBy,
					"azure-core-http-netty is not on the class path, so the SDK uses another HTTP client, which has no "
							+ "keepalive API the starter can reach: add com.azure:azure-core-http-netty");
		}
		// azure-core caches this value the first time it is read, so this is the value it used or will use
		String selected = Configuration.getGlobalConfiguration().get(AzureSdkHttpClientSelection.IMPLEMENTATION);
		String effective = (selected != null) ? selected : firstProvider(HttpClientProvider.class.getClassLoader());
		if (AzureSdkHttpClientSelection.PROVIDER.equals(effective)) {
			return ClientCoverage.applied(ClientPath.AZURE_SDK, usedBy);
		}
		String how = (selected != null) ? "selected by AZURE_HTTP_CLIENT_IMPLEMENTATION"
				: "first on the class path, because azure-core chose its provider before the application started";
		return ClientCoverage.notCovered(ClientPath.AZURE_SDK, usedBy,
				"Azure SDK clients use the HTTP client provider %s (%s), which the starter cannot configure: %s"
					.formatted(effective, how, FIX));
	}

	// azure-core's own default: the first provider its ServiceLoader finds, with the class loader of azure-core
	private static @Nullable String firstProvider(ClassLoader classLoader) {
		return ServiceLoader.load(HttpClientProvider.class, classLoader)
			.stream()
			.findFirst()
			.map((provider) -> provider.type().getName())
			.orElse(null);
	}

}
