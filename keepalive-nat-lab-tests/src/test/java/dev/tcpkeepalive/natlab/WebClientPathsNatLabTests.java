package dev.tcpkeepalive.natlab;

import dev.tcpkeepalive.test.natlab.NatLab;
import dev.tcpkeepalive.test.natlab.NatLabExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * NAT lab proof for WebClient over Reactor Netty (epoll and NIO), the HttpComponents
 * async connector and Jetty: a response that arrives after three NAT idle timeouts.
 * Tagged {@code webclient}.
 */
@Tag("webclient")
@ExtendWith({ NatLabExtension.class, LabSummary.class })
class WebClientPathsNatLabTests {

	private static NatLab lab;

	@BeforeAll
	static void startLab(NatLab natLab) {
		lab = natLab;
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(names = { "WEB_CLIENT_EPOLL", "WEB_CLIENT_NIO", "WEB_CLIENT_HTTP_COMPONENTS", "WEB_CLIENT_JETTY" })
	void withTheStarterTheSlowResponseArrivesThroughTheNat(LabPath path) {
		LabRuns.assertSlowResponseArrives(lab, path);
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(names = { "WEB_CLIENT_EPOLL", "WEB_CLIENT_NIO", "WEB_CLIENT_HTTP_COMPONENTS", "WEB_CLIENT_JETTY" })
	void withoutKeepAliveTheClientWaitsForItsReadTimeout(LabPath path) {
		LabRuns.assertClientWaitsForItsReadTimeout(lab, path);
	}

}
