package dev.tcpkeepalive.test.natlab;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A raw socket client without keepalive that the lab runs in its client namespace to
 * prove that the NAT drops idle flows: a quick request shows the path works, then a slow
 * answer on the same connection must never arrive.
 * <p>
 * Prints {@code SELF-CHECK TIMED_OUT <seconds>} when the drop happened and
 * {@code SELF-CHECK ANSWERED <seconds>} when it did not.
 *
 * @since 0.1.0
 */
public final class SelfCheckClient {

	private SelfCheckClient() {
	}

	/**
	 * Run the check.
	 * @param args server address, server port, answer delay in seconds, read timeout in
	 * milliseconds
	 * @throws IOException if the server cannot be reached at all
	 */
	public static void main(String[] args) throws IOException {
		String host = args[0];
		int port = Integer.parseInt(args[1]);
		try (Socket socket = new Socket()) {
			socket.setKeepAlive(false);
			socket.connect(new InetSocketAddress(host, port), 5000);
			socket.setSoTimeout(5000);
			exchange(socket, host, "/hello");
			socket.setSoTimeout(Integer.parseInt(args[3]));
			long start = System.nanoTime();
			try {
				exchange(socket, host, "/slow?seconds=" + args[2] + "&tag=self-check");
				System.out.println("SELF-CHECK ANSWERED " + seconds(start));
			}
			catch (SocketTimeoutException ex) {
				System.out.println("SELF-CHECK TIMED_OUT " + seconds(start));
			}
		}
	}

	private static String seconds(long startNanos) {
		return String.format(Locale.ROOT, "%.1f", (System.nanoTime() - startNanos) / 1e9);
	}

	private static void exchange(Socket socket, String host, String target) throws IOException {
		OutputStream out = socket.getOutputStream();
		out.write(("GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
		InputStream in = socket.getInputStream();
		int contentLength = 0;
		String line;
		while (!(line = readLine(in)).isEmpty()) {
			if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
				contentLength = Integer.parseInt(line.substring("content-length:".length()).strip());
			}
		}
		if (in.readNBytes(contentLength).length != contentLength) {
			throw new IOException("Connection closed in the middle of a response to " + target);
		}
	}

	private static String readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int b;
		while ((b = in.read()) != '\n') {
			if (b == -1) {
				throw new IOException("Connection closed before a complete response");
			}
			if (b != '\r') {
				line.write(b);
			}
		}
		return line.toString(StandardCharsets.US_ASCII);
	}

}
