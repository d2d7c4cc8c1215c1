package fr.passerelle.territory;

import java.time.ZoneId;
import java.util.List;

import fr.passerelle.IntegrationTest;
import fr.passerelle.platform.RejectedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@IntegrationTest
class TerritoriesIntegrationTests {

	@Autowired
	Territories territories;

	@Test
	void knowsEveryDepartementIncludingCorsicaAndOverseas() {
		List<String> codes = this.territories.departements().stream().map(Departement::code).toList();

		assertThat(codes).hasSize(101).startsWith("01", "02").contains("19", "2A", "2B", "21").doesNotContain("20");
		assertThat(codes.subList(codes.indexOf("19"), codes.indexOf("19") + 4)).containsExactly("19", "2A", "2B", "21");
		assertThat(codes).endsWith("95", "971", "972", "973", "974", "976");
	}

	@Test
	void knowsTheEighteenRegions() {
		assertThat(this.territories.regions()).hasSize(18)
			.extracting(Region::name)
			.contains("Bretagne", "Corse", "Île-de-France", "La Réunion", "Mayotte", "Provence-Alpes-Côte d'Azur");
	}

	@Test
	void placesOverseasDepartementsInTheirOwnTimeZone() {
		assertThat(this.territories.departement("974")).get()
			.extracting(Departement::timeZone)
			.isEqualTo(ZoneId.of("Indian/Reunion"));
		assertThat(this.territories.departement("971")).get()
			.extracting(Departement::timeZone)
			.isEqualTo(ZoneId.of("America/Guadeloupe"));
		assertThat(this.territories.departement("29")).get()
			.extracting(Departement::timeZone)
			.isEqualTo(ZoneId.of("Europe/Paris"));
	}

	@ParameterizedTest
	@CsvSource({ "75001, 75, 11, Paris 1er Arrondissement", "20000, 2A, 94, Ajaccio", "20200, 2B, 94, Bastia",
			"20600, 2B, 94, Bastia", "97400, 974, 04, Saint-Denis", "97600, 976, 06, Mamoudzou",
			"97200, 972, 02, Fort-de-France", "97300, 973, 03, Cayenne", "29200, 29, 53, Brest",
			"69003, 69, 84, Lyon 3e Arrondissement" })
	void resolvesAPostcodeToItsDepartementAndRegion(String postcode, String departement, String region,
			String commune) {
		PostcodeArea area = this.territories.resolve(Postcode.parse(postcode));

		assertThat(area.departement().code()).isEqualTo(departement);
		assertThat(area.region().code()).isEqualTo(region);
		assertThat(area.communes()).extracting(Commune::name).contains(commune);
	}

	@Test
	void placesAPostcodeThatStraddlesTwoDepartementsWhereMostPeopleLive() {
		// 05110 serves six communes of the Hautes-Alpes and two small ones of the
		// Alpes-de-Haute-Provence.
		PostcodeArea area = this.territories.resolve(Postcode.parse("05110"));

		assertThat(area.departement().code()).isEqualTo("05");
		assertThat(area.communes()).extracting(Commune::inseeCode).contains("04058", "05162");
	}

	@ParameterizedTest
	@ValueSource(strings = { "00000", "99999", "96000", "20900", "75999" })
	void refusesAPostcodeThatDoesNotExist(String postcode) {
		assertThatExceptionOfType(RejectedRequest.class)
			.isThrownBy(() -> this.territories.resolve(Postcode.parse(postcode)))
			.satisfies((ex) -> assertThat(ex.messageCode()).isEqualTo("territory.postcode.unknown"))
			.satisfies((ex) -> assertThat(ex.arguments()).containsExactly(postcode));
	}

	@ParameterizedTest
	@CsvSource({ "97133, Saint-Barthélemy", "97150, Saint-Martin", "97500, Miquelon-Langlade", "98800, Nouméa" })
	void refusesAnOverseasCollectivityByName(String postcode, String name) {
		assertThatExceptionOfType(RejectedRequest.class)
			.isThrownBy(() -> this.territories.resolve(Postcode.parse(postcode)))
			.satisfies((ex) -> assertThat(ex.messageCode()).isEqualTo("territory.postcode.outside-departements"))
			.satisfies((ex) -> assertThat(ex.arguments()).containsExactly(postcode, name));
	}

}
