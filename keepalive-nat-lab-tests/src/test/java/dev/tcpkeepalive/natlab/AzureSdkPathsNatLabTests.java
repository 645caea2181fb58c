package dev.tcpkeepalive.natlab;

import dev.tcpkeepalive.test.natlab.NatLab;
import dev.tcpkeepalive.test.natlab.NatLabExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * NAT lab proof for the Azure SDK's clients built without {@code .httpClient(...)}:
 * azure-core's default {@code HttpClient} and a {@code BlobContainerClient}, on
 * azure-core-http-netty. Tagged {@code azure-sdk}.
 */
@Tag("azure-sdk")
@ExtendWith({ NatLabExtension.class, LabSummary.class })
class AzureSdkPathsNatLabTests {

	private static NatLab lab;

	@BeforeAll
	static void startLab(NatLab natLab) {
		lab = natLab;
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(names = { "AZURE_SDK_HTTP_CLIENT", "BLOB_CONTAINER_CLIENT" })
	void withTheStarterTheSlowResponseArrivesThroughTheNat(LabPath path) {
		LabRuns.assertSlowResponseArrives(lab, path);
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(names = { "AZURE_SDK_HTTP_CLIENT", "BLOB_CONTAINER_CLIENT" })
	void withoutKeepAliveTheClientWaitsForItsReadTimeout(LabPath path) {
		LabRuns.assertClientWaitsForItsReadTimeout(lab, path);
	}

}
