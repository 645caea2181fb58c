package dev.tcpkeepalive.actuate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundleKey;
import org.springframework.boot.ssl.jks.JksSslStoreBundle;
import org.springframework.boot.ssl.jks.JksSslStoreDetails;

/**
 * A self-signed certificate for {@code 127.0.0.1} and {@code localhost}, made with the
 * JDK's {@code keytool} at test time: a PKCS12 key store for the server and a PEM
 * certificate for a client's trust bundle.
 */
final class SelfSignedCertificate {

	private static final String PASSWORD = "changeit";

	private final Path keyStore;

	private final Path certificate;

	private SelfSignedCertificate(Path keyStore, Path certificate) {
		this.keyStore = keyStore;
		this.certificate = certificate;
	}

	static SelfSignedCertificate create(Path directory) {
		Path keyStore = directory.resolve("server.p12");
		Path certificate = directory.resolve("server.pem");
		keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
				"-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-keystore", keyStore.toString(),
				"-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD);
		keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
				"-file", certificate.toString());
		return new SelfSignedCertificate(keyStore, certificate);
	}

	SslBundle serverBundle() {
		JksSslStoreDetails details = new JksSslStoreDetails("PKCS12", null, "file:" + this.keyStore, PASSWORD);
		return SslBundle.of(new JksSslStoreBundle(details, null), SslBundleKey.of(PASSWORD));
	}

	/**
	 * Return the properties of a Boot SSL bundle that trusts the certificate, used by
	 * every HTTP client.
	 * @return the properties
	 */
	String[] clientProperties() {
		return new String[] { "spring.ssl.bundle.pem.client.truststore.certificate=file:" + this.certificate,
				"spring.http.clients.ssl.bundle=client" };
	}

	private static void keytool(String... args) {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
		command.addAll(List.of(args));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException("keytool failed: " + output);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
