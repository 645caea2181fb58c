package dev.tcpkeepalive.autoconfigure;

import java.time.Duration;

import dev.tcpkeepalive.InvalidTcpKeepAliveSettingException;
import dev.tcpkeepalive.TcpKeepAliveSettings;

/**
 * Rejects settings whose probes would come too late to keep the NAT entry alive when one probe is lost.
 */
final class NatIdleTimeoutCheck {

	private NatIdleTimeoutCheck() {
	}

	static void requireSafe(TcpKeepAliveSettings settings, Duration natIdleTimeout) {
		long nat = natIdleTimeout.getSeconds();
		if (nat < 2 || natIdleTimeout.getNano() != 0) {
			String value = (natIdleTimeout.getNano() == 0) ? natIdleTimeout.getSeconds() + "s"
					: natIdleTimeout.toMillis() + "ms";
			throw new InvalidTcpKeepAliveSettingException("nat-idle-timeout", value,
					"2s or more in whole seconds", "Use the idle timeout of your NAT or load balancer, for example 4m.");
		}
		long gap = settings.worstCaseGap().getSeconds();
		if (gap >= nat) {
			long interval = Math.min(settings.intervalSeconds(), nat / 4 + 1);
			long idle = Math.max(1, nat / 2);
			if (idle + interval >= nat) {
				interval = 1;
				idle = Math.max(1, nat - 2);
			}
			throw new InvalidTcpKeepAliveSettingException("idle",
					"%ds (idle %ds + interval %ds = %ds, nat-idle-timeout %ds)".formatted(settings.idleSeconds(),
							settings.idleSeconds(), settings.intervalSeconds(), gap, nat),
					"idle + interval < nat-idle-timeout (%ds)".formatted(nat),
					("One lost probe would let the NAT forget the connection: lower azure.tcp-keepalive.idle to %ds "
							+ "(and interval to at most %ds), or raise azure.tcp-keepalive.nat-idle-timeout above %ds "
							+ "if your NAT allows longer idle flows.")
						.formatted(idle, interval, gap));
		}
	}

}
