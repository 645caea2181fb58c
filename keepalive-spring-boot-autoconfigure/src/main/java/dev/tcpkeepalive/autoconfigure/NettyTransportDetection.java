package dev.tcpkeepalive.autoconfigure;

import io.netty.channel.epoll.Epoll;
import io.netty.channel.uring.IoUring;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * Which Netty transport Reactor Netty picks for its client connections, in Reactor Netty's own order of preference.
 */
final class NettyTransportDetection {

	private static final String REACTOR_NETTY = "reactor.netty.http.client.HttpClient";

	private static final String IO_URING = "io.netty.channel.uring.IoUring";

	private static final String EPOLL = "io.netty.channel.epoll.Epoll";

	private NettyTransportDetection() {
	}

	static @Nullable String detect(@Nullable ClassLoader classLoader) {
		if (!ClassUtils.isPresent(REACTOR_NETTY, classLoader)) {
			return null;
		}
		if (!Boolean.parseBoolean(System.getProperty("reactor.netty.native", "true"))) {
			return "nio";
		}
		if (ClassUtils.isPresent(IO_URING, classLoader) && Native.ioUring()) {
			return "io_uring";
		}
		if (ClassUtils.isPresent(EPOLL, classLoader) && Native.epoll()) {
			return "epoll";
		}
		return "nio";
	}

	// Kept apart so that the Netty native classes are only loaded after their presence was checked
	private static final class Native {

		static boolean ioUring() {
			return IoUring.isAvailable();
		}

		static boolean epoll() {
			return Epoll.isAvailable();
		}

	}

}
