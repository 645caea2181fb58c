package dev.tcpkeepalive.test.natlab;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;

/**
 * Everything a lab has started (namespaces, capture, server and client JVMs), released
 * exactly once: on {@link #close()}, or on JVM shutdown if the lab was never closed.
 */
final class LabResources {

	final LabNetwork network;

	final LabClients clients;

	private @Nullable LabCapture capture;

	private @Nullable LabServer server;

	private final AtomicBoolean released = new AtomicBoolean();

	private final Thread shutdownHook;

	LabResources(LabNetwork network, int connections) {
		this.network = network;
		this.clients = new LabClients(network.client, connections);
		this.shutdownHook = new Thread(this::release, "nat-lab-teardown");
		Runtime.getRuntime().addShutdownHook(this.shutdownHook);
	}

	void capture(@Nullable LabCapture capture) {
		this.capture = capture;
	}

	void server(LabServer server) {
		this.server = server;
	}

	LabServer server() {
		if (this.server == null) {
			throw new IllegalStateException("The lab server is not running");
		}
		return this.server;
	}

	boolean isReleased() {
		return this.released.get();
	}

	void close() {
		release();
		try {
			Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
		}
		catch (IllegalStateException ex) {
			// Already shutting down: the hook is running or has run
		}
	}

	private void release() {
		if (!this.released.compareAndSet(false, true)) {
			return;
		}
		this.clients.killAll();
		if (this.server != null) {
			this.server.stop();
		}
		if (this.capture != null) {
			this.capture.stop();
		}
		List<Exception> failures = this.network.delete();
		if (!failures.isEmpty()) {
			IllegalStateException ex = new IllegalStateException("The NAT lab could not be torn down completely");
			failures.forEach(ex::addSuppressed);
			throw ex;
		}
	}

}
