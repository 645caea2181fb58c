package dev.tcpkeepalive.benchmarks;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import com.sun.management.OperatingSystemMXBean;
import dev.tcpkeepalive.client.Client;
import dev.tcpkeepalive.observe.KeepAliveObservations;
import dev.tcpkeepalive.test.KernelSockets;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.http.client.autoconfigure.reactive.ClientHttpConnectorBuilderCustomizer;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The client of figure 4, run in the NAT lab's client namespace: opens many pooled
 * WebClient connections, holds them idle, sends one request on each, and prints what
 * happened as {@code SCALE <what> key=value ...} lines.
 * <p>
 * Arguments: the server's base URI, the side ({@code with} or {@code without}), a run id
 * that tags every request in the server's log, the connection count, the connections
 * opened before the first heap histogram, the idle period (ISO-8601) and the seconds the
 * server takes to answer each request, sending a byte a second.
 */
final class IdleScaleClient {

	static final String PREFIX = "SCALE ";

	private IdleScaleClient() {
	}

	public static void main(String[] args) throws Exception {
		URI server = URI.create(args[0]);
		Side side = Side.of(args[1]);
		int connections = Integer.parseInt(args[3]);
		int first = Integer.parseInt(args[4]);
		Duration idle = Duration.parse(args[5]);
		List<String> properties = List.of("--azure.tcp-keepalive.idle=2s", "--azure.tcp-keepalive.interval=2s",
				"--azure.tcp-keepalive.count=3", "--azure.tcp-keepalive.nat-idle-timeout=5s",
				"--bench.scale.connections=" + connections);
		// "Without" keeps the starter and switches it off, so both sides run the same
		// code apart from keepalive
		try (ConfigurableApplicationContext context = ClientApplication.run(side, Side.DISABLED, properties,
				ScalePool.class)) {
			IdleScaleRequests requests = new IdleScaleRequests(context.getBean(WebClient.Builder.class).build(), server,
					args[2], Integer.parseInt(args[6]));
			// Answers that take longer than dispatching a whole phase keep all its
			// requests in flight at once, so
			// each one holds its own connection; their byte a second keeps even flows
			// without keepalive alive
			print("first", requests.send("first", first));
			print("heap-first", HeapHistogram.take().starterSummary(first));
			print("open", requests.send("open", connections));
			HeapHistogram histogram = HeapHistogram.take();
			print("heap-open", histogram.starterSummary(connections));
			print("heap-classes", histogram.starterClasses());
			OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
			long cpuStart = os.getProcessCpuTime();
			long idleStart = System.nanoTime();
			// The idle period is the scenario itself: nothing is sent while the NAT's
			// timeout passes three times
			Thread.sleep(idle.toMillis());
			long cpu = os.getProcessCpuTime() - cpuStart;
			print("idle", String.format(Locale.ROOT, "seconds=%.1f cpu-seconds=%.3f",
					(System.nanoTime() - idleStart) / 1e9, cpu / 1e9));
			List<KernelSockets.Entry> sockets = KernelSockets.connectedTo(server.getPort());
			print("sockets", "established=" + sockets.size() + " keepalive-timer="
					+ sockets.stream().filter((entry) -> entry.keepAliveRemainingMillis() != null).count());
			KeepAliveObservations observations = context.getBeanProvider(KeepAliveObservations.class).getIfAvailable();
			print("observed",
					String.valueOf((observations != null) ? observations.latest(Client.REACTOR_NETTY) : null));
			IdleScaleRequests.Outcome reuse = requests.send("reuse", connections);
			print("reuse", reuse);
			print("reuse-failed", reuse.failedIndices());
			requests.done();
		}
		System.exit(0);
	}

	private static void print(String what, Object value) {
		System.out.println(PREFIX + what + " " + value);
	}

	/**
	 * A pool that holds every connection of the run: Boot's customizer at order 0
	 * installs its shared loop resources, this one replaces only the connection provider,
	 * and the starter's customizers at order 10 still apply.
	 */
	@Configuration(proxyBeanMethods = false)
	static class ScalePool {

		private static final Duration KEEP = Duration.ofMinutes(10);

		@Bean(destroyMethod = "dispose")
		ConnectionProvider scaleConnectionProvider(@Value("${bench.scale.connections}") int connections) {
			return ConnectionProvider.builder("idle-scale")
				.maxConnections(connections)
				.pendingAcquireMaxCount(-1)
				.pendingAcquireTimeout(KEEP)
				.maxIdleTime(KEEP)
				.maxLifeTime(KEEP)
				.build();
		}

		@Bean
		@Order(1)
		ClientHttpConnectorBuilderCustomizer<ReactorClientHttpConnectorBuilder> scalePoolCustomizer(
				ConnectionProvider scaleConnectionProvider) {
			return (builder) -> builder.withHttpClientFactory(() -> HttpClient.create(scaleConnectionProvider));
		}

	}

}
