package dev.tcpkeepalive.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * Sample application whose RestClient, RestTemplate, WebClient and HTTP service clients
 * carry TCP keepalive.
 */
@SpringBootApplication
@ImportHttpServices(group = "upstream", types = SlowUpstream.class)
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
