package dev.tcpkeepalive.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.core.type.MethodMetadata;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for what all of the starter's beans have in common.
 */
class StarterBeansTests {

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(HttpClientsContext.AUTO_CONFIGURATIONS)
		.withConfiguration(AutoConfigurations.of(ReactiveWebRestClientAutoConfiguration.class,
				TcpKeepAliveEndpointAutoConfiguration.class, TcpKeepAliveMetricsAutoConfiguration.class))
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
		.withPropertyValues("management.endpoints.web.exposure.include=tcpkeepalive");

	// Spring Cloud Function, and Spring Cloud Stream through it, take every such bean for
	// one of the application's functions: a single function of the application's own
	// would no longer be bound by default, and such a bean could be exposed over HTTP
	@Test
	void noBeanOfTheStarterIsAFunctionConsumerOrSupplier() {
		this.runner.run((context) -> {
			ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
			List<String> starterBeans = new ArrayList<>();
			List<String> functional = new ArrayList<>();
			for (String name : beanFactory.getBeanDefinitionNames()) {
				Object bean = beanFactory.getBean(name);
				if (isStarterBean(beanFactory.getBeanDefinition(name), bean)) {
					starterBeans.add(name);
					if (bean instanceof Function || bean instanceof Consumer || bean instanceof Supplier
							|| bean instanceof BiFunction) {
						functional.add(name + " (" + bean.getClass().getName() + ")");
					}
				}
			}
			assertThat(starterBeans).contains("httpComponentsTcpKeepAliveCustomizer",
					"httpComponentsTcpKeepAliveObserver", "httpComponentsAsyncTcpKeepAliveCustomizer",
					"reactorNettyTcpKeepAliveCustomizer", "jettyTcpKeepAliveCustomizer", "tcpKeepAliveReporter",
					"tcpKeepAliveObservations", "tcpKeepAliveEndpoint", "tcpKeepAliveMeterBinder");
			assertThat(functional).isEmpty();
		});
	}

	private static boolean isStarterBean(BeanDefinition definition, Object bean) {
		String className = bean.getClass().getName();
		if (definition instanceof AnnotatedBeanDefinition annotated) {
			MethodMetadata factoryMethod = annotated.getFactoryMethodMetadata();
			if (factoryMethod != null) {
				className = factoryMethod.getDeclaringClassName();
			}
		}
		return className.startsWith("dev.tcpkeepalive.");
	}

}
