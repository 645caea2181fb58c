package dev.tcpkeepalive.natlab;

import dev.tcpkeepalive.test.natlab.NatLab;
import dev.tcpkeepalive.test.natlab.NatLabExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * NAT lab proof for the blocking paths (HttpClient 5 under RestClient, RestTemplate, HTTP
 * service clients, and RestClient in a reactive web application; RestClient on Jetty): a
 * response that arrives after three NAT idle timeouts.
 */
@ExtendWith({ NatLabExtension.class, LabSummary.class })
class BlockingClientPathsNatLabTests {

	private static NatLab lab;

	@BeforeAll
	static void startLab(NatLab natLab) {
		lab = natLab;
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(names = { "REST_CLIENT", "REST_TEMPLATE", "HTTP_SERVICE_CLIENT", "REACTIVE_WEB_REST_CLIENT",
			"REST_CLIENT_JETTY" })
	void withTheStarterTheSlowResponseArrivesThroughTheNat(LabPath path) {
		LabRuns.assertSlowResponseArrives(lab, path);
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(names = { "REST_CLIENT", "REST_TEMPLATE", "HTTP_SERVICE_CLIENT", "REACTIVE_WEB_REST_CLIENT",
			"REST_CLIENT_JETTY" })
	void withoutKeepAliveTheClientWaitsForItsReadTimeout(LabPath path) {
		LabRuns.assertClientWaitsForItsReadTimeout(lab, path);
	}

}
