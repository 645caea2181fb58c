package dev.tcpkeepalive.httpcomponents;

import java.util.Objects;

import dev.tcpkeepalive.TcpKeepAliveSettings;
import org.apache.hc.core5.reactor.IOReactorConfig;

/**
 * Keepalive for the async HttpClient 5 client, through its {@link IOReactorConfig}.
 * <p>
 * All four values are always set together: httpcore5 5.3.6 applies TCP_KEEPCNT only when
 * an interval is set and fails every connection with {@code Invalid argument} when an
 * interval comes without a count.
 *
 * @since 0.1.0
 */
public final class KeepAliveIOReactorConfig {

	private KeepAliveIOReactorConfig() {
	}

	/**
	 * Return an {@link IOReactorConfig} carrying the keepalive settings and otherwise the
	 * library defaults.
	 * @param settings the keepalive settings
	 * @return the I/O reactor config
	 */
	public static IOReactorConfig of(TcpKeepAliveSettings settings) {
		return apply(settings, IOReactorConfig.custom()).build();
	}

	/**
	 * Apply the keepalive settings to an {@link IOReactorConfig.Builder}, leaving its
	 * other values alone; start from {@link IOReactorConfig#copy(IOReactorConfig)} to
	 * keep an existing config.
	 * @param settings the keepalive settings
	 * @param builder the builder to change
	 * @return the same builder
	 */
	public static IOReactorConfig.Builder apply(TcpKeepAliveSettings settings, IOReactorConfig.Builder builder) {
		Objects.requireNonNull(settings, "'settings' must not be null");
		Objects.requireNonNull(builder, "'builder' must not be null");
		return builder.setSoKeepAlive(true)
			.setTcpKeepIdle(settings.idleSeconds())
			.setTcpKeepInterval(settings.intervalSeconds())
			.setTcpKeepCount(settings.count());
	}

}
