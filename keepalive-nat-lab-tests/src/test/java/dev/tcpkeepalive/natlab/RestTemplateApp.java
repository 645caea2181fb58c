package dev.tcpkeepalive.natlab;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.restclient.RestTemplateBuilder;

/**
 * Lab client: one GET through a {@code RestTemplate} from the auto-configured
 * {@link RestTemplateBuilder}.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
class RestTemplateApp {

	public static void main(String[] args) {
		LabClientMain.run(RestTemplateApp.class, WebApplicationType.NONE, args, (context,
				target) -> context.getBean(RestTemplateBuilder.class).build().getForObject(target, String.class));
	}

}
