package dev.tcpkeepalive.benchmarks;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Sends a fixed number of requests through one client, in its own JVM under
 * {@code strace}, and brackets each measured window with a marker system call that
 * {@link StraceLog} finds in the trace.
 * <p>
 * Launched by {@link SyscallComparison} with the client, the side, the way "without" is
 * made, the server's URI, the number of requests per window and the number of unmeasured
 * warmup requests of each kind.
 *
 * @since 0.1.0
 */
public final class SyscallProbe {

	/**
	 * Directory of the marker paths; it does not exist, so each marker is one failing
	 * {@code access} call.
	 */
	static final String MARKER_DIRECTORY = "/nonexistent-tcpkeepalive-syscall-marker/";

	static final String NEW_CONNECTIONS = "new-connections";

	static final String POOLED = "pooled";

	private SyscallProbe() {
	}

	public static void main(String[] args) {
		String client = args[0];
		Side side = Side.of(args[1]);
		URI uri = URI.create(args[3]);
		int requests = Integer.parseInt(args[4]);
		int warmups = Integer.parseInt(args[5]);
		try (ConfigurableApplicationContext context = ClientApplication.run(side, args[2])) {
			ClientRequests clientRequests = ClientRequests.of(context, client, uri);
			// Warm up first, so that class loading, first-connection work and JIT are
			// outside the windows. Closing
			// requests go last, so that no pooled connection is left for the first one of
			// the window to reuse.
			send(clientRequests.pooled(), warmups);
			send(clientRequests.closing(), warmups);
			OpenConnections.awaitNone(uri.getPort());
			mark(NEW_CONNECTIONS + "-begin");
			send(clientRequests.closing(), requests);
			// Closes happen in the window of the connections they end, even where the
			// client closes asynchronously
			OpenConnections.awaitNone(uri.getPort());
			mark(NEW_CONNECTIONS + "-end");
			// Opens the connection that the pooled window then reuses
			send(clientRequests.pooled(), 1);
			mark(POOLED + "-begin");
			send(clientRequests.pooled(), requests);
			mark(POOLED + "-end");
		}
		System.exit(0);
	}

	private static void send(Supplier<String> request, int count) {
		for (int i = 0; i < count; i++) {
			request.get();
		}
	}

	private static void mark(String name) {
		Files.isReadable(Path.of(MARKER_DIRECTORY + name));
	}

}
