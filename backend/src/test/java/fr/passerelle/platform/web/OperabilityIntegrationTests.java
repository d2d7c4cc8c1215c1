package fr.passerelle.platform.web;

import java.net.http.HttpResponse;

import com.jayway.jsonpath.JsonPath;
import fr.passerelle.IntegrationTest;
import fr.passerelle.StaffClient;
import fr.passerelle.TestAccounts;
import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class OperabilityIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Test
	void reportsHealthLivenessAndReadinessToAnyone() {
		StaffClient probe = new StaffClient(this.port);

		for (String path : new String[] { "/actuator/health", "/actuator/health/liveness",
				"/actuator/health/readiness" }) {
			HttpResponse<String> response = probe.get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			assertThat((String) JsonPath.read(response.body(), "$.status")).as(path).isEqualTo("UP");
		}
	}

	@Test
	void showsPrometheusMetricsToAdministratorsOnly() {
		StaffClient admin = new StaffClient(this.port);
		admin.login(TestAccounts.open(this.accounts, Role.ADMIN).email(), TestAccounts.PASSWORD);
		StaffClient coordinator = new StaffClient(this.port);
		coordinator.login(TestAccounts.open(this.accounts, Role.COORDINATOR).email(), TestAccounts.PASSWORD);

		HttpResponse<String> metrics = admin
			.send(admin.request("/actuator/prometheus").setHeader("Accept", "text/plain"));

		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
		assertThat(coordinator.get("/actuator/prometheus").statusCode()).isEqualTo(403);
		assertThat(new StaffClient(this.port).get("/actuator/prometheus").statusCode()).isEqualTo(404);
	}

	@Test
	void saysWhichBuildAndCommitRunToAdministrators() {
		StaffClient admin = new StaffClient(this.port);
		admin.login(TestAccounts.open(this.accounts, Role.ADMIN).email(), TestAccounts.PASSWORD);

		HttpResponse<String> info = admin.get("/actuator/info");

		assertThat(info.statusCode()).isEqualTo(200);
		assertThat((String) JsonPath.read(info.body(), "$.build.artifact")).isEqualTo("passerelle-backend");
		assertThat((String) JsonPath.read(info.body(), "$.build.version")).isNotBlank();
		// a build from a Git checkout (as CI's) names its commit
		assertThat((String) JsonPath.read(info.body(), "$.git.commit.id")).matches("[0-9a-f]{7,40}");
	}

	@Test
	void describesItsSettingsForIdes() throws Exception {
		try (var metadata = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(metadata).as("written by spring-boot-configuration-processor").isNotNull();
			String json = new String(metadata.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
			assertThat(json).contains("\"passerelle.routing.wrap-up\"", "\"passerelle.callbacks.max-attempts\"");
		}
	}

}
