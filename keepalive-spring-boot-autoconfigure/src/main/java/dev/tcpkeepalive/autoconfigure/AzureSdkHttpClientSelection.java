package dev.tcpkeepalive.autoconfigure;

import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.ClassUtils;

/**
 * {@link EnvironmentPostProcessor} that makes azure-core use the starter's HTTP client
 * provider, unless the user chose one.
 * <p>
 * azure-core reads {@code AZURE_HTTP_CLIENT_IMPLEMENTATION} once, when the first SDK
 * {@code HttpClient} is created; without it the first provider on the class path wins.
 * Setting the system property while the environment is prepared comes before any SDK
 * client of the application's beans. Types are referred to by name, so that an
 * application without azure-core loads none of them. Run by
 * {@link TcpKeepAliveEnvironmentPostProcessor}, only when azure-core is on the class
 * path.
 *
 * @since 0.1.0
 */
public class AzureSdkHttpClientSelection implements EnvironmentPostProcessor, Ordered {

	static final String IMPLEMENTATION = "AZURE_HTTP_CLIENT_IMPLEMENTATION";

	static final String PROVIDER = "dev.tcpkeepalive.azure.KeepAliveNettyHttpClientProvider";

	static final String AZURE_SDK_ENABLED = "azure.tcp-keepalive.azure-sdk.enabled";

	private static final String AZURE_CORE = "com.azure.core.http.HttpClientProvider";

	private static final String AZURE_CORE_HTTP_NETTY = "com.azure.core.http.netty.NettyAsyncHttpClientBuilder";

	private final Log logger;

	public AzureSdkHttpClientSelection(DeferredLogFactory logFactory) {
		this.logger = logFactory.getLog(AzureSdkHttpClientSelection.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		ClassLoader classLoader = application.getClassLoader();
		if (!ClassUtils.isPresent(AZURE_CORE, classLoader) || !ClassUtils.isPresent(AZURE_CORE_HTTP_NETTY, classLoader)
				|| !environment.getProperty(TcpKeepAliveAutoConfiguration.ENABLED, Boolean.class, true)
				|| !environment.getProperty(AZURE_SDK_ENABLED, Boolean.class, true)) {
			return;
		}
		String chosen = userChoice();
		if (chosen != null) {
			// The user's choice wins; KeepAliveReporter reports it at startup when it is
			// not the starter's provider
			this.logger.debug("Azure SDK HTTP client provider chosen by the user: " + chosen);
			return;
		}
		System.setProperty(IMPLEMENTATION, PROVIDER);
		this.logger.debug("Azure SDK HTTP client provider set to " + PROVIDER);
	}

	/**
	 * Return the provider the user named, as azure-core reads it: system property first,
	 * then environment variable.
	 * @return the provider's class name, or {@code null} when the user named none
	 */
	static @Nullable String userChoice() {
		String property = System.getProperty(IMPLEMENTATION);
		return (property != null) ? property : System.getenv(IMPLEMENTATION);
	}

	@Override
	public int getOrder() {
		// After the config data processor, so that application.properties can switch the
		// starter off
		return Ordered.LOWEST_PRECEDENCE;
	}

}
