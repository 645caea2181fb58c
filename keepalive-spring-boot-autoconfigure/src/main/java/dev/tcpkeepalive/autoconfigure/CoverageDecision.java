package dev.tcpkeepalive.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import dev.tcpkeepalive.PlatformSupport;
import dev.tcpkeepalive.observe.ClientCoverage;
import dev.tcpkeepalive.observe.ClientPath;
import org.jspecify.annotations.Nullable;

/**
 * Decides, for one client path, what the starter can do with the configured settings on this platform.
 */
final class CoverageDecision {

	private static final String IMPERATIVE_FIX = "add org.apache.httpcomponents.client5:httpclient5 or set spring.http.clients.imperative.factory=http-components";

	private static final String REACTIVE_FIX = "set spring.http.clients.reactive.connector=reactor or http-components";

	private static final String USER_BUILDER = "the application defines its own client builder bean, which Boot and the "
			+ "starter leave alone: apply KeepAliveSocketConfig, KeepAliveIOReactorConfig or ReactorNettyKeepAlive to it "
			+ "with the TcpKeepAliveSettings bean";

	private final TcpKeepAliveProperties properties;

	private final boolean userTimeout;

	private final PlatformSupport platform;

	private final Supplier<@Nullable String> nettyTransport;

	private final @Nullable ClassLoader classLoader;

	CoverageDecision(TcpKeepAliveProperties properties, boolean userTimeout, PlatformSupport platform,
			Supplier<@Nullable String> nettyTransport, @Nullable ClassLoader classLoader) {
		this.properties = properties;
		this.userTimeout = userTimeout;
		this.platform = platform;
		this.nettyTransport = nettyTransport;
		this.classLoader = classLoader;
	}

	ClientCoverage decide(ClientPath path, List<String> usedBy, boolean userDefinedBuilder) {
		if (!this.properties.isEnabled()) {
			return ClientCoverage.disabled(path, usedBy, "azure.tcp-keepalive.enabled=false");
		}
		if (userDefinedBuilder) {
			return ClientCoverage.notCovered(path, usedBy, USER_BUILDER);
		}
		return switch (path) {
			case HTTP_COMPONENTS, HTTP_COMPONENTS_ASYNC -> this.properties.getHttpComponents().isEnabled()
					? jdkOptions(path, usedBy, "Apache HttpClient 5")
					: ClientCoverage.disabled(path, usedBy, "azure.tcp-keepalive.http-components.enabled=false");
			case REACTOR_NETTY -> reactorNetty(usedBy);
			case JETTY -> notCovered(path, usedBy, "Jetty's HttpClient has no API for per-socket keepalive options");
			case JDK -> notCovered(path, usedBy, "the JDK HttpClient has no socket-option API");
			case SIMPLE -> notCovered(path, usedBy, "HttpURLConnection has no socket-option API");
			case AZURE_SDK -> AzureSdkCoverage.decide(this.properties, usedBy, this.classLoader);
		};
	}

	private ClientCoverage reactorNetty(List<String> usedBy) {
		if (!this.properties.getReactorNetty().isEnabled()) {
			return ClientCoverage.disabled(ClientPath.REACTOR_NETTY, usedBy,
					"azure.tcp-keepalive.reactor-netty.enabled=false");
		}
		// On Linux every transport carries idle, interval and count; only TCP_USER_TIMEOUT depends on which one
		if (this.platform.os().startsWith("Linux") && this.platform.allExtendedOptionsSupported() && !this.userTimeout) {
			return ClientCoverage.applied(ClientPath.REACTOR_NETTY, usedBy);
		}
		String transport = this.nettyTransport.get();
		if ("nio".equals(transport)) {
			return jdkOptions(ClientPath.REACTOR_NETTY, usedBy, "Reactor Netty on the NIO transport");
		}
		if ("kqueue".equals(transport) || "unknown".equals(transport)) {
			return ClientCoverage.partial(ClientPath.REACTOR_NETTY, usedBy,
					List.of("TCP_KEEPIDLE", "TCP_KEEPINTERVAL", "TCP_KEEPCOUNT", "TCP_USER_TIMEOUT"),
					"only SO_KEEPALIVE can be set on the %s transport, so the OS's idle time applies: run with -Dreactor.netty.native=false to use NIO"
						.formatted(transport));
		}
		// The native transports set every option, TCP_USER_TIMEOUT included, through the kernel directly
		return ClientCoverage.applied(ClientPath.REACTOR_NETTY, usedBy);
	}

	private ClientCoverage jdkOptions(ClientPath path, List<String> usedBy, String client) {
		List<String> unsupported = new ArrayList<>();
		List<String> reasons = new ArrayList<>();
		if (!this.platform.allExtendedOptionsSupported()) {
			addIf(unsupported, !this.platform.keepIdle(), "TCP_KEEPIDLE");
			addIf(unsupported, !this.platform.keepInterval(), "TCP_KEEPINTERVAL");
			addIf(unsupported, !this.platform.keepCount(), "TCP_KEEPCOUNT");
			reasons.add("%s cannot be set on %s with Java %s, so the OS defaults apply: use a JDK that supports them (17.0.10+ on Windows)"
				.formatted(String.join(", ", unsupported), this.platform.os(), this.platform.javaVersion()));
		}
		if (this.userTimeout) {
			unsupported.add("TCP_USER_TIMEOUT");
			reasons.add("TCP_USER_TIMEOUT cannot be set by %s because the JDK has no such option: use WebClient on Reactor Netty with epoll or io_uring, or unset azure.tcp-keepalive.user-timeout"
				.formatted(client));
		}
		if (unsupported.isEmpty()) {
			return ClientCoverage.applied(path, usedBy);
		}
		return ClientCoverage.partial(path, usedBy, unsupported, String.join("; ", reasons));
	}

	private static ClientCoverage notCovered(ClientPath path, List<String> usedBy, String why) {
		List<String> fixes = new ArrayList<>();
		if (usedBy.contains("RestClient") || usedBy.contains("RestTemplate")
				|| usedBy.contains("ClientHttpRequestFactoryBuilder")) {
			fixes.add(IMPERATIVE_FIX);
		}
		if (usedBy.contains("WebClient") || usedBy.contains("ClientHttpConnectorBuilder")) {
			fixes.add(REACTIVE_FIX);
		}
		return ClientCoverage.notCovered(path, usedBy, why + ": " + String.join("; ", fixes));
	}

	private static void addIf(List<String> list, boolean condition, String value) {
		if (condition) {
			list.add(value);
		}
	}

}
