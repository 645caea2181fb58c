package dev.tcpkeepalive.autoconfigure;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import dev.tcpkeepalive.NatIdleTimeout;
import dev.tcpkeepalive.TcpKeepAliveSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

/**
 * Configuration properties for TCP keepalive on outbound HTTP connections.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("azure.tcp-keepalive")
public class TcpKeepAliveProperties {

	/**
	 * Whether to apply TCP keepalive to outbound HTTP connections.
	 */
	private boolean enabled = true;

	/**
	 * Silence on a connection before the first keepalive probe is sent (TCP_KEEPIDLE). If
	 * a duration suffix is not specified, seconds will be used.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration idle = Duration.ofSeconds(120);

	/**
	 * Gap between unanswered keepalive probes (TCP_KEEPINTVL). If a duration suffix is
	 * not specified, seconds will be used.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration interval = Duration.ofSeconds(30);

	/**
	 * Number of unanswered probes after which the connection is declared dead
	 * (TCP_KEEPCNT).
	 */
	private int count = 8;

	/**
	 * Idle timeout of the NAT or load balancer being defended against, used to check that
	 * idle plus interval stays below it. If a duration suffix is not specified, seconds
	 * will be used.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration natIdleTimeout = Duration.ofMinutes(4);

	/**
	 * Maximum time sent data may remain unacknowledged before the connection is dropped
	 * (TCP_USER_TIMEOUT), where the transport supports it. If a duration suffix is not
	 * specified, seconds will be used.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private @Nullable Duration userTimeout;

	private final Switch httpComponents = new Switch();

	private final Switch reactorNetty = new Switch();

	private final Switch jetty = new Switch();

	private final Switch azureSdk = new Switch();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Duration getIdle() {
		return this.idle;
	}

	public void setIdle(Duration idle) {
		this.idle = idle;
	}

	public Duration getInterval() {
		return this.interval;
	}

	public void setInterval(Duration interval) {
		this.interval = interval;
	}

	public int getCount() {
		return this.count;
	}

	public void setCount(int count) {
		this.count = count;
	}

	public Duration getNatIdleTimeout() {
		return this.natIdleTimeout;
	}

	public void setNatIdleTimeout(Duration natIdleTimeout) {
		this.natIdleTimeout = natIdleTimeout;
	}

	public @Nullable Duration getUserTimeout() {
		return this.userTimeout;
	}

	public void setUserTimeout(@Nullable Duration userTimeout) {
		this.userTimeout = userTimeout;
	}

	public Switch getHttpComponents() {
		return this.httpComponents;
	}

	public Switch getReactorNetty() {
		return this.reactorNetty;
	}

	public Switch getJetty() {
		return this.jetty;
	}

	public Switch getAzureSdk() {
		return this.azureSdk;
	}

	/**
	 * Create validated settings from these properties, whether or not keepalive is
	 * enabled.
	 * @return the settings
	 * @throws dev.tcpkeepalive.InvalidTcpKeepAliveSettingException if a value is out of
	 * range or would let the NAT forget an idle flow
	 */
	TcpKeepAliveSettings toSettings() {
		return natIdleTimeout().settings(this.idle, this.interval, this.count, this.userTimeout);
	}

	NatIdleTimeout natIdleTimeout() {
		return NatIdleTimeout.of(this.natIdleTimeout);
	}

	/**
	 * A switch for one client library; its description per library is in
	 * additional-spring-configuration-metadata.json.
	 */
	public static class Switch {

		/**
		 * Whether to apply keepalive to this client library's connections.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

}
