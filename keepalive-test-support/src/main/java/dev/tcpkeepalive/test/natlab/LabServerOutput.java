package dev.tcpkeepalive.test.natlab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * What the lab server's JVM has reported on its output so far (its port and the requests
 * it received), and waits for more.
 */
final class LabServerOutput {

	private final List<String> requests = new ArrayList<>();

	private final StringBuilder otherOutput = new StringBuilder();

	private @Nullable Integer port;

	private boolean ended;

	/**
	 * Read the server's output on a daemon thread until it ends.
	 * @param output the server process's output, with its errors merged in
	 * @return the output, filled as lines arrive
	 */
	static LabServerOutput readInBackground(InputStream output) {
		LabServerOutput serverOutput = new LabServerOutput();
		Thread reader = new Thread(() -> serverOutput.read(output), "nat-lab-server-output");
		reader.setDaemon(true);
		reader.start();
		return serverOutput;
	}

	private void read(InputStream output) {
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				accept(line);
			}
		}
		catch (IOException ex) {
			// The process was destroyed: end of output
		}
		synchronized (this) {
			this.ended = true;
			notifyAll();
		}
	}

	private synchronized void accept(String line) {
		if (line.startsWith("LISTENING ")) {
			this.port = Integer.parseInt(line.substring(line.lastIndexOf(' ') + 1));
		}
		else if (line.startsWith("REQUEST ")) {
			this.requests.add(line.substring("REQUEST ".length()));
		}
		else {
			this.otherOutput.append(line).append('\n');
		}
		notifyAll();
	}

	synchronized void awaitListening(Duration deadline) {
		long end = System.nanoTime() + deadline.toNanos();
		while (this.port == null) {
			if (this.ended || System.nanoTime() > end) {
				throw new IllegalStateException("The lab server did not start:\n" + this.otherOutput);
			}
			waitUntil(end);
		}
	}

	synchronized int port() {
		if (this.port == null) {
			throw new IllegalStateException("The lab server has not reported its port");
		}
		return this.port;
	}

	synchronized String awaitRequest(String uriPart, Duration deadline) {
		long end = System.nanoTime() + deadline.toNanos();
		while (true) {
			List<String> matching = requests(uriPart);
			if (!matching.isEmpty()) {
				return matching.get(0);
			}
			if (this.ended || System.nanoTime() > end) {
				throw new IllegalStateException("No request containing '" + uriPart + "' arrived within " + deadline);
			}
			waitUntil(end);
		}
	}

	synchronized List<String> requests(String uriPart) {
		return this.requests.stream().filter((request) -> request.contains(uriPart)).toList();
	}

	private void waitUntil(long deadlineNanos) {
		try {
			TimeUnit.NANOSECONDS.timedWait(this, Math.max(1, deadlineNanos - System.nanoTime()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
