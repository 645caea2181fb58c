package dev.tcpkeepalive.sample;

import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.util.UriBuilderFactory;

/**
 * The slow upstream as an HTTP service client.
 */
interface SlowUpstream {

	// The factory carries the upstream's base URL, which is only known once the server
	// has its port
	@GetExchange("/upstream/slow")
	String slow(UriBuilderFactory upstream, @RequestParam double seconds);

}
