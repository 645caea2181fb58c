package dev.tcpkeepalive.jetty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * An HTTP/1.1 server on a Unix domain socket that answers every request with {@code unix} and closes.
 */
final class UnixDomainHttpServer implements AutoCloseable {

	private static final byte[] RESPONSE = "HTTP/1.1 200 OK\r\nContent-Length: 4\r\nConnection: close\r\n\r\nunix"
		.getBytes(StandardCharsets.US_ASCII);

	private final Path path;

	private final ServerSocketChannel channel;

	private final Thread acceptor;

	private UnixDomainHttpServer(Path path, ServerSocketChannel channel) {
		this.path = path;
		this.channel = channel;
		this.acceptor = new Thread(this::serve, "unix-http-server");
		this.acceptor.setDaemon(true);
		this.acceptor.start();
	}

	static UnixDomainHttpServer start(Path path) {
		try {
			ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
			channel.bind(UnixDomainSocketAddress.of(path));
			return new UnixDomainHttpServer(path, channel);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Path path() {
		return this.path;
	}

	private void serve() {
		while (this.channel.isOpen()) {
			try (SocketChannel client = this.channel.accept()) {
				readRequestHead(client);
				client.write(ByteBuffer.wrap(RESPONSE));
			}
			catch (IOException ex) {
				// Closed by close(), or a client that went away
			}
		}
	}

	private static void readRequestHead(SocketChannel client) throws IOException {
		ByteBuffer buffer = ByteBuffer.allocate(8192);
		StringBuilder head = new StringBuilder();
		while (head.indexOf("\r\n\r\n") < 0 && client.read(buffer) >= 0) {
			buffer.flip();
			head.append(StandardCharsets.US_ASCII.decode(buffer));
			buffer.clear();
		}
	}

	@Override
	public void close() throws IOException {
		this.channel.close();
	}

}
