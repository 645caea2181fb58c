package dev.tcpkeepalive.azure;

import dev.tcpkeepalive.autoconfigure.AzureSdkHttpClientSelection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.test.context.support.TestPropertySourceUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AzureSdkHttpClientSelection}, on the real JVM-global system property,
 * restored after each test.
 */
class AzureSdkHttpClientSelectionTests {

	private static final String IMPLEMENTATION = "AZURE_HTTP_CLIENT_IMPLEMENTATION";

	private static final String PROVIDER = KeepAliveNettyHttpClientProvider.class.getName();

	private static final String OK_HTTP_PROVIDER = "com.azure.core.http.okhttp.OkHttpAsyncClientProvider";

	private String saved;

	@BeforeEach
	void clearProperty() {
		this.saved = System.getProperty(IMPLEMENTATION);
		System.clearProperty(IMPLEMENTATION);
	}

	@AfterEach
	void restoreProperty() {
		if (this.saved != null) {
			System.setProperty(IMPLEMENTATION, this.saved);
		}
		else {
			System.clearProperty(IMPLEMENTATION);
		}
	}

	@Test
	void whenTheUserChoseNoProviderThenTheStartersIsSelected() {
		postProcess(new SpringApplication());
		assertThat(System.getProperty(IMPLEMENTATION)).isEqualTo(PROVIDER);
	}

	@Test
	void aProviderTheUserChoseIsLeftAlone() {
		System.setProperty(IMPLEMENTATION, OK_HTTP_PROVIDER);
		postProcess(new SpringApplication());
		assertThat(System.getProperty(IMPLEMENTATION)).isEqualTo(OK_HTTP_PROVIDER);
	}

	@Test
	void whenTheAzureSdkPathIsDisabledThenNoProviderIsSelected() {
		postProcess(new SpringApplication(), "azure.tcp-keepalive.azure-sdk.enabled=false");
		assertThat(System.getProperty(IMPLEMENTATION)).isNull();
	}

	@Test
	void whenKeepAliveIsDisabledThenNoProviderIsSelected() {
		postProcess(new SpringApplication(), "azure.tcp-keepalive.enabled=false");
		assertThat(System.getProperty(IMPLEMENTATION)).isNull();
	}

	@Test
	void whenAzureCoreIsAbsentThenNoProviderIsSelected() {
		SpringApplication application = new SpringApplication();
		application.setResourceLoader(new DefaultResourceLoader(new FilteredClassLoader("com.azure.core.")));
		postProcess(application);
		assertThat(System.getProperty(IMPLEMENTATION)).isNull();
	}

	@Test
	void whenAzureCoreHttpNettyIsAbsentThenNoProviderIsSelected() {
		SpringApplication application = new SpringApplication();
		application.setResourceLoader(new DefaultResourceLoader(new FilteredClassLoader("com.azure.core.http.netty.")));
		postProcess(application);
		assertThat(System.getProperty(IMPLEMENTATION)).isNull();
	}

	private static void postProcess(SpringApplication application, String... properties) {
		StandardEnvironment environment = new StandardEnvironment();
		TestPropertySourceUtils.addInlinedPropertiesToEnvironment(environment, properties);
		new AzureSdkHttpClientSelection(new DeferredLogs()).postProcessEnvironment(environment, application);
	}

}
