package dev.tcpkeepalive.reactor;

import io.netty.channel.ChannelOption;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.socket.nio.NioChannelOption;
import io.netty.channel.uring.IoUringChannelOption;
import jdk.net.ExtendedSocketOptions;
import org.jspecify.annotations.Nullable;

/**
 * The keepalive channel options one transport accepts; another transport's constants
 * would be ignored with a warning.
 *
 * @param idle TCP_KEEPIDLE
 * @param interval TCP_KEEPINTVL
 * @param count TCP_KEEPCNT
 * @param userTimeout TCP_USER_TIMEOUT, or {@code null} when the transport cannot set it
 */
record TransportOptions(ChannelOption<Integer> idle, ChannelOption<Integer> interval, ChannelOption<Integer> count,
		@Nullable ChannelOption<Integer> userTimeout) {

	/**
	 * Return the options of a transport.
	 * @param transport the transport of the channel
	 * @return its options, or {@code null} when only SO_KEEPALIVE can be set
	 */
	static @Nullable TransportOptions of(NettyTransport transport) {
		// Each holder class is loaded only for a channel of its transport, so its jar is
		// needed only then
		return switch (transport) {
			case EPOLL -> Epoll.OPTIONS;
			case IO_URING -> IoUring.OPTIONS;
			case NIO -> Nio.OPTIONS;
			case KQUEUE, UNKNOWN -> null;
		};
	}

	private static final class Epoll {

		static final TransportOptions OPTIONS = new TransportOptions(EpollChannelOption.TCP_KEEPIDLE,
				EpollChannelOption.TCP_KEEPINTVL, EpollChannelOption.TCP_KEEPCNT, EpollChannelOption.TCP_USER_TIMEOUT);

	}

	private static final class IoUring {

		static final TransportOptions OPTIONS = new TransportOptions(IoUringChannelOption.TCP_KEEPIDLE,
				IoUringChannelOption.TCP_KEEPINTVL, IoUringChannelOption.TCP_KEEPCNT,
				IoUringChannelOption.TCP_USER_TIMEOUT);

	}

	private static final class Nio {

		// The JDK has no TCP_USER_TIMEOUT
		static final TransportOptions OPTIONS = new TransportOptions(
				NioChannelOption.of(ExtendedSocketOptions.TCP_KEEPIDLE),
				NioChannelOption.of(ExtendedSocketOptions.TCP_KEEPINTERVAL),
				NioChannelOption.of(ExtendedSocketOptions.TCP_KEEPCOUNT), null);

	}

}
