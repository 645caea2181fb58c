package dev.tcpkeepalive.autoconfigure;

import java.util.ServiceLoader;

import com.azure.core.http.HttpClientProvider;
import com.azure.core.util.Configuration;
import org.jspecify.annotations.Nullable;

/**
 * Finds out whether azure-core really uses the starter's HTTP client provider.
 * <p>
 * Only loaded once azure-core is known to be present.
 */
final class AzureSdkProviderCheck {

	static final String NO_AZURE_CORE_HTTP_NETTY = "azure-core-http-netty is not on the class path, so the SDK uses "
			+ "another HTTP client, which has no keepalive API the starter can reach: "
			+ "add com.azure:azure-core-http-netty";

	private static final String FIX = "unset AZURE_HTTP_CLIENT_IMPLEMENTATION (the starter then selects its own "
			+ "provider) or set it to " + AzureSdkHttpClientSelection.PROVIDER + ", keep "
			+ "com.azure:azure-core-http-netty, and create SDK clients once the application has started; an SDK client "
			+ "given .httpClient(...) needs AzureSdkKeepAlive.builder(settings, reactorNettyClient)";

	private AzureSdkProviderCheck() {
	}

	/**
	 * Return why azure-core does not use the starter's provider.
	 * @return the reason with the fix, or {@code null} when it uses the starter's
	 * provider
	 */
	static @Nullable String notSelectedReason() {
		// azure-core caches this value the first time it is read, so this is the value it
		// used or will use
		String selected = Configuration.getGlobalConfiguration().get(AzureSdkHttpClientSelection.IMPLEMENTATION);
		String effective = (selected != null) ? selected : firstProvider();
		if (AzureSdkHttpClientSelection.PROVIDER.equals(effective)) {
			return null;
		}
		String how = (selected != null) ? "selected by AZURE_HTTP_CLIENT_IMPLEMENTATION"
				: "first on the class path, because azure-core chose its provider before the application started";
		return "Azure SDK clients use the HTTP client provider %s (%s), which the starter cannot configure: %s"
			.formatted(effective, how, FIX);
	}

	// azure-core's own default: the first provider its ServiceLoader finds, with
	// azure-core's class loader
	private static @Nullable String firstProvider() {
		return ServiceLoader.load(HttpClientProvider.class, HttpClientProvider.class.getClassLoader())
			.stream()
			.findFirst()
			.map((provider) -> provider.type().getName())
			.orElse(null);
	}

}
