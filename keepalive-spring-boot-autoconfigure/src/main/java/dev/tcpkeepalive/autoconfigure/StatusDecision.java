package dev.tcpkeepalive.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import dev.tcpkeepalive.KeepAliveOption;
import dev.tcpkeepalive.PlatformSupport;
import dev.tcpkeepalive.client.Client;
import dev.tcpkeepalive.client.ClientStatus;
import dev.tcpkeepalive.reactor.NettyTransport;
import org.jspecify.annotations.Nullable;

import org.springframework.core.env.PropertyResolver;

/**
 * Decides, for one client, what the starter did with the configured settings on this
 * platform.
 * <p>
 * A client is only {@code applied} when the starter's customizer for it really ran, so
 * the report cannot claim what the conditions did not register.
 */
final class StatusDecision {

	private static final String IMPERATIVE_FIX = "add org.apache.httpcomponents.client5:httpclient5 or set spring.http.clients.imperative.factory=http-components";

	private static final String REACTIVE_FIX = "set spring.http.clients.reactive.connector=reactor or http-components";

	private static final String USER_BUILDER = "the application defines its own client builder bean, which Boot and the "
			+ "starter leave alone: apply KeepAliveSocketConfig, KeepAliveIOReactorConfig, ReactorNettyKeepAlive or "
			+ "JettyKeepAlive to it with the TcpKeepAliveSettings bean";

	private final boolean enabled;

	private final boolean userTimeout;

	private final PropertyResolver properties;

	private final Set<Client> customized;

	private final PlatformSupport platform;

	private final Supplier<@Nullable NettyTransport> transport;

	StatusDecision(boolean enabled, boolean userTimeout, PropertyResolver properties, Set<Client> customized,
			PlatformSupport platform, Supplier<@Nullable NettyTransport> transport) {
		this.enabled = enabled;
		this.userTimeout = userTimeout;
		this.properties = properties;
		this.customized = customized;
		this.platform = platform;
		this.transport = transport;
	}

	ClientStatus decide(Client client, List<String> usedBy, boolean userDefinedBuilder) {
		if (!this.enabled) {
			return ClientStatus.disabled(client, usedBy, "azure.tcp-keepalive.enabled=false");
		}
		String switchProperty = client.switchProperty();
		if (switchProperty != null && !this.properties.getProperty(switchProperty, Boolean.class, true)) {
			return ClientStatus.disabled(client, usedBy, switchProperty + "=false");
		}
		if (userDefinedBuilder) {
			return ClientStatus.notCovered(client, usedBy, USER_BUILDER);
		}
		if (client.socketOptions() == Client.SocketOptions.NONE) {
			return notCovered(client, usedBy, client.library() + " has no socket-option API");
		}
		if (client == Client.AZURE_SDK) {
			// Its customizer is the provider's installation, which needs
			// azure-core-http-netty; azure-core may
			// still use another provider
			String notSelected = this.customized.contains(client) ? AzureSdkProviderCheck.notSelectedReason()
					: AzureSdkProviderCheck.NO_AZURE_CORE_HTTP_NETTY;
			if (notSelected != null) {
				return ClientStatus.notCovered(client, usedBy, notSelected);
			}
		}
		if (!this.customized.contains(client)) {
			return ClientStatus.notCovered(client, usedBy, ("the starter's customizer for %s never ran, so its sockets "
					+ "keep the OS defaults: add every library Boot's builder for it needs (httpcore5-reactive for the "
					+ "HttpComponents connector)")
				.formatted(client.library()));
		}
		return (client.socketOptions() == Client.SocketOptions.NETTY) ? netty(client, usedBy)
				: jdkOptions(client, usedBy, client.library());
	}

	private ClientStatus netty(Client client, List<String> usedBy) {
		// On Linux every transport carries idle, interval and count; only
		// TCP_USER_TIMEOUT depends on which one
		if (this.platform.os().startsWith("Linux") && this.platform.allExtendedOptionsSupported()
				&& !this.userTimeout) {
			return ClientStatus.applied(client, usedBy);
		}
		NettyTransport transport = this.transport.get();
		if (transport == null || transport.canSet(KeepAliveOption.TCP_USER_TIMEOUT)) {
			// The native transports set every option, TCP_USER_TIMEOUT included, through
			// the kernel directly
			return ClientStatus.applied(client, usedBy);
		}
		if (transport.canSet(KeepAliveOption.TCP_KEEPIDLE)) {
			return jdkOptions(client, usedBy, "Reactor Netty on the NIO transport");
		}
		return ClientStatus.partial(client, usedBy,
				List.of(KeepAliveOption.TCP_KEEPIDLE, KeepAliveOption.TCP_KEEPINTERVAL, KeepAliveOption.TCP_KEEPCOUNT,
						KeepAliveOption.TCP_USER_TIMEOUT),
				"only SO_KEEPALIVE can be set on the %s transport, so the OS's idle time applies: run with -Dreactor.netty.native=false to use NIO"
					.formatted(transport.id()));
	}

	private ClientStatus jdkOptions(Client client, List<String> usedBy, String library) {
		List<KeepAliveOption> unsupported = new ArrayList<>();
		List<String> reasons = new ArrayList<>();
		if (!this.platform.allExtendedOptionsSupported()) {
			addIf(unsupported, !this.platform.keepIdle(), KeepAliveOption.TCP_KEEPIDLE);
			addIf(unsupported, !this.platform.keepInterval(), KeepAliveOption.TCP_KEEPINTERVAL);
			addIf(unsupported, !this.platform.keepCount(), KeepAliveOption.TCP_KEEPCOUNT);
			reasons.add(
					"%s cannot be set on %s with Java %s, so the OS defaults apply: use a JDK that supports them (17.0.10+ on Windows)"
						.formatted(names(unsupported), this.platform.os(), this.platform.javaVersion()));
		}
		if (this.userTimeout) {
			unsupported.add(KeepAliveOption.TCP_USER_TIMEOUT);
			reasons.add(
					"TCP_USER_TIMEOUT cannot be set by %s because the JDK has no such option: use WebClient on Reactor Netty with epoll or io_uring, or unset azure.tcp-keepalive.user-timeout"
						.formatted(library));
		}
		if (unsupported.isEmpty()) {
			return ClientStatus.applied(client, usedBy);
		}
		return ClientStatus.partial(client, usedBy, unsupported, String.join("; ", reasons));
	}

	private static ClientStatus notCovered(Client client, List<String> usedBy, String why) {
		List<String> fixes = new ArrayList<>();
		if (usedBy.contains("RestClient") || usedBy.contains("RestTemplate")
				|| usedBy.contains("ClientHttpRequestFactoryBuilder")) {
			fixes.add(IMPERATIVE_FIX);
		}
		if (usedBy.contains("WebClient") || usedBy.contains("ClientHttpConnectorBuilder")) {
			fixes.add(REACTIVE_FIX);
		}
		return ClientStatus.notCovered(client, usedBy, why + ": " + String.join("; ", fixes));
	}

	private static String names(List<KeepAliveOption> options) {
		return String.join(", ", options.stream().map(KeepAliveOption::name).toList());
	}

	private static void addIf(List<KeepAliveOption> list, boolean condition, KeepAliveOption value) {
		if (condition) {
			list.add(value);
		}
	}

}
