package dev.tcpkeepalive.natlab;

import java.net.URI;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * Lab client: one call through an {@code @HttpExchange} service client backed by
 * RestClient, with its base URL in {@code spring.http.serviceclient.lab.base-url} as an
 * application would configure it.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@ImportHttpServices(group = "lab", types = HttpServiceClientApp.SlowService.class)
class HttpServiceClientApp {

	public static void main(String[] args) {
		URI base = URI.create(args[0]);
		System.setProperty("spring.http.serviceclient.lab.base-url",
				base.getScheme() + "://" + base.getHost() + ":" + base.getPort());
		LabClientMain.run(HttpServiceClientApp.class, WebApplicationType.NONE, args, (context, target) -> {
			Map<String, String> query = Stream.of(target.getQuery().split("&"))
				.map((parameter) -> parameter.split("=", 2))
				.collect(Collectors.toMap((pair) -> pair[0], (pair) -> pair[1]));
			return context.getBean(SlowService.class).slow(query.get("seconds"), query.get("tag"));
		});
	}

	interface SlowService {

		@GetExchange("/slow")
		String slow(@RequestParam("seconds") String seconds, @RequestParam("tag") String tag);

	}

}
