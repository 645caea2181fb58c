package dev.tcpkeepalive.actuate;

import java.util.function.Supplier;

import dev.tcpkeepalive.actuate.TcpKeepAliveDescriptor.ClientDescriptor;
import dev.tcpkeepalive.client.KeepAliveReport;
import dev.tcpkeepalive.observe.KeepAliveObservations;
import org.jspecify.annotations.NonNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * {@link Endpoint @Endpoint} that reports, per HTTP client, the TCP keepalive its sockets
 * really carried.
 *
 * @since 0.1.0
 */
@Endpoint(id = "tcpkeepalive", defaultAccess = Access.READ_ONLY)
public class TcpKeepAliveEndpoint {

	private final Supplier<KeepAliveReport> report;

	private final KeepAliveObservations observations;

	private final Supplier<@Nullable String> nettyTransport;

	/**
	 * Create an endpoint.
	 * @param report what the starter was asked to do and did, built on first use
	 * @param observations what real sockets carried
	 * @param nettyTransport the id of Reactor Netty's transport, or {@code null} without
	 * Reactor Netty
	 */
	public TcpKeepAliveEndpoint(Supplier<KeepAliveReport> report, KeepAliveObservations observations,
			Supplier<@Nullable String> nettyTransport) {
		this.report = report;
		this.observations = observations;
		this.nettyTransport = nettyTransport;
	}

	@ReadOperation
	public TcpKeepAliveDescriptor keepAlive() {
		return ClientDescriptors.all(this.report.get(), this.observations, this.nettyTransport.get());
	}

	// @NonNull, although the package is null-marked: Boot's endpoint discovery then need
	// not load the package's annotations at startup to learn that the selector is
	// required
	@ReadOperation
	public @Nullable ClientDescriptor client(@Selector @NonNull String client) {
		return ClientDescriptors.one(this.report.get(), this.observations, client);
	}

}
