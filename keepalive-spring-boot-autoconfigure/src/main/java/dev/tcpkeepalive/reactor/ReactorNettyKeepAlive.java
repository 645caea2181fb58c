package dev.tcpkeepalive.reactor;

import java.net.SocketAddress;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;

import dev.tcpkeepalive.TcpKeepAliveSettings;
import dev.tcpkeepalive.observe.ObservedKeepAlive;
import io.netty.channel.Channel;
import io.netty.channel.ChannelConfig;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.client.HttpClient;

/**
 * Keepalive for a Reactor Netty {@link HttpClient}, with the options of the transport each channel really uses.
 * <p>
 * Options of another transport are not applied and make Reactor Netty log {@code Unknown channel option}, so the
 * idle, interval, count and user timeout are chosen per channel, after its transport is known and before it
 * connects.
 *
 * @since 0.1.0
 */
public final class ReactorNettyKeepAlive {

	private ReactorNettyKeepAlive() {
	}

	/**
	 * Return a client whose connections carry the keepalive settings, keeping everything else the client has.
	 * @param settings the keepalive settings
	 * @param client the client, for example one handed to an SDK
	 * @return a client that applies the settings to every new connection
	 */
	public static HttpClient apply(TcpKeepAliveSettings settings, HttpClient client) {
		Objects.requireNonNull(settings, "'settings' must not be null");
		Objects.requireNonNull(client, "'client' must not be null");
		return client.option(ChannelOption.SO_KEEPALIVE, true)
			.doOnChannelInit((observer, channel, remoteAddress) -> apply(settings, channel));
	}

	/**
	 * Apply the idle, interval, count and user timeout to a channel that is not connected yet, as far as its transport
	 * allows.
	 * @param settings the keepalive settings
	 * @param channel the channel
	 * @return whether every setting was applied; {@code false} when the transport cannot carry one of them
	 */
	public static boolean apply(TcpKeepAliveSettings settings, Channel channel) {
		TransportOptions options = TransportOptions.of(NettyTransport.of(channel));
		if (options == null) {
			return false;
		}
		ChannelConfig config = channel.config();
		boolean applied = config.setOption(options.idle(), settings.idleSeconds())
				& config.setOption(options.interval(), settings.intervalSeconds())
				& config.setOption(options.count(), settings.count());
		Integer userTimeout = settings.userTimeoutMillis();
		if (userTimeout != null) {
			applied &= options.userTimeout() != null && config.setOption(options.userTimeout(), userTimeout);
		}
		return applied;
	}

	/**
	 * Return a client that reads back the keepalive options of every new connection once it is connected.
	 * <p>
	 * The observer runs on the event loop once per connection, not per request, and gets a value that holds no
	 * reference to the channel.
	 * @param client the client
	 * @param observer receives what each new connection carries
	 * @return a client that observes its connections
	 */
	public static HttpClient observe(HttpClient client, Consumer<ObservedKeepAlive> observer) {
		Objects.requireNonNull(client, "'client' must not be null");
		Objects.requireNonNull(observer, "'observer' must not be null");
		// doOnConnected also fires on every acquisition of a pooled connection; channelActive fires once per socket
		return client.doOnChannelInit(
				(connectionObserver, channel, remoteAddress) -> channel.pipeline().addFirst(new Observing(observer)));
	}

	/**
	 * Read the keepalive options a channel carries, with the options of its transport.
	 * @param channel the channel
	 * @return what the channel carries; values its transport cannot read are {@code null}
	 */
	public static ObservedKeepAlive read(Channel channel) {
		ChannelConfig config = channel.config();
		TransportOptions options = TransportOptions.of(NettyTransport.of(channel));
		boolean keepAlive = Boolean.TRUE.equals(config.getOption(ChannelOption.SO_KEEPALIVE));
		SocketAddress remote = channel.remoteAddress();
		return new ObservedKeepAlive(keepAlive, option(config, (options != null) ? options.idle() : null),
				option(config, (options != null) ? options.interval() : null),
				option(config, (options != null) ? options.count() : null),
				option(config, (options != null) ? options.userTimeout() : null),
				(remote != null) ? remote.toString() : null, Instant.now());
	}

	private static @Nullable Integer option(ChannelConfig config, @Nullable ChannelOption<Integer> option) {
		return (option != null) ? config.getOption(option) : null;
	}

	/**
	 * Reads a channel's options once it is connected, then leaves its pipeline.
	 */
	private static final class Observing extends ChannelInboundHandlerAdapter {

		private final Consumer<ObservedKeepAlive> observer;

		Observing(Consumer<ObservedKeepAlive> observer) {
			this.observer = observer;
		}

		@Override
		public void channelActive(ChannelHandlerContext context) {
			try {
				this.observer.accept(read(context.channel()));
			}
			catch (RuntimeException ex) {
				// Observation is diagnostics only and must never break a connection
			}
			context.fireChannelActive();
			context.pipeline().remove(this);
		}

	}

}
