package dev.tcpkeepalive.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests that the jar's configuration metadata describes every property with its default,
 * as the README does.
 */
class ConfigurationMetadataTests {

	private static final Path README = Path.of("..", "README.md");

	private static final Pattern README_ROW = Pattern
		.compile("^\\| `(azure\\.tcp-keepalive\\.[^`]+)` \\| (\\w+) \\|\\s*`?([^`|]*?)`?\\s*\\| (.*) \\|$");

	// A row of "Recommended settings per cloud": middlebox, idle timeout, then
	// `nat-idle-timeout` and the settings
	private static final Pattern README_CLOUD_ROW = Pattern
		.compile("^\\| [^`|]+ \\| [^`|]+ \\| `([^`]+)` \\| `[^`]+` \\| `[^`]+` \\| `\\d+` \\|$");

	@Test
	void whenTheJarIsBuiltThenEveryPropertyHasADescriptionAndDefault() throws IOException {
		List<Map<String, Object>> properties = metadata();
		assertThat(properties).extracting((property) -> property.get("name"))
			.containsExactlyInAnyOrder("azure.tcp-keepalive.enabled", "azure.tcp-keepalive.idle",
					"azure.tcp-keepalive.interval", "azure.tcp-keepalive.count", "azure.tcp-keepalive.nat-idle-timeout",
					"azure.tcp-keepalive.user-timeout", "azure.tcp-keepalive.http-components.enabled",
					"azure.tcp-keepalive.reactor-netty.enabled", "azure.tcp-keepalive.jetty.enabled",
					"azure.tcp-keepalive.azure-sdk.enabled",
					// Generated from the endpoint's annotation, like every Boot
					// endpoint's
					"management.endpoint.tcpkeepalive.access", "management.endpoint.tcpkeepalive.cache.time-to-live");
		assertThat(properties).allSatisfy((property) -> assertThat((String) property.get("description")).isNotBlank());
		assertThat(properties)
			.filteredOn((property) -> !property.get("name").equals("azure.tcp-keepalive.user-timeout"))
			.allSatisfy((property) -> assertThat(property.get("defaultValue")).isNotNull());
		assertThat(properties)
			.extracting((property) -> property.get("name"), (property) -> property.get("defaultValue"))
			.contains(tuple("azure.tcp-keepalive.idle", "120s"), tuple("azure.tcp-keepalive.interval", "30s"),
					tuple("azure.tcp-keepalive.count", 8), tuple("azure.tcp-keepalive.nat-idle-timeout", "4m"),
					tuple("azure.tcp-keepalive.enabled", true),
					tuple("management.endpoint.tcpkeepalive.access", "read_only"));
	}

	@Test
	void theReadmePropertyTableMatchesTheMetadataExactly() throws IOException {
		List<List<String>> readme = Files.readAllLines(README)
			.stream()
			.map(README_ROW::matcher)
			.filter(Matcher::matches)
			.map((row) -> List.of(row.group(1), row.group(2), row.group(3).trim(), row.group(4)))
			.toList();
		List<List<String>> metadata = metadata().stream()
			.filter((property) -> ((String) property.get("name")).startsWith("azure.tcp-keepalive."))
			.map((property) -> List.of((String) property.get("name"), simpleName((String) property.get("type")),
					String.valueOf(property.getOrDefault("defaultValue", "")), (String) property.get("description")))
			.toList();
		assertThat(readme).isNotEmpty().containsExactlyInAnyOrderElementsOf(metadata);
	}

	@Test
	void theNatIdleTimeoutHintsAreTheReadmeRecommendationsPerCloud() throws IOException {
		List<String> readme = Files.readAllLines(README)
			.stream()
			.map(README_CLOUD_ROW::matcher)
			.filter(Matcher::matches)
			.map((row) -> row.group(1))
			.toList();
		List<Map<String, Object>> hints = read(
				"$.hints[?(@.name == 'azure.tcp-keepalive.nat-idle-timeout')].values[*]");
		assertThat(hints).allSatisfy((hint) -> assertThat((String) hint.get("description")).isNotBlank());
		assertThat(hints).extracting((hint) -> hint.get("value"))
			.containsExactly("4m", "30m", "350s", "20m")
			.containsExactlyElementsOf(readme);
	}

	private static String simpleName(String type) {
		return type.substring(type.lastIndexOf('.') + 1);
	}

	private static List<Map<String, Object>> metadata() throws IOException {
		return read("$.properties");
	}

	private static List<Map<String, Object>> read(String path) throws IOException {
		try (InputStream in = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
			return JsonPath.parse(in).read(path);
		}
	}

}
