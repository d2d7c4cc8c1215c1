package fr.passerelle.statistics;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Arrays;

import fr.passerelle.IntegrationTest;
import fr.passerelle.StaffClient;
import fr.passerelle.TestClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The open data, for everyone: the daily activity by région and theme, counts under 5
 * left blank, and a page that says what each column means and under which licence. Its
 * figures are on 5 January 2032, where no other test writes.
 */
@IntegrationTest
class OpenDataIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Test
	void publishesTheDailyActivityByRegionAndThemeWithSmallCountsLeftBlank() {
		cell("statistics_calls", "53", "CAF", "calls, answered", "7, 3");
		cell("statistics_requests", "53", "CAF", "callbacks", "6");
		cell("statistics_calls", "53", "HEALTH", "calls, answered", "0, 0");
		cell("statistics_requests", "53", "TAXES", "callbacks", "5");
		cell("statistics_calls", "FR", "CAF", "calls, answered", "7, 3");
		cell("statistics_calls", "04", "CAF", "calls, answered", "12, 12");
		this.clock.set(Instant.parse("2032-01-10T10:00:00Z"));

		HttpResponse<String> file = new StaffClient(this.port).get("/donnees/activite.csv");

		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/csv").containsIgnoringCase("charset=UTF-8"));
		assertThat(file.headers().firstValue("Cache-Control"))
			.hasValueSatisfying((cache) -> assertThat(cache).contains("public"));
		String[] lines = file.body().split("\r\n");
		assertThat(lines[0])
			.isEqualTo("jour,region_code,region,theme_code,theme,appels,demandes_de_rappel," + "appels_repondus");
		assertThat(lines).filteredOn((line) -> line.startsWith("2032-01-05"))
			.as("3 calls answered are left blank; the national line is not a région's; nothing, no line")
			.containsExactly("2032-01-05,04,La Réunion,CAF,CAF & prestations sociales,12,0,12",
					"2032-01-05,53,Bretagne,CAF,CAF & prestations sociales,7,6,",
					"2032-01-05,53,Bretagne,TAXES,Impôts,0,5,0");
	}

	@Test
	void saysWhatEachColumnMeansAndUnderWhichLicence() {
		HttpResponse<String> page = new StaffClient(this.port).get("/donnees");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body())
			.contains("<h1>Données ouvertes</h1>", "href=\"/donnees/activite.csv\"", "<code>demandes_de_rappel</code>",
					"tout nombre de 1 à 4 est laissé vide", "Licence Ouverte 2.0")
			.doesNotContain("<script");
		assertThat(new StaffClient(this.port).get("/").body()).as("linked from every page")
			.contains("href=\"/donnees\"");
	}

	private void cell(String table, String scope, String theme, String columns, String values) {
		this.jdbc.sql("DELETE FROM " + table + " WHERE dim = 'T' AND day = '2032-01-05' AND scope = ? AND item = ?")
			.params(scope, theme)
			.update();
		String[] names = columns.split(", ");
		StringBuilder insert = new StringBuilder("INSERT INTO ").append(table)
			.append(" SET dim = 'T', day = '2032-01-05'");
		insert.append(", scope = '").append(scope).append("', item = '").append(theme).append("'");
		String[] numbers = values.split(", ");
		for (int i = 0; i < names.length; i++) {
			insert.append(", ").append(names[i]).append(" = ").append(numbers[i]);
		}
		Measure[] measures = table.equals("statistics_calls") ? CallMeasure.values() : RequestMeasure.values();
		for (Measure measure : measures) {
			if (!Arrays.asList(names).contains(measure.column())) {
				insert.append(", ").append(measure.column()).append(" = 0");
			}
		}
		this.jdbc.sql(insert.toString()).update();
	}

}
