package dev.tcpkeepalive.natlab;

import java.util.Map;

/**
 * The two ways every path runs: with the starter tuned for the lab's 5 s NAT, and with
 * keepalive switched off.
 */
enum LabMode {

	WITH_STARTER("with starter",
			Map.of("azure.tcp-keepalive.idle", "2", "azure.tcp-keepalive.interval", "2", "azure.tcp-keepalive.count",
					"3", "azure.tcp-keepalive.nat-idle-timeout", "5s")),

	WITHOUT_STARTER("without (enabled=false)", Map.of("azure.tcp-keepalive.enabled", "false"));

	private final String label;

	private final Map<String, String> properties;

	LabMode(String label, Map<String, String> properties) {
		this.label = label;
		this.properties = properties;
	}

	String label() {
		return this.label;
	}

	Map<String, String> properties() {
		return this.properties;
	}

}
