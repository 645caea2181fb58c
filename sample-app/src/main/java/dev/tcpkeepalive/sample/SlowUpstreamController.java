package dev.tcpkeepalive.sample;

import java.time.Duration;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A slow upstream inside the app, standing in for a remote service that takes its time to
 * answer.
 */
@RestController
class SlowUpstreamController {

	private static final long MAX_SECONDS = 600;

	@GetMapping("/upstream/slow")
	String slow(@RequestParam(defaultValue = "1") double seconds) throws InterruptedException {
		long millis = (long) (Math.min(Math.max(seconds, 0), MAX_SECONDS) * 1000);
		Thread.sleep(millis);
		return "answered after " + Duration.ofMillis(millis).toMillis() + "ms";
	}

}
