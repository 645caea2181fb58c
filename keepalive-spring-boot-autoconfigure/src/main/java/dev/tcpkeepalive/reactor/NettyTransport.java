package dev.tcpkeepalive.reactor;

import java.util.List;

import dev.tcpkeepalive.KeepAliveOption;
import io.netty.channel.Channel;
import org.jspecify.annotations.Nullable;
import reactor.netty.resources.LoopResources;

/**
 * The Netty transport behind a channel, which decides the socket options it accepts.
 *
 * @since 0.1.0
 */
public enum NettyTransport {

	/** Linux epoll, the default on linux-x86_64 with Reactor Netty's native jar. */
	EPOLL("epoll", "io.netty.channel.epoll.", "io.netty.channel.epoll.Epoll"),

	/**
	 * Linux io_uring, preferred by Reactor Netty when its native jar is present and the
	 * kernel allows it.
	 */
	IO_URING("io_uring", "io.netty.channel.uring.", "io.netty.channel.uring.IoUring"),

	/** BSD and macOS kqueue, on which only SO_KEEPALIVE can be set. */
	KQUEUE("kqueue", "io.netty.channel.kqueue.", "io.netty.channel.kqueue.KQueue"),

	/** The JDK's NIO channels, the fallback on every platform. */
	NIO("nio", "io.netty.channel.socket.nio.", null),

	/** A transport the starter does not know, on which only SO_KEEPALIVE can be set. */
	UNKNOWN("unknown", null, null);

	// Reactor Netty's order of preference among the native transports
	static final List<NettyTransport> NATIVE = List.of(IO_URING, EPOLL, KQUEUE);

	private final String id;

	private final @Nullable String packagePrefix;

	// Looked up by name, so NettyTransportRuntimeHints registers exactly these for
	// reflection
	private final @Nullable String availabilityCheck;

	NettyTransport(String id, @Nullable String packagePrefix, @Nullable String availabilityCheck) {
		this.id = id;
		this.packagePrefix = packagePrefix;
		this.availabilityCheck = availabilityCheck;
	}

	/**
	 * Return the id used in the endpoint and in logs.
	 * @return the id
	 */
	public String id() {
		return this.id;
	}

	/**
	 * Return whether channels of this transport can carry a keepalive option.
	 * @param option the option
	 * @return whether the transport has a channel option for it
	 */
	public boolean canSet(KeepAliveOption option) {
		return switch (this) {
			case EPOLL, IO_URING -> true;
			// The JDK has no TCP_USER_TIMEOUT
			case NIO -> option != KeepAliveOption.TCP_USER_TIMEOUT;
			case KQUEUE, UNKNOWN -> option == KeepAliveOption.SO_KEEPALIVE;
		};
	}

	/**
	 * Return the transport of a channel.
	 * @param channel the channel
	 * @return its transport
	 */
	public static NettyTransport of(Channel channel) {
		// Matching on the package name never loads a transport's classes, so absent
		// native jars cannot break this
		for (Class<?> type = channel.getClass(); type != null; type = type.getSuperclass()) {
			for (NettyTransport transport : values()) {
				if (transport.packagePrefix != null && type.getName().startsWith(transport.packagePrefix)) {
					return transport;
				}
			}
		}
		return UNKNOWN;
	}

	/**
	 * Return the transport Reactor Netty's default loop resources pick in this JVM, on a
	 * best-effort basis.
	 * <p>
	 * Follows Reactor Netty's order: NIO when {@code reactor.netty.native=false}, else
	 * io_uring, epoll or kqueue when available, else NIO. Checking availability loads the
	 * transport's native library, as Reactor Netty would.
	 * @return the transport Reactor Netty would use
	 */
	public static NettyTransport detect() {
		// Reactor Netty reads reactor.netty.native once per JVM; its constant is what its
		// loops really use
		if (!LoopResources.DEFAULT_NATIVE) {
			return NIO;
		}
		ClassLoader classLoader = NettyTransport.class.getClassLoader();
		for (NettyTransport transport : NATIVE) {
			if (transport.availabilityCheck != null && available(transport.availabilityCheck, classLoader)) {
				return transport;
			}
		}
		return NIO;
	}

	/**
	 * Return the class whose static {@code isAvailable()} tells whether this transport
	 * can run here.
	 * @return the class name, or {@code null} for a transport that is always available or
	 * unknown
	 */
	@Nullable String availabilityCheck() {
		return this.availabilityCheck;
	}

	private static boolean available(String className, @Nullable ClassLoader classLoader) {
		try {
			// Reflection keeps the optional native transports off this class's linkage
			Class<?> type = Class.forName(className, false, classLoader);
			return Boolean.TRUE.equals(type.getMethod("isAvailable").invoke(null));
		}
		catch (ReflectiveOperationException | LinkageError ex) {
			return false;
		}
	}

}
