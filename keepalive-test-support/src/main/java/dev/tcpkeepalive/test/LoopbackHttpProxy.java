package dev.tcpkeepalive.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small HTTP proxy on loopback: {@code CONNECT} tunnels (for https) and plain
 * forwarding of absolute-form requests.
 * <p>
 * Each client connection is tied to the target of its first request, which is all a test
 * against one server needs.
 */
public final class LoopbackHttpProxy implements AutoCloseable {

	private final ServerSocket server;

	private final ExecutorService executor = Executors.newCachedThreadPool((runnable) -> {
		Thread thread = new Thread(runnable, "loopback-http-proxy");
		thread.setDaemon(true);
		return thread;
	});

	private final List<String> requestLines = new CopyOnWriteArrayList<>();

	private LoopbackHttpProxy(ServerSocket server) {
		this.server = server;
		this.executor.execute(this::accept);
	}

	/**
	 * Start a proxy on 127.0.0.1 and an ephemeral port.
	 * @return the running proxy
	 */
	public static LoopbackHttpProxy start() {
		try {
			return new LoopbackHttpProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start the proxy", ex);
		}
	}

	/**
	 * Return the port the proxy listens on.
	 * @return the port
	 */
	public int port() {
		return this.server.getLocalPort();
	}

	/**
	 * Return the first request line of every client connection, such as
	 * {@code CONNECT 127.0.0.1:8443 HTTP/1.1}.
	 * @return the request lines, in order of arrival
	 */
	public List<String> requestLines() {
		return List.copyOf(this.requestLines);
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				this.executor.execute(() -> serve(client));
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void serve(Socket client) {
		try (client) {
			InputStream fromClient = client.getInputStream();
			String head = readHead(fromClient);
			String requestLine = head.substring(0, head.indexOf("\r\n"));
			this.requestLines.add(requestLine);
			String[] parts = requestLine.split(" ");
			boolean tunnel = "CONNECT".equals(parts[0]);
			URI target = URI.create(tunnel ? "//" + parts[1] : parts[1]);
			try (Socket upstream = new Socket(target.getHost(), target.getPort())) {
				OutputStream toClient = client.getOutputStream();
				if (tunnel) {
					toClient.write("HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
					toClient.flush();
				}
				else {
					String path = (target.getRawQuery() != null) ? target.getRawPath() + "?" + target.getRawQuery()
							: target.getRawPath();
					String originForm = parts[0] + " " + path + " " + parts[2] + head.substring(requestLine.length());
					upstream.getOutputStream().write(originForm.getBytes(StandardCharsets.ISO_8859_1));
				}
				this.executor.execute(() -> pipe(upstream, client));
				pipe(client, upstream);
			}
		}
		catch (IOException | RuntimeException ex) {
			// The client or the target went away
		}
	}

	private static void pipe(Socket from, Socket to) {
		try {
			from.getInputStream().transferTo(to.getOutputStream());
		}
		catch (IOException ex) {
			// Either side closed
		}
		finally {
			closeQuietly(to);
			closeQuietly(from);
		}
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// Already closed
		}
	}

	private static String readHead(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int next;
		while ((next = in.read()) != -1) {
			head.write(next);
			String text = head.toString(StandardCharsets.ISO_8859_1);
			if (text.endsWith("\r\n\r\n")) {
				return text;
			}
		}
		throw new IOException("Connection closed before a request head");
	}

	/**
	 * Return the address the proxy listens on.
	 * @return the address
	 */
	public InetSocketAddress address() {
		return new InetSocketAddress(this.server.getInetAddress(), port());
	}

	@Override
	public void close() {
		try {
			this.server.close();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			this.executor.shutdownNow();
		}
	}

}
