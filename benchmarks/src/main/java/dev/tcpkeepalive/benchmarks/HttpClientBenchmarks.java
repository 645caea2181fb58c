package dev.tcpkeepalive.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * JMH benchmarks of one HTTP request through a Spring Boot built client against a
 * loopback server.
 * <p>
 * Run through {@link PooledThroughput} and {@link NewConnectionThroughput}, which
 * interleave the sides.
 *
 * @since 0.1.0
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HttpClientBenchmarks {

	/**
	 * One request over a kept-alive, pooled connection.
	 * @param state the client and server
	 * @return the response body
	 */
	@Benchmark
	public String pooledRequest(ClientState state) {
		return state.pooledRequest();
	}

	/**
	 * One request with {@code Connection: close}, so each opens, and
	 * keepalive-configures, a new socket.
	 * @param state the client and server
	 * @return the response body
	 */
	@Benchmark
	public String newConnectionRequest(ClientState state) {
		return state.newConnectionRequest();
	}

}
