package fr.passerelle.platform;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build inventories what ships (CycloneDX SBOMs in the jar): the backend's Maven
 * dependencies and the staff app's npm packages, so that a vulnerability check can run
 * against them (docs/threat-model.md, V15).
 */
class DependencyInventoryTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void theBackendsInventoryListsWhatRunsInProduction() throws IOException {
		List<String> components = components("/META-INF/sbom/application.cdx.json", false);

		assertThat(components).contains("org.springframework.boot:spring-boot", "com.twilio.sdk:twilio",
				"org.mariadb.jdbc:mariadb-java-client", "org.flywaydb:flyway-core");
		assertThat(components).as("test libraries do not ship")
			.doesNotContain("org.junit.jupiter:junit-jupiter-api", "org.mockito:mockito-core");
	}

	@Test
	void theStaffAppsInventoryListsItsPackagesAndMarksTheBuildTools() throws IOException {
		List<String> shipped = components("/META-INF/sbom/staff-app.cdx.json", false);
		List<String> tools = components("/META-INF/sbom/staff-app.cdx.json", true);

		assertThat(shipped).contains("react", "react-dom", "@stomp/stompjs", "@tanstack/react-query", "react-router");
		assertThat(tools).contains("vite", "vitest", "eslint", "typescript").doesNotContain("react");
	}

	/**
	 * @param development the build's tools (npm marks them) rather than what ships
	 */
	private List<String> components(String path, boolean development) throws IOException {
		try (InputStream bom = getClass().getResourceAsStream(path)) {
			assertThat(bom).as("%s is built", path).isNotNull();
			JsonNode root = this.json.readTree(bom);
			assertThat(root.path("bomFormat").asString()).isEqualTo("CycloneDX");
			List<String> names = new ArrayList<>();
			for (JsonNode component : root.path("components")) {
				boolean tool = false;
				for (JsonNode property : component.path("properties")) {
					tool |= "cdx:npm:package:development".equals(property.path("name").asString())
							&& "true".equals(property.path("value").asString());
				}
				if (tool != development) {
					continue;
				}
				String group = component.path("group").asString("");
				String name = component.path("name").asString();
				names.add(group.isEmpty() ? name : group + ":" + name);
			}
			return names;
		}
	}

}
