package dev.tcpkeepalive.autoconfigure;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.ClassUtils;

/**
 * {@link EnvironmentPostProcessor} of the starter, which hands the environment to
 * {@link AzureSdkHttpClientSelection} when azure-core is on the class path.
 * <p>
 * Every class registered in {@code spring.factories} is loaded in every application, so
 * this one names no library type, and an application without azure-core loads none of the
 * starter's Azure SDK classes.
 *
 * @since 0.1.0
 */
public class TcpKeepAliveEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	private static final String AZURE_CORE = "com.azure.core.http.HttpClientProvider";

	private final DeferredLogFactory logFactory;

	public TcpKeepAliveEnvironmentPostProcessor(DeferredLogFactory logFactory) {
		this.logFactory = logFactory;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (ClassUtils.isPresent(AZURE_CORE, application.getClassLoader())) {
			new AzureSdkHttpClientSelection(this.logFactory).postProcessEnvironment(environment, application);
		}
	}

	@Override
	public int getOrder() {
		// After the config data processor, so that application.properties can switch the
		// starter off
		return Ordered.LOWEST_PRECEDENCE;
	}

}
