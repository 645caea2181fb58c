package dev.tcpkeepalive.actuate;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.Http2;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServer;

/**
 * A Tomcat server on an ephemeral loopback port, with TLS from a Boot SSL bundle and
 * HTTP/2 (h2 over TLS, h2c without) when asked: {@code /hello} answers {@code hello},
 * {@code /protocol} the protocol of the request. It remembers the client address of every
 * request, to count connections.
 */
final class TomcatHelloServer implements AutoCloseable {

	private final WebServer server;

	private final boolean secure;

	private final Set<String> clientAddresses;

	private TomcatHelloServer(WebServer server, boolean secure, Set<String> clientAddresses) {
		this.server = server;
		this.secure = secure;
		this.clientAddresses = clientAddresses;
	}

	static TomcatHelloServer start(@Nullable SslBundle ssl, boolean http2) {
		TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
		factory.setAddress(InetAddress.getLoopbackAddress());
		if (http2) {
			Http2 settings = new Http2();
			settings.setEnabled(true);
			factory.setHttp2(settings);
		}
		if (ssl != null) {
			factory.setSsl(Ssl.forBundle("server"));
			factory.setSslBundles(new DefaultSslBundleRegistry("server", ssl));
		}
		Set<String> clientAddresses = ConcurrentHashMap.newKeySet();
		WebServer server = factory
			.getWebServer((context) -> context.addServlet("hello", new HelloServlet(clientAddresses))
				.addMapping("/hello", "/protocol"));
		server.start();
		return new TomcatHelloServer(server, ssl != null, clientAddresses);
	}

	int port() {
		return this.server.getPort();
	}

	URI uri(String path) {
		return URI.create((this.secure ? "https" : "http") + "://127.0.0.1:" + port() + path);
	}

	/**
	 * Return the address and port of every client connection that sent a request.
	 * @return the client addresses
	 */
	Set<String> clientAddresses() {
		return Set.copyOf(this.clientAddresses);
	}

	@Override
	public void close() {
		this.server.stop();
	}

	private static final class HelloServlet extends HttpServlet {

		private final Set<String> clientAddresses;

		HelloServlet(Set<String> clientAddresses) {
			this.clientAddresses = clientAddresses;
		}

		@Override
		protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
			this.clientAddresses.add(request.getRemoteAddr() + ":" + request.getRemotePort());
			response.setContentType("text/plain");
			response.getWriter().write(request.getRequestURI().equals("/protocol") ? request.getProtocol() : "hello");
		}

	}

}
