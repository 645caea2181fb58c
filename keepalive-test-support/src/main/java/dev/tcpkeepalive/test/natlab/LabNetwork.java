package dev.tcpkeepalive.test.natlab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The three network namespaces of a lab (client, nat and server) and the NAT's conntrack
 * and nftables setup.
 * <p>
 * Everything is created inside the lab's own namespaces, so the root namespace's
 * interfaces, sysctls and firewall are never touched.
 */
final class LabNetwork {

	static final String CLIENT_ADDRESS = "198.18.0.2";

	static final String NAT_CLIENT_SIDE_ADDRESS = "198.18.0.1";

	static final String NAT_SERVER_SIDE_ADDRESS = "198.19.0.1";

	static final String SERVER_ADDRESS = "198.19.0.2";

	private static final String PREFIX = "natlab-";

	private static final Pattern OWNED_NAME = Pattern.compile("^" + PREFIX + "(\\d+)-\\d+-(client|nat|server)$");

	private static final AtomicInteger sequence = new AtomicInteger();

	private static final String TABLE = "natlab";

	// The forward chain drops what a real NAT would: packets of flows it no longer knows,
	// and unsolicited inbound
	private static final String RULESET = """
			table inet %1$s {
				chain forward_filter {
					type filter hook forward priority filter; policy accept;
					ct state invalid drop
					iifname "to-server" ct state new drop
				}
				chain postrouting_nat {
					type nat hook postrouting priority srcnat; policy accept;
					oifname "to-server" masquerade
				}
			}
			""".formatted(TABLE);

	final String client;

	final String nat;

	final String server;

	private LabNetwork(String name) {
		this.client = name + "-client";
		this.nat = name + "-nat";
		this.server = name + "-server";
	}

	static LabNetwork create(Duration natIdleTimeout) {
		removeOrphans();
		LabNetwork network = new LabNetwork(PREFIX + ProcessHandle.current().pid() + "-" + sequence.incrementAndGet());
		try {
			network.build(natIdleTimeout);
			return network;
		}
		catch (RuntimeException ex) {
			network.delete().forEach(ex::addSuppressed);
			throw ex;
		}
	}

	private void build(Duration natIdleTimeout) {
		for (String namespace : List.of(this.client, this.nat, this.server)) {
			Shell.run("ip", "netns", "add", namespace);
			ip(namespace, "link", "set", "lo", "up");
		}
		ip(this.nat, "link", "add", "to-client", "type", "veth", "peer", "name", "to-nat", "netns", this.client);
		ip(this.nat, "link", "add", "to-server", "type", "veth", "peer", "name", "to-nat", "netns", this.server);
		address(this.client, "to-nat", CLIENT_ADDRESS + "/24");
		address(this.nat, "to-client", NAT_CLIENT_SIDE_ADDRESS + "/24");
		address(this.nat, "to-server", NAT_SERVER_SIDE_ADDRESS + "/24");
		address(this.server, "to-nat", SERVER_ADDRESS + "/24");
		// Only the client gets a route: the server sees the NAT's address and has no way
		// back on its own
		ip(this.client, "route", "add", "default", "via", NAT_CLIENT_SIDE_ADDRESS);
		// The ruleset goes first: it brings conntrack into the namespace, and with it the
		// sysctls set below
		Shell.runWithInput(RULESET, "ip", "netns", "exec", this.nat, "nft", "-f", "-");
		Shell.run("ip", "netns", "exec", this.nat, "sysctl", "-q", "-w", "net.ipv4.ip_forward=1",
				"net.netfilter.nf_conntrack_tcp_timeout_established=" + natIdleTimeout.toSeconds(),
				"net.netfilter.nf_conntrack_tcp_loose=0");
	}

	private static void address(String namespace, String device, String cidr) {
		ip(namespace, "addr", "add", cidr, "dev", device);
		ip(namespace, "link", "set", device, "up");
	}

	private static void ip(String namespace, String... args) {
		List<String> command = new ArrayList<>(List.of("ip", "-n", namespace));
		command.addAll(List.of(args));
		Shell.run(command.toArray(String[]::new));
	}

	String natSysctl(String name) {
		return Shell.run("ip", "netns", "exec", this.nat, "sysctl", "-n", name).strip();
	}

	void blackhole() {
		Shell.run("ip", "netns", "exec", this.nat, "nft", "insert", "rule", "inet", TABLE, "forward_filter", "drop");
	}

	List<Exception> delete() {
		List<Exception> failures = new ArrayList<>();
		for (String namespace : List.of(this.client, this.nat, this.server)) {
			try {
				if (exists(namespace)) {
					Shell.run("ip", "netns", "delete", namespace);
				}
			}
			catch (RuntimeException ex) {
				failures.add(ex);
			}
		}
		return failures;
	}

	private static boolean exists(String namespace) {
		return Shell.lines(Shell.run("ip", "netns", "list"))
			.stream()
			.anyMatch((line) -> line.split(" ")[0].equals(namespace));
	}

	// A JVM killed with SIGKILL runs no shutdown hook; its namespaces are recognised by
	// the dead pid in their name
	private static void removeOrphans() {
		for (String line : Shell.lines(Shell.run("ip", "netns", "list"))) {
			String name = line.split(" ")[0];
			Matcher matcher = OWNED_NAME.matcher(name);
			if (matcher.matches() && ProcessHandle.of(Long.parseLong(matcher.group(1))).isEmpty()) {
				Shell.succeeds("ip", "netns", "delete", name);
			}
		}
	}

	static List<String> existingLabNamespaces() {
		return Shell.lines(Shell.run("ip", "netns", "list"))
			.stream()
			.map((line) -> line.split(" ")[0])
			.filter((name) -> OWNED_NAME.matcher(name).matches())
			.toList();
	}

}
