package dev.tcpkeepalive.httpcomponents;

import java.util.Objects;
import java.util.function.Consumer;

import dev.tcpkeepalive.TcpKeepAliveSettings;
import org.apache.hc.core5.http.io.SocketConfig;

/**
 * Keepalive for the classic HttpClient 5 client, through its {@link SocketConfig}.
 * <p>
 * All four values are always set: httpcore5 5.4 turns keepalive on by default at 5s/5s/3,
 * so relying on the library default would silently change with an upgrade.
 *
 * @since 0.1.0
 */
public final class KeepAliveSocketConfig implements Consumer<SocketConfig.Builder> {

	private final TcpKeepAliveSettings settings;

	private KeepAliveSocketConfig(TcpKeepAliveSettings settings) {
		this.settings = settings;
	}

	/**
	 * Return a customizer that puts the keepalive settings on a {@link SocketConfig}
	 * builder, for example for Boot's {@code withSocketConfigCustomizer}.
	 * @param settings the keepalive settings
	 * @return the customizer
	 */
	public static Consumer<SocketConfig.Builder> customizer(TcpKeepAliveSettings settings) {
		return new KeepAliveSocketConfig(Objects.requireNonNull(settings, "'settings' must not be null"));
	}

	@Override
	public void accept(SocketConfig.Builder builder) {
		apply(this.settings, builder);
	}

	/**
	 * Return a {@link SocketConfig} carrying the keepalive settings, for a connection
	 * manager built by hand.
	 * @param settings the keepalive settings
	 * @return the socket config
	 */
	public static SocketConfig of(TcpKeepAliveSettings settings) {
		return apply(settings, SocketConfig.custom()).build();
	}

	/**
	 * Apply the keepalive settings to a {@link SocketConfig.Builder}, leaving its other
	 * values alone.
	 * @param settings the keepalive settings
	 * @param builder the builder to change
	 * @return the same builder
	 */
	public static SocketConfig.Builder apply(TcpKeepAliveSettings settings, SocketConfig.Builder builder) {
		Objects.requireNonNull(settings, "'settings' must not be null");
		Objects.requireNonNull(builder, "'builder' must not be null");
		return builder.setSoKeepAlive(true)
			.setTcpKeepIdle(settings.idleSeconds())
			.setTcpKeepInterval(settings.intervalSeconds())
			.setTcpKeepCount(settings.count());
	}

}
