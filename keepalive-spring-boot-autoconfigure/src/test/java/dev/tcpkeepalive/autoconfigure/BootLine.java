package dev.tcpkeepalive.autoconfigure;

import org.springframework.boot.SpringBootVersion;

/**
 * The Spring Boot line the tests run on, and what HttpClient 5 does by itself there.
 */
public final class BootLine {

	private BootLine() {
	}

	/**
	 * Return whether this is Boot 4.1 or later, whose httpcore5 5.4 turns keepalive on by
	 * itself at 5s/5s/3.
	 * <p>
	 * Decided from Boot's version rather than from httpcore5's own defaults, so that a
	 * build that resolved the wrong httpcore5 fails instead of quietly checking the other
	 * line's behaviour.
	 * @return whether HttpClient 5 keeps connections alive without the starter
	 */
	public static boolean httpComponentsKeepsAliveByDefault() {
		String[] version = SpringBootVersion.getVersion().split("\\.");
		int major = Integer.parseInt(version[0]);
		int minor = Integer.parseInt(version[1]);
		return major > 4 || (major == 4 && minor >= 1);
	}

}
