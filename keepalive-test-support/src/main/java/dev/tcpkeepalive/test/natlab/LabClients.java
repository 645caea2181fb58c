package dev.tcpkeepalive.test.natlab;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;

/**
 * The client JVMs a lab runs in its client namespace, and the kernel's view of their
 * sockets.
 */
final class LabClients {

	// Client JVMs cost CPU mostly while starting; more than a few at once starve a small
	// machine. Shared by all labs
	private static final Semaphore slots = new Semaphore(Integer.getInteger("natlab.max-concurrent-clients", 4), true);

	private final String namespace;

	private final int connections;

	private final Set<RunningClient> started = ConcurrentHashMap.newKeySet();

	LabClients(String namespace, int connections) {
		this.namespace = namespace;
		this.connections = connections;
	}

	RunningClient start(Class<?> mainClass, List<String> args, Map<String, String> systemProperties) {
		List<String> command = ChildJvm.command(this.namespace, this.connections, mainClass.getName(), args,
				systemProperties);
		slots.acquireUninterruptibly();
		RunningClient client;
		try {
			client = RunningClient.start(command);
		}
		catch (RuntimeException ex) {
			slots.release();
			throw ex;
		}
		client.onExit(slots::release);
		this.started.add(client);
		return client;
	}

	void awaitSocketsAcknowledged(int serverPort, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		String filter = "( dport = :" + serverPort + " )";
		while (true) {
			String sockets = Shell.run("ip", "netns", "exec", this.namespace, "ss", "-tnoi", "state", "established",
					filter);
			boolean connected = sockets.lines().anyMatch((line) -> line.contains(":" + serverPort));
			if (connected && !sockets.contains("unacked:") && !sockets.contains("timer:(on,")) {
				return;
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Client sockets still have unacknowledged data:\n" + sockets);
			}
			// Polling the kernel's view is the synchronisation itself; there is no event
			// to wait on
			LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
		}
	}

	void killAll() {
		this.started.stream().filter(RunningClient::isAlive).forEach(RunningClient::kill);
	}

}
