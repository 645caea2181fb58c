package dev.tcpkeepalive.observe;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.nio.channels.NetworkChannel;
import java.time.Instant;

import jdk.net.ExtendedSocketOptions;
import org.jspecify.annotations.Nullable;

/**
 * The keepalive options one real socket carried, read back from the kernel.
 *
 * @param soKeepAlive whether SO_KEEPALIVE was on
 * @param idleSeconds TCP_KEEPIDLE, or {@code null} when it could not be read
 * @param intervalSeconds TCP_KEEPINTVL, or {@code null} when it could not be read
 * @param count TCP_KEEPCNT, or {@code null} when it could not be read
 * @param userTimeoutMillis TCP_USER_TIMEOUT, or {@code null} when the transport cannot
 * read it
 * @param remoteAddress the peer the socket was connected to
 * @param observedAt when the options were read
 * @since 0.1.0
 */
public record ObservedKeepAlive(boolean soKeepAlive, @Nullable Integer idleSeconds, @Nullable Integer intervalSeconds,
		@Nullable Integer count, @Nullable Integer userTimeoutMillis, @Nullable String remoteAddress,
		Instant observedAt) {

	/**
	 * Read the options of a blocking socket.
	 * @param socket the socket
	 * @return what the socket carries
	 */
	public static ObservedKeepAlive read(Socket socket) {
		return read(socket::getOption, socket.getRemoteSocketAddress());
	}

	/**
	 * Read the options of a socket channel.
	 * @param channel the channel
	 * @param remoteAddress the peer
	 * @return what the channel carries
	 */
	public static ObservedKeepAlive read(NetworkChannel channel, @Nullable SocketAddress remoteAddress) {
		return read(channel::getOption, remoteAddress);
	}

	private static ObservedKeepAlive read(OptionReader reader, @Nullable SocketAddress remoteAddress) {
		Boolean keepAlive = option(reader, StandardSocketOptions.SO_KEEPALIVE);
		return new ObservedKeepAlive(Boolean.TRUE.equals(keepAlive), option(reader, ExtendedSocketOptions.TCP_KEEPIDLE),
				option(reader, ExtendedSocketOptions.TCP_KEEPINTERVAL),
				option(reader, ExtendedSocketOptions.TCP_KEEPCOUNT), null,
				(remoteAddress != null) ? remoteAddress.toString() : null, Instant.now());
	}

	private static <T> @Nullable T option(OptionReader reader, SocketOption<T> option) {
		try {
			return reader.getOption(option);
		}
		catch (IOException | UnsupportedOperationException ex) {
			// An unreadable option is reported as unknown rather than failing the
			// connection
			return null;
		}
	}

	@FunctionalInterface
	private interface OptionReader {

		<T> T getOption(SocketOption<T> option) throws IOException;

	}

}
