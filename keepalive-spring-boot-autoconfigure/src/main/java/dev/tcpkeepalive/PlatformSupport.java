package dev.tcpkeepalive;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketOption;
import java.util.Set;

import jdk.net.ExtendedSocketOptions;

/**
 * Which per-socket keepalive options this JDK and OS accept.
 * <p>
 * HttpClient 5 silently skips an option the JDK does not support, so the starter checks
 * here to report it.
 *
 * @param os the operating system name
 * @param arch the CPU architecture
 * @param javaVersion the running Java version
 * @param keepIdle whether TCP_KEEPIDLE can be set
 * @param keepInterval whether TCP_KEEPINTERVAL can be set
 * @param keepCount whether TCP_KEEPCOUNT can be set
 * @since 0.1.0
 */
public record PlatformSupport(String os, String arch, String javaVersion, boolean keepIdle, boolean keepInterval,
		boolean keepCount) {

	private static final PlatformSupport CURRENT = detect();

	/**
	 * Return the support of the running JVM.
	 * @return the platform support
	 */
	public static PlatformSupport current() {
		return CURRENT;
	}

	/**
	 * Return whether idle, interval and count can all be set.
	 * @return whether every extended keepalive option is supported
	 */
	public boolean allExtendedOptionsSupported() {
		return this.keepIdle && this.keepInterval && this.keepCount;
	}

	private static PlatformSupport detect() {
		Set<SocketOption<?>> options;
		try (Socket probe = new Socket()) {
			options = probe.supportedOptions();
		}
		catch (IOException ex) {
			options = Set.of();
		}
		return new PlatformSupport(System.getProperty("os.name"), System.getProperty("os.arch"),
				System.getProperty("java.version"), options.contains(ExtendedSocketOptions.TCP_KEEPIDLE),
				options.contains(ExtendedSocketOptions.TCP_KEEPINTERVAL),
				options.contains(ExtendedSocketOptions.TCP_KEEPCOUNT));
	}

}
