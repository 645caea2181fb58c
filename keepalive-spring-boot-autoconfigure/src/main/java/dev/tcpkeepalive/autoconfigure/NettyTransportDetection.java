package dev.tcpkeepalive.autoconfigure;

import dev.tcpkeepalive.reactor.NettyTransport;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * Which Netty transport Reactor Netty picks for its client connections, in Reactor
 * Netty's own order of preference.
 */
final class NettyTransportDetection {

	private static final String REACTOR_NETTY = "reactor.netty.http.client.HttpClient";

	private NettyTransportDetection() {
	}

	static @Nullable NettyTransport detect(@Nullable ClassLoader classLoader) {
		// Checked first so that nothing of Netty is loaded when Reactor Netty is absent
		if (!ClassUtils.isPresent(REACTOR_NETTY, classLoader)) {
			return null;
		}
		return NettyTransport.detect();
	}

}
