package dev.tcpkeepalive.autoconfigure;

import java.util.concurrent.atomic.AtomicBoolean;

import dev.tcpkeepalive.client.KeepAliveReport;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Logs the {@link KeepAliveReport} once the application is ready, and hands the report,
 * built on first use, to the endpoint and the meter binder.
 * <p>
 * Logs one INFO line with the settings and the covered clients, and one WARN line per
 * client that is not covered or only partially covered, naming the fix. Both wait for
 * {@link ApplicationReadyEvent}, so that detecting clients, deciding their status and
 * probing the platform add nothing to the application's startup. Its methods name no
 * report type: Spring introspects them at startup, which would load those types.
 */
final class KeepAliveReporter implements ApplicationListener<ApplicationReadyEvent> {

	private static final Log logger = LogFactory.getLog(KeepAliveReporter.class);

	private final KeepAliveReports reports;

	private final AtomicBoolean logged = new AtomicBoolean();

	KeepAliveReporter(KeepAliveReports reports) {
		this.reports = reports;
	}

	/**
	 * Return the report, built on first use.
	 * @return the report's supplier, which also finds Reactor Netty's transport
	 */
	KeepAliveReports reports() {
		return this.reports;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		// Once, also when a child context (a separate management port) publishes its own
		// event
		if (this.logged.compareAndSet(false, true)) {
			this.reports.log(logger);
		}
	}

}
