package dev.tcpkeepalive.reactor;

import java.net.InetSocketAddress;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.netty.channel.Channel;
import io.netty.channel.ChannelConfig;
import io.netty.channel.ChannelOption;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.socket.nio.NioChannelOption;
import io.netty.channel.uring.IoUringChannelOption;
import jdk.net.ExtendedSocketOptions;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.client.HttpClient;

/**
 * The keepalive options a connected Netty channel carries, read in the test with each
 * transport's own constants rather than through the code under test.
 *
 * @param transport the channel's transport
 * @param soKeepAlive SO_KEEPALIVE
 * @param idle TCP_KEEPIDLE in seconds
 * @param interval TCP_KEEPINTVL in seconds
 * @param count TCP_KEEPCNT
 * @param userTimeout TCP_USER_TIMEOUT in milliseconds, {@code null} where the transport
 * cannot read it
 * @param connectTimeoutMillis the channel's connect timeout
 * @param localPort the local port, to find the socket with {@code ss}
 */
public record ChannelSnapshot(NettyTransport transport, boolean soKeepAlive, @Nullable Integer idle,
		@Nullable Integer interval, @Nullable Integer count, @Nullable Integer userTimeout, int connectTimeoutMillis,
		int localPort) {

	public static ChannelSnapshot read(Channel channel) {
		NettyTransport transport = NettyTransport.of(channel);
		ChannelConfig config = channel.config();
		boolean keepAlive = Boolean.TRUE.equals(config.getOption(ChannelOption.SO_KEEPALIVE));
		int localPort = ((InetSocketAddress) channel.localAddress()).getPort();
		// Each branch names its transport's classes, which are loaded only when a channel
		// of that transport exists
		return switch (transport) {
			case EPOLL -> new ChannelSnapshot(transport, keepAlive, config.getOption(EpollChannelOption.TCP_KEEPIDLE),
					config.getOption(EpollChannelOption.TCP_KEEPINTVL),
					config.getOption(EpollChannelOption.TCP_KEEPCNT),
					config.getOption(EpollChannelOption.TCP_USER_TIMEOUT), config.getConnectTimeoutMillis(), localPort);
			case IO_URING ->
				new ChannelSnapshot(transport, keepAlive, config.getOption(IoUringChannelOption.TCP_KEEPIDLE),
						config.getOption(IoUringChannelOption.TCP_KEEPINTVL),
						config.getOption(IoUringChannelOption.TCP_KEEPCNT),
						config.getOption(IoUringChannelOption.TCP_USER_TIMEOUT), config.getConnectTimeoutMillis(),
						localPort);
			case NIO -> new ChannelSnapshot(transport, keepAlive,
					config.getOption(NioChannelOption.of(ExtendedSocketOptions.TCP_KEEPIDLE)),
					config.getOption(NioChannelOption.of(ExtendedSocketOptions.TCP_KEEPINTERVAL)),
					config.getOption(NioChannelOption.of(ExtendedSocketOptions.TCP_KEEPCOUNT)), null,
					config.getConnectTimeoutMillis(), localPort);
			default -> throw new IllegalStateException("Unexpected transport of " + channel);
		};
	}

	/**
	 * Return TCP_KEEPIDLE as a user names it for the transport Reactor Netty runs on in
	 * this JVM.
	 * @return the option
	 */
	public static ChannelOption<Integer> idleOption() {
		return switch (NettyTransport.detect()) {
			case EPOLL -> EpollChannelOption.TCP_KEEPIDLE;
			case IO_URING -> IoUringChannelOption.TCP_KEEPIDLE;
			default -> NioChannelOption.of(ExtendedSocketOptions.TCP_KEEPIDLE);
		};
	}

	/**
	 * Snapshots of every connection a client opened, taken on connect.
	 */
	public static final class Recorder {

		private final BlockingQueue<ChannelSnapshot> snapshots = new LinkedBlockingQueue<>();

		public HttpClient record(HttpClient client) {
			return client.doOnConnected((connection) -> this.snapshots.add(read(connection.channel())));
		}

		public ChannelSnapshot next() {
			try {
				ChannelSnapshot snapshot = this.snapshots.poll(10, TimeUnit.SECONDS);
				if (snapshot == null) {
					throw new IllegalStateException("No connection was opened");
				}
				return snapshot;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		public int size() {
			return this.snapshots.size();
		}

	}

}
