package dev.tcpkeepalive.natlab;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.web.client.RestClient;

/**
 * Lab client: one GET through the auto-configured {@link RestClient.Builder} (HttpClient
 * 5) in a non-web application.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
class RestClientApp {

	public static void main(String[] args) {
		RestClient[] client = new RestClient[1];
		LabClientMain.run(RestClientApp.class, WebApplicationType.NONE, args, (context, target) -> {
			if (client[0] == null) {
				// One client for all calls, so that the warm-up's pooled connection is
				// the one reused
				client[0] = context.getBean(RestClient.Builder.class).build();
			}
			return client[0].method(LabClientMain.method()).uri(target).retrieve().body(String.class);
		});
	}

}
