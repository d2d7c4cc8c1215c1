package fr.passerelle.territory;

import java.net.http.HttpResponse;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import fr.passerelle.IntegrationTest;
import fr.passerelle.StaffClient;
import fr.passerelle.TestAccounts;
import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class TerritoryApiIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	StaffClient app;

	@BeforeEach
	void signIn() {
		this.app = new StaffClient(this.port);
		this.app.login(TestAccounts.open(this.accounts, Role.VOLUNTEER).email(), TestAccounts.PASSWORD);
	}

	@Test
	void resolvesAPostcode() {
		HttpResponse<String> response = this.app.get("/api/territory/postcodes/20000");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat((String) JsonPath.read(response.body(), "$.departement.code")).isEqualTo("2A");
		assertThat((String) JsonPath.read(response.body(), "$.departement.name")).isEqualTo("Corse-du-Sud");
		assertThat((String) JsonPath.read(response.body(), "$.region.name")).isEqualTo("Corse");
		assertThat((String) JsonPath.read(response.body(), "$.postcode")).isEqualTo("20000");
	}

	@Test
	void namesTheProblemWithAnUnknownPostcode() {
		HttpResponse<String> response = this.app.get("/api/territory/postcodes/99999");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat((String) JsonPath.read(response.body(), "$.detail")).isEqualTo("Le code postal 99999 n'existe pas.");
	}

	@Test
	void namesTheProblemWithAMalformedPostcode() {
		HttpResponse<String> response = this.app.get("/api/territory/postcodes/7500");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(response.body(), "$.detail"))
			.isEqualTo("« 7500 » n'est pas un code postal : un code postal compte 5 chiffres.");
	}

	@Test
	void listsDepartementsAndRegions() {
		List<String> departements = JsonPath.read(this.app.get("/api/territory/departements").body(), "$[*].code");
		List<String> regions = JsonPath.read(this.app.get("/api/territory/regions").body(), "$[*].code");

		assertThat(departements).hasSize(101);
		assertThat(regions).hasSize(18);
	}

}
