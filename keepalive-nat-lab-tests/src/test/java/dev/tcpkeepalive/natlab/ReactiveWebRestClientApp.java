package dev.tcpkeepalive.natlab;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.web.client.RestClient;

/**
 * Lab client: one GET through the auto-configured {@link RestClient.Builder} inside a
 * reactive web application, where Boot applies no request factory customizer of its own.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
class ReactiveWebRestClientApp {

	public static void main(String[] args) {
		LabClientMain.run(ReactiveWebRestClientApp.class, WebApplicationType.REACTIVE, args,
				(context, target) -> context.getBean(RestClient.Builder.class)
					.build()
					.get()
					.uri(target)
					.retrieve()
					.body(String.class));
	}

}
