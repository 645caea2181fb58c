package dev.tcpkeepalive.reactor;

import java.net.SocketAddress;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import dev.tcpkeepalive.TcpKeepAliveSettings;
import dev.tcpkeepalive.observe.ObservedKeepAlive;
import io.netty.channel.Channel;
import io.netty.channel.ChannelConfig;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.SocketChannel;
import org.jspecify.annotations.Nullable;
import reactor.netty.ChannelPipelineConfigurer;
import reactor.netty.ConnectionObserver;
import reactor.netty.http.client.HttpClient;

/**
 * Keepalive for a Reactor Netty {@link HttpClient}, with the options of the transport
 * each channel really uses.
 * <p>
 * Options of another transport are not applied and make Reactor Netty log
 * {@code Unknown channel option}, so the idle, interval, count and user timeout are
 * chosen per channel, after its transport is known and before it connects.
 *
 * @since 0.1.0
 */
public final class ReactorNettyKeepAlive {

	private ReactorNettyKeepAlive() {
	}

	/**
	 * Return a client whose connections carry the keepalive settings, keeping everything
	 * else the client has.
	 * <p>
	 * Only TCP channels are touched: a Unix domain socket has no NAT to keep alive and
	 * accepts none of the options. A keepalive option the client sets itself with
	 * {@code option(...)}, before or after this call, wins over the settings; the others
	 * still apply.
	 * @param settings the keepalive settings
	 * @param client the client, for example one handed to an SDK
	 * @return a client that applies the settings to every new connection
	 */
	public static HttpClient apply(TcpKeepAliveSettings settings, HttpClient client) {
		Objects.requireNonNull(settings, "'settings' must not be null");
		Objects.requireNonNull(client, "'client' must not be null");
		return new ChannelInit(settings, Set.of(), null).apply(client);
	}

	/**
	 * Return a customizer, for example for Boot's {@code withHttpClientCustomizer}, that
	 * does what {@link #apply(TcpKeepAliveSettings, HttpClient) apply} and
	 * {@link #observe(HttpClient, Consumer) observe} do, with one callback per new
	 * channel.
	 * @param settings the keepalive settings, or {@code null} to only observe
	 * @param observer receives what each new connection carries
	 * @return the customizer
	 */
	public static UnaryOperator<HttpClient> customizer(@Nullable TcpKeepAliveSettings settings,
			Consumer<ObservedKeepAlive> observer) {
		Objects.requireNonNull(observer, "'observer' must not be null");
		return new ChannelInit(settings, Set.of(), observer);
	}

	/**
	 * Apply SO_KEEPALIVE, the idle, interval, count and user timeout to a TCP channel
	 * that is not connected yet, as far as its transport allows.
	 * @param settings the keepalive settings
	 * @param channel the channel
	 * @return whether every setting was applied; {@code false} when the transport cannot
	 * carry one of them or the channel is not a TCP channel
	 */
	public static boolean apply(TcpKeepAliveSettings settings, Channel channel) {
		return apply(settings, channel, Set.of());
	}

	private static boolean apply(TcpKeepAliveSettings settings, Channel channel, Set<ChannelOption<?>> userOptions) {
		if (!(channel instanceof SocketChannel)) {
			return false;
		}
		ChannelConfig config = channel.config();
		boolean applied = set(config, ChannelOption.SO_KEEPALIVE, true, userOptions);
		TransportOptions options = TransportOptions.of(NettyTransport.of(channel));
		if (options == null) {
			return false;
		}
		applied &= set(config, options.idle(), settings.idleSeconds(), userOptions)
				& set(config, options.interval(), settings.intervalSeconds(), userOptions)
				& set(config, options.count(), settings.count(), userOptions);
		Integer userTimeout = settings.userTimeoutMillis();
		if (userTimeout != null) {
			applied &= options.userTimeout() != null && set(config, options.userTimeout(), userTimeout, userOptions);
		}
		return applied;
	}

	private static <T> boolean set(ChannelConfig config, ChannelOption<T> option, T value,
			Set<ChannelOption<?>> userOptions) {
		// The user's own value is already on the socket and stays there
		return ClientChannelOptions.carries(userOptions, option) || config.setOption(option, value);
	}

	/**
	 * Return a client that reads back the keepalive options of every new TCP connection
	 * once it is connected.
	 * <p>
	 * The observer runs on the event loop once per connection, not per request, and gets
	 * a value that holds no reference to the channel.
	 * @param client the client
	 * @param observer receives what each new connection carries
	 * @return a client that observes its connections
	 */
	public static HttpClient observe(HttpClient client, Consumer<ObservedKeepAlive> observer) {
		Objects.requireNonNull(client, "'client' must not be null");
		Objects.requireNonNull(observer, "'observer' must not be null");
		return new ChannelInit(null, Set.of(), observer).apply(client);
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
	 * Applies the settings to a new channel and adds the handler that observes it, either
	 * or both: one class for both, and for the client customizer that installs it, rather
	 * than a lambda each, as every lambda is a class of its own.
	 * <p>
	 * Equal by value, with the hash computed once, on first use: Reactor Netty puts a
	 * client's channel callback into the key of its connection pool and hashes it on
	 * every acquisition, so two clients built with the same settings must share their
	 * pool rather than each opening its own connections. Not at construction, which
	 * happens at startup: hashing the settings record is its first use of the JDK's
	 * record methods, whose bootstrap costs more than everything else this class does
	 * then.
	 */
	private static final class ChannelInit implements ChannelPipelineConfigurer, UnaryOperator<HttpClient> {

		private final @Nullable TcpKeepAliveSettings settings;

		// The keepalive options the client itself set before the settings
		private final Set<ChannelOption<?>> preset;

		private final @Nullable Consumer<ObservedKeepAlive> observer;

		// 0 until first asked for, like String's: racy but idempotent
		private int hash;

		ChannelInit(@Nullable TcpKeepAliveSettings settings, Set<ChannelOption<?>> preset,
				@Nullable Consumer<ObservedKeepAlive> observer) {
			this.settings = settings;
			this.preset = preset;
			this.observer = observer;
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return this == other || (other instanceof ChannelInit init && hashCode() == init.hashCode()
					&& Objects.equals(this.settings, init.settings) && this.preset.equals(init.preset)
					&& Objects.equals(this.observer, init.observer));
		}

		@Override
		public int hashCode() {
			int hash = this.hash;
			if (hash == 0) {
				hash = Objects.hash(this.settings, this.preset, this.observer);
				this.hash = hash;
			}
			return hash;
		}

		@Override
		public HttpClient apply(HttpClient client) {
			Objects.requireNonNull(client, "'client' must not be null");
			// The options the client already carries are the user's, and stay. The
			// settings are set per channel rather than as client options, which Reactor
			// Netty would also try on a domain socket. doOnConnected would also fire on
			// every acquisition of a pooled connection; channel init fires once per
			// socket.
			Set<ChannelOption<?>> preset = (this.settings != null)
					? Set.copyOf(client.configuration().options().keySet()) : Set.of();
			return client.doOnChannelInit(new ChannelInit(this.settings, preset, this.observer));
		}

		@Override
		public void onChannelInit(ConnectionObserver connectionObserver, Channel channel,
				@Nullable SocketAddress remoteAddress) {
			if (this.settings != null) {
				ReactorNettyKeepAlive.apply(this.settings, channel, ClientChannelOptions.of(channel, this.preset));
			}
			// A domain socket has no keepalive to report and must not sway the verdict on
			// the TCP connections
			if (this.observer != null && channel instanceof SocketChannel) {
				channel.pipeline().addFirst(new Observing(this.observer));
			}
		}

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
