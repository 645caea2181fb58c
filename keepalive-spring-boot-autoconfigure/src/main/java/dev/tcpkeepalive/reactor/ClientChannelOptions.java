package dev.tcpkeepalive.reactor;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.Set;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.nio.NioChannelOption;
import org.jspecify.annotations.Nullable;
import reactor.netty.transport.TransportConfig;

/**
 * The channel options a user set on a Reactor Netty client with {@code option(...)},
 * which the starter must not overwrite.
 * <p>
 * Reactor Netty applies a client's options before its {@code doOnChannelInit} callbacks
 * run, so a keepalive value set there would silently replace the user's. The options that
 * count are those of the client that really opens the channel, which may have been
 * derived from the one the starter customized: Reactor Netty offers no public way to
 * reach it from a channel, so they are read from the channel initializer that runs the
 * callbacks, the only holder of that configuration. Should a Reactor Netty version move
 * it, the options the client carried when the starter customized it are used instead.
 */
final class ClientChannelOptions {

	static final String INITIALIZER = "reactor.netty.transport.TransportConfig$TransportChannelInitializer";

	static final String CONFIG_FIELD = "config";

	private static final @Nullable Field CONFIG = configField();

	private ClientChannelOptions() {
	}

	/**
	 * Return the options of the client that is initializing a channel.
	 * @param channel a channel inside {@code doOnChannelInit}
	 * @param fallback the options to use when the client's cannot be found
	 * @return the options the client sets on its channels
	 */
	static Set<ChannelOption<?>> of(Channel channel, Set<ChannelOption<?>> fallback) {
		Field config = CONFIG;
		if (config == null) {
			return fallback;
		}
		for (Map.Entry<String, ChannelHandler> handler : channel.pipeline()) {
			if (config.getDeclaringClass().isInstance(handler.getValue())) {
				try {
					return ((TransportConfig) config.get(handler.getValue())).options().keySet();
				}
				catch (IllegalAccessException | RuntimeException ex) {
					return fallback;
				}
			}
		}
		return fallback;
	}

	/**
	 * Return whether a set of options holds one that sets the same socket option as the
	 * given one.
	 * @param options the options a user set
	 * @param option one of the starter's options
	 * @return whether the user set that socket option
	 */
	static boolean carries(Set<ChannelOption<?>> options, ChannelOption<?> option) {
		if (options.contains(option)) {
			return true;
		}
		// NioChannelOption.of creates a new constant per call, named after the JDK option
		// it wraps. The same name also stands for one of Netty's own constants that every
		// transport maps to that JDK option (SO_KEEPALIVE), but not for a transport's own
		// option (epoll's TCP_KEEPIDLE), which a NIO option does not set
		boolean nio = option instanceof NioChannelOption<?>;
		boolean generic = option.getClass() == ChannelOption.class;
		if (nio || generic) {
			for (ChannelOption<?> candidate : options) {
				if (candidate instanceof NioChannelOption<?> && candidate.name().equals(option.name())) {
					return true;
				}
			}
		}
		return false;
	}

	private static @Nullable Field configField() {
		try {
			Class<?> initializer = Class.forName(INITIALIZER, false, TransportConfig.class.getClassLoader());
			Field field = initializer.getDeclaredField(CONFIG_FIELD);
			if (!TransportConfig.class.isAssignableFrom(field.getType())) {
				return null;
			}
			field.setAccessible(true);
			return field;
		}
		catch (ReflectiveOperationException | RuntimeException | LinkageError ex) {
			return null;
		}
	}

}
