package dev.tcpkeepalive.benchmarks;

import java.util.function.Supplier;

import dev.tcpkeepalive.client.Client;
import dev.tcpkeepalive.observe.KeepAliveObservations;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import reactor.netty.resources.LoopResources;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * A loopback server and one client built by a real Spring Boot context, with or without
 * the starter.
 * <p>
 * Public, with public parameter fields, because JMH's generated code lives in another
 * package.
 *
 * @since 0.1.0
 */
@State(Scope.Benchmark)
public class ClientState {

	private static final int CHECKED_REQUESTS = 20;

	/** {@code rest-client} (HttpClient 5) or {@code web-client} (Reactor Netty). */
	@Param({ "rest-client", "web-client" })
	public String client = "rest-client";

	/** {@code with} or {@code without} the starter. */
	@Param({ "with", "without" })
	public String starter = "with";

	/**
	 * How the "without" side is made: {@code excluded} or {@code disabled}, see
	 * {@link Side}.
	 */
	@Param({ Side.EXCLUDED })
	public String without = Side.EXCLUDED;

	private @Nullable LoopbackServer server;

	private @Nullable ConfigurableApplicationContext context;

	private Supplier<String> pooled = () -> "";

	private Supplier<String> closing = () -> "";

	@Setup(Level.Trial)
	public void start() {
		LoopbackServer server = new LoopbackServer();
		this.server = server;
		this.context = ClientApplication.run(Side.of(this.starter), this.without);
		ClientRequests requests = ClientRequests.of(this.context, this.client, server.uri());
		this.pooled = requests.pooled();
		this.closing = requests.closing();
		checkConnectionReuse(server);
		System.out.printf("%s %s the starter: Reactor Netty native transport %s, HttpClient 5 observed %s%n",
				this.client, this.starter, LoopResources.hasNativeSupport() ? "on" : "off", observed());
	}

	// Without this a benchmark could measure the wrong thing: a pool that never reuses,
	// or a close that is ignored.
	// Closing requests go first, while the pool holds no connection that the first of
	// them could reuse.
	private void checkConnectionReuse(LoopbackServer server) {
		long closingConnections = connectionsOpenedBy(this.closing, server);
		long pooledConnections = connectionsOpenedBy(this.pooled, server);
		if (closingConnections != CHECKED_REQUESTS || pooledConnections > CHECKED_REQUESTS / 4) {
			throw new IllegalStateException("Expected 'Connection: close' requests to open one connection each and "
					+ "pooled requests to reuse them, but " + CHECKED_REQUESTS + " of each opened " + closingConnections
					+ " and " + pooledConnections);
		}
	}

	private static long connectionsOpenedBy(Supplier<String> request, LoopbackServer server) {
		long before = server.acceptedConnections();
		for (int i = 0; i < CHECKED_REQUESTS; i++) {
			request.get();
		}
		return server.acceptedConnections() - before;
	}

	private String observed() {
		KeepAliveObservations observations = (this.context != null)
				? this.context.getBeanProvider(KeepAliveObservations.class).getIfAvailable() : null;
		return (observations != null) ? String.valueOf(observations.latest(Client.HTTP_COMPONENTS))
				: "nothing (no observer)";
	}

	@TearDown(Level.Trial)
	public void stop() {
		if (this.context != null) {
			this.context.close();
		}
		if (this.server != null) {
			this.server.close();
		}
	}

	String pooledRequest() {
		return this.pooled.get();
	}

	String newConnectionRequest() {
		return this.closing.get();
	}

}
