package dev.tcpkeepalive.reactor;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.util.ClassUtils;

/**
 * {@link RuntimeHintsRegistrar} for the reflective lookups of Reactor Netty support: the
 * transport availability checks of {@link NettyTransport#detect()} and the client options
 * {@link ClientChannelOptions} reads.
 */
class NettyTransportRuntimeHints implements RuntimeHintsRegistrar {

	private static final String REACTOR_NETTY = "reactor.netty.http.client.HttpClient";

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		// Without Reactor Netty nothing is detected, and NettyTransport must not be
		// loaded
		if (!ClassUtils.isPresent(REACTOR_NETTY, classLoader)) {
			return;
		}
		for (NettyTransport transport : NettyTransport.values()) {
			String availabilityCheck = transport.availabilityCheck();
			if (availabilityCheck != null) {
				hints.reflection()
					.registerTypeIfPresent(classLoader, availabilityCheck,
							(hint) -> hint.withMethod("isAvailable", List.of(), ExecutableMode.INVOKE));
			}
		}
		hints.reflection()
			.registerTypeIfPresent(classLoader, ClientChannelOptions.INITIALIZER,
					(hint) -> hint.withField(ClientChannelOptions.CONFIG_FIELD));
	}

}
