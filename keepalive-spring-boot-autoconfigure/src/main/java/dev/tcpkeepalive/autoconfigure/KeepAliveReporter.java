package dev.tcpkeepalive.autoconfigure;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.tcpkeepalive.NatIdleTimeout;
import dev.tcpkeepalive.TcpKeepAliveSettings;
import dev.tcpkeepalive.client.Client;
import dev.tcpkeepalive.client.KeepAliveReport;
import dev.tcpkeepalive.reactor.NettyTransport;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.PropertyResolver;

/**
 * Builds the {@link KeepAliveReport} once the application is ready, or when the endpoint
 * first asks, from the clients the application uses and the customizers of the starter
 * that really ran.
 * <p>
 * Logs one INFO line with the settings and the covered clients, and one WARN line per
 * client that is not covered or only partially covered, naming the fix. Both wait for
 * {@link ApplicationReadyEvent}, so that detecting clients, deciding their status and
 * probing the platform add nothing to the application's startup.
 */
final class KeepAliveReporter implements ApplicationListener<ApplicationReadyEvent> {

	private static final Log logger = LogFactory.getLog(KeepAliveReporter.class);

	private final boolean enabled;

	private final TcpKeepAliveSettings settings;

	private final NatIdleTimeout natIdleTimeout;

	private final PropertyResolver properties;

	private final ListableBeanFactory beanFactory;

	private final @Nullable ClassLoader classLoader;

	private final Set<Client> customized = ConcurrentHashMap.newKeySet();

	private final AtomicBoolean logged = new AtomicBoolean();

	// Finding the transport loads Netty's native library (about half a second), so it is
	// only done when needed
	private volatile @Nullable Optional<NettyTransport> nettyTransport;

	private volatile @Nullable KeepAliveReport report;

	KeepAliveReporter(boolean enabled, TcpKeepAliveSettings settings, NatIdleTimeout natIdleTimeout,
			PropertyResolver properties, ListableBeanFactory beanFactory, @Nullable ClassLoader classLoader) {
		this.enabled = enabled;
		this.settings = settings;
		this.natIdleTimeout = natIdleTimeout;
		this.properties = properties;
		this.beanFactory = beanFactory;
		this.classLoader = classLoader;
	}

	/**
	 * Record that the starter's keepalive customizer for a client ran, so the client can
	 * be reported as applied.
	 * @param client the client
	 */
	void customized(Client client) {
		this.customized.add(client);
	}

	/**
	 * Return what the starter asked of a client's sockets. Its customizer only exists
	 * when keepalive and the client's switch are on, so having run is the whole answer.
	 * @param client the client
	 * @return the settings, or {@code null} when the starter asked nothing of the client
	 */
	@Nullable TcpKeepAliveSettings asked(Client client) {
		return (this.enabled && this.customized.contains(client)) ? this.settings : null;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		// Once, also when a child context (a separate management port) publishes its own
		// event
		if (!this.logged.compareAndSet(false, true)) {
			return;
		}
		KeepAliveReports.log(report(), logger);
	}

	KeepAliveReport report() {
		KeepAliveReport report = this.report;
		if (report == null) {
			report = KeepAliveReports.build(this.enabled, this.settings, this.natIdleTimeout, this.properties,
					Set.copyOf(this.customized), this.beanFactory, this.classLoader, this::nettyTransport);
			this.report = report;
		}
		return report;
	}

	@Nullable NettyTransport nettyTransport() {
		Optional<NettyTransport> transport = this.nettyTransport;
		if (transport == null) {
			transport = Optional.ofNullable(NettyTransportDetection.detect(this.classLoader));
			this.nettyTransport = transport;
		}
		return transport.orElse(null);
	}

}
