package dev.tcpkeepalive.actuate;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import dev.tcpkeepalive.NatSafety;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * Description of the TCP keepalive in effect, returned by {@link TcpKeepAliveEndpoint}.
 * <p>
 * Unset values are written as {@code null} rather than left out, because "unset" and
 * "never observed" are answers.
 *
 * @param enabled whether the starter applies keepalive
 * @param settings the settings the starter applies, or would apply when enabled
 * @param natSafety whether idle connections survive the NAT, judged from what real
 * sockets carried
 * @param platform what this JVM and OS can carry
 * @param clients one entry per client path in use, by client id
 * @since 0.1.0
 */
public record TcpKeepAliveDescriptor(boolean enabled, SettingsDescriptor settings, NatSafety natSafety,
		PlatformDescriptor platform, Map<String, ClientDescriptor> clients) implements OperationResponseBody {

	/**
	 * The configured settings.
	 *
	 * @param idleSeconds silence before the first probe
	 * @param intervalSeconds gap between unanswered probes
	 * @param count unanswered probes before the peer is declared dead
	 * @param userTimeoutMillis TCP_USER_TIMEOUT, or {@code null} when unset
	 * @param natIdleTimeoutSeconds idle timeout of the NAT being defended against
	 */
	@JsonInclude(Include.ALWAYS)
	public record SettingsDescriptor(long idleSeconds, long intervalSeconds, int count,
			@Nullable Integer userTimeoutMillis, long natIdleTimeoutSeconds) {

	}

	/**
	 * What the platform can carry.
	 *
	 * @param os the operating system name
	 * @param arch the CPU architecture
	 * @param javaVersion the running Java version
	 * @param extendedOptionsSupported whether TCP_KEEPIDLE, TCP_KEEPINTERVAL and
	 * TCP_KEEPCOUNT can be set
	 * @param nettyTransport Reactor Netty's transport, or {@code null} when Reactor Netty
	 * is absent
	 */
	@JsonInclude(Include.ALWAYS)
	public record PlatformDescriptor(String os, String arch, String javaVersion,
			Map<String, Boolean> extendedOptionsSupported, @Nullable String nettyTransport) {

	}

	/**
	 * One client path.
	 *
	 * @param status {@code applied}, {@code partial}, {@code not-covered} or
	 * {@code disabled}
	 * @param usedBy the Spring clients going through this path
	 * @param applied what the starter asked of the path, or {@code null} when it asked
	 * nothing
	 * @param observed what the most recent real connection carried, or {@code null}
	 * before any connection
	 * @param lastNotApplied what the most recent connection that did not carry the
	 * settings carried, or {@code null} when every connection did
	 * @param connections how many new connections were opened since start, by state
	 * @param reason why the path is not {@code applied}, or {@code null} when it is
	 */
	@JsonInclude(Include.ALWAYS)
	public record ClientDescriptor(String status, List<String> usedBy, @Nullable AppliedDescriptor applied,
			@Nullable ObservedDescriptor observed, @Nullable ObservedDescriptor lastNotApplied,
			ConnectionsDescriptor connections, @Nullable String reason) implements OperationResponseBody {

	}

	/**
	 * New connections of a client path since start, by how their keepalive compared with
	 * what the starter asked.
	 *
	 * @param applied connections that carried the settings
	 * @param differs connections with keepalive on but other values
	 * @param off connections without keepalive
	 */
	public record ConnectionsDescriptor(long applied, long differs, long off) {

	}

	/**
	 * The options the starter set on a client path.
	 *
	 * @param soKeepAlive whether SO_KEEPALIVE was set
	 * @param idleSeconds TCP_KEEPIDLE
	 * @param intervalSeconds TCP_KEEPINTVL
	 * @param count TCP_KEEPCNT
	 * @param userTimeoutMillis TCP_USER_TIMEOUT, or {@code null} when not set on this
	 * path
	 */
	@JsonInclude(Include.ALWAYS)
	public record AppliedDescriptor(boolean soKeepAlive, long idleSeconds, long intervalSeconds, int count,
			@Nullable Integer userTimeoutMillis) {

	}

	/**
	 * The options read back from one of a client path's connections.
	 *
	 * @param soKeepAlive whether SO_KEEPALIVE was on
	 * @param idleSeconds TCP_KEEPIDLE, or {@code null} when unreadable
	 * @param intervalSeconds TCP_KEEPINTVL, or {@code null} when unreadable
	 * @param count TCP_KEEPCNT, or {@code null} when unreadable
	 * @param userTimeoutMillis TCP_USER_TIMEOUT, or {@code null} when the transport
	 * cannot read it
	 * @param remoteAddress the peer
	 * @param observedAt when the options were read
	 */
	@JsonInclude(Include.ALWAYS)
	public record ObservedDescriptor(boolean soKeepAlive, @Nullable Integer idleSeconds,
			@Nullable Integer intervalSeconds, @Nullable Integer count, @Nullable Integer userTimeoutMillis,
			@Nullable String remoteAddress, Instant observedAt) {

	}

}
