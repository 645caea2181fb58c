package dev.tcpkeepalive.test.natlab;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A three-namespace lab (client, nat, server) whose NAT silently forgets TCP flows that
 * stay idle longer than a configurable timeout, as Azure's load balancers and NAT
 * gateways do after four minutes.
 * <p>
 * {@link #start(Duration)} builds the network, starts the slow server and proves that an
 * idle flow without keepalive really is dropped; clients then run as child JVMs in the
 * client namespace. Always {@link #close() close} the lab: it also closes itself on JVM
 * shutdown, and a later start removes namespaces left by a JVM that was killed.
 *
 * @since 0.1.0
 */
public final class NatLab implements AutoCloseable {

	/**
	 * NAT idle timeout used by {@link #start()}.
	 */
	public static final Duration DEFAULT_NAT_IDLE_TIMEOUT = Duration.ofSeconds(5);

	private static final Duration DEFAULT_CLIENT_DEADLINE = Duration.ofMinutes(2);

	private final Duration natIdleTimeout;

	private final LabResources resources;

	private NatLab(Duration natIdleTimeout, LabNetwork network, int connections) {
		this.natIdleTimeout = natIdleTimeout;
		this.resources = new LabResources(network, connections);
	}

	/**
	 * Start a lab whose NAT forgets flows idle for {@link #DEFAULT_NAT_IDLE_TIMEOUT}.
	 * @return the running, self-checked lab
	 */
	public static NatLab start() {
		return start(DEFAULT_NAT_IDLE_TIMEOUT);
	}

	/**
	 * Start a lab, start its slow server, and prove that the NAT drops an idle flow
	 * without keepalive.
	 * @param natIdleTimeout how long the NAT keeps an idle established flow, in whole
	 * seconds
	 * @return the running, self-checked lab
	 * @throws IllegalStateException if the lab cannot be built or the NAT does not drop
	 * idle flows
	 */
	public static NatLab start(Duration natIdleTimeout) {
		return start(natIdleTimeout, 0);
	}

	/**
	 * Start a lab sized for many concurrent connections: its server keeps that many idle
	 * connections open, its server and client JVMs get heap for them, and the host's
	 * open-file limit and conntrack table are checked to hold them.
	 * @param natIdleTimeout how long the NAT keeps an idle established flow, in whole
	 * seconds
	 * @param connections connections a client will hold at once; {@code 0} for a lean lab
	 * as {@link #start(Duration)}
	 * @return the running, self-checked lab
	 * @throws IllegalStateException if the lab cannot be built, the host cannot hold that
	 * many connections, or the NAT does not drop idle flows
	 */
	public static NatLab start(Duration natIdleTimeout, int connections) {
		return start(natIdleTimeout, connections, LabServer.Kind.THREAD_PER_EXCHANGE);
	}

	/**
	 * Start a lab sized for many concurrent connections, as
	 * {@link #start(Duration, int)}, with the given kind of server.
	 * @param natIdleTimeout how long the NAT keeps an idle established flow, in whole
	 * seconds
	 * @param connections connections a client will hold at once; {@code 0} for a lean lab
	 * as {@link #start(Duration)}
	 * @param server the kind of lab server; {@link LabServer.Kind#EVENT_LOOP} to hold
	 * thousands of requests in flight
	 * @return the running, self-checked lab
	 * @throws IllegalStateException if the lab cannot be built, the host cannot hold that
	 * many connections, or the NAT does not drop idle flows
	 */
	public static NatLab start(Duration natIdleTimeout, int connections, LabServer.Kind server) {
		if (connections < 0) {
			throw new IllegalArgumentException("'connections' must not be negative");
		}
		NatLab lab = new NatLab(natIdleTimeout, LabNetwork.create(natIdleTimeout), connections);
		try {
			if (connections > 0) {
				LabCapacity.check(connections, lab.resources.network);
			}
			lab.resources.capture(LabCapture.startIfRequested(lab.resources.network));
			lab.resources.server(LabServer.start(lab.resources.network.server, connections, server));
			IdleFlowSelfCheck.run(lab);
			return lab;
		}
		catch (RuntimeException | Error ex) {
			lab.close();
			throw ex;
		}
	}

	/**
	 * Return the NAT's idle timeout.
	 * @return the timeout after which the NAT forgets an idle flow
	 */
	public Duration natIdleTimeout() {
		return this.natIdleTimeout;
	}

	/**
	 * Return the slow server in the server namespace.
	 * @return the server
	 */
	public LabServer server() {
		return this.resources.server();
	}

	/**
	 * Start a child JVM in the client namespace with this JVM's class path, and return
	 * without waiting. At most {@code natlab.max-concurrent-clients} (4) clients run at
	 * once across all labs; this waits for a free slot.
	 * @param mainClass the class whose {@code main} method runs
	 * @param args the program arguments
	 * @param systemProperties system properties, passed as {@code -Dname=value}
	 * @return the running client
	 */
	public RunningClient startClient(Class<?> mainClass, List<String> args, Map<String, String> systemProperties) {
		if (this.resources.isReleased()) {
			throw new IllegalStateException("The lab is closed");
		}
		return this.resources.clients.start(mainClass, args, systemProperties);
	}

	/**
	 * Run a child JVM in the client namespace to completion, killing it after two
	 * minutes.
	 * @param mainClass the class whose {@code main} method runs
	 * @param args the program arguments
	 * @param systemProperties system properties, passed as {@code -Dname=value}
	 * @return what the client did
	 */
	public ClientRun runClient(Class<?> mainClass, List<String> args, Map<String, String> systemProperties) {
		return startClient(mainClass, args, systemProperties).await(DEFAULT_CLIENT_DEADLINE);
	}

	/**
	 * Wait until every client socket connected to the lab server has all its sent data
	 * acknowledged, so that the flow is truly idle: while data is unacknowledged the
	 * kernel retransmits instead of sending keepalive probes.
	 * @param timeout how long to wait
	 */
	public void awaitClientSocketsAcknowledged(Duration timeout) {
		this.resources.clients.awaitSocketsAcknowledged(server().port(), timeout);
	}

	/**
	 * Make the NAT drop every packet in both directions from now on, as if the server had
	 * vanished.
	 */
	public void blackhole() {
		this.resources.network.blackhole();
	}

	/**
	 * Kill every process the lab started and delete its namespaces.
	 */
	@Override
	public void close() {
		this.resources.close();
	}

	/**
	 * Return the names of the lab namespaces that exist now, from this or any other run.
	 * @return the names, empty when no lab is running and every lab was torn down
	 */
	public static List<String> leftoverNamespaces() {
		return LabNetwork.existingLabNamespaces();
	}

}
