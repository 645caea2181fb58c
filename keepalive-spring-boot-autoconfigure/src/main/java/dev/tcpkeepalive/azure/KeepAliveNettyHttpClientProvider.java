package dev.tcpkeepalive.azure;

import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpClientProvider;
import com.azure.core.util.Configuration;
import com.azure.core.util.HttpClientOptions;
import org.jspecify.annotations.Nullable;

/**
 * {@link HttpClientProvider} that builds azure-core-http-netty's client exactly as its
 * own provider does, on a Reactor Netty client whose connections carry the keepalive
 * settings of {@link AzureSdkDefaults}.
 * <p>
 * Registered in {@code META-INF/services}; select it with the
 * {@code AZURE_HTTP_CLIENT_IMPLEMENTATION} system property or environment variable set to
 * this class's name, which the starter does for Spring Boot applications. Without
 * installed settings its clients are those of azure-core-http-netty, with observation
 * only.
 *
 * @since 0.1.0
 */
public final class KeepAliveNettyHttpClientProvider implements HttpClientProvider {

	private static final String CLIENT_SHARING = "AZURE_ENABLE_HTTP_CLIENT_SHARING";

	private static final boolean NETTY_PRESENT = isPresent("com.azure.core.http.netty.NettyAsyncHttpClientBuilder");

	private final boolean sharing;

	/**
	 * Create a provider that shares one client when
	 * {@code AZURE_ENABLE_HTTP_CLIENT_SHARING} is true, as azure-core-http-netty's
	 * provider does.
	 */
	public KeepAliveNettyHttpClientProvider() {
		this.sharing = Configuration.getGlobalConfiguration().get(CLIENT_SHARING, Boolean.FALSE);
	}

	@Override
	public HttpClient createInstance() {
		if (!NETTY_PRESENT) {
			return fallback().createInstance();
		}
		return this.sharing ? Shared.CLIENT : NettyClients.create(null);
	}

	@Override
	public HttpClient createInstance(@Nullable HttpClientOptions clientOptions) {
		if (clientOptions == null) {
			return createInstance();
		}
		if (!NETTY_PRESENT) {
			return fallback().createInstance(clientOptions);
		}
		return NettyClients.create(clientOptions);
	}

	// azure-core may pick this provider by class-path order; without
	// azure-core-http-netty the next one must serve
	private static HttpClientProvider fallback() {
		ServiceLoader<HttpClientProvider> loader = ServiceLoader.load(HttpClientProvider.class,
				HttpClientProvider.class.getClassLoader());
		for (ServiceLoader.Provider<HttpClientProvider> candidate : loader.stream().toList()) {
			try {
				if (candidate.type() != KeepAliveNettyHttpClientProvider.class) {
					return candidate.get();
				}
			}
			catch (ServiceConfigurationError | LinkageError ex) {
				// azure-core skips a provider that cannot load, and so does the fallback
			}
		}
		throw new IllegalStateException(
				"No HttpClientProvider besides " + KeepAliveNettyHttpClientProvider.class.getName()
						+ " is on the class path: add com.azure:azure-core-http-netty, which it builds on");
	}

	private static boolean isPresent(String className) {
		try {
			Class.forName(className, false, KeepAliveNettyHttpClientProvider.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

	/**
	 * The client shared by every SDK client with client sharing on, created on first use
	 * like azure-core-http-netty's.
	 */
	private static final class Shared {

		static final HttpClient CLIENT = NettyClients.create(null);

	}

}
