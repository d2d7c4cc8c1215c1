package fr.passerelle.topic;

import java.util.List;
import java.util.Locale;

import fr.passerelle.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class TopicsIntegrationTests {

	@Autowired
	Topics topics;

	@Test
	void listsTheTenThemesInMenuOrderEachWithItsOwnKey() {
		List<Topic> all = this.topics.all();

		assertThat(all).extracting(Topic::nameFr)
			.containsExactly("CAF & prestations sociales", "Santé (Ameli, téléconsultation)", "Impôts",
					"Emploi (France Travail)", "Papiers d'identité & permis (ANTS)", "Retraite", "Logement & énergie",
					"Banque & paiements en ligne", "Messagerie & équipement", "Autre");
		assertThat(all).extracting(Topic::menuDigit).containsExactly('1', '2', '3', '4', '5', '6', '7', '8', '9', '0');
	}

	@Test
	void mapsTheSkipKeyToOther() {
		assertThat(this.topics.forMenuDigit('0')).map(Topic::code).hasValue("OTHER");
		assertThat(this.topics.forMenuDigit('3')).map(Topic::code).hasValue("TAXES");
		assertThat(this.topics.forMenuDigit('*')).isEmpty();
	}

	@Test
	void namesThemesInTheReadersLanguage() {
		Topic health = this.topics.find("HEALTH").orElseThrow();

		assertThat(health.name(Locale.FRENCH)).isEqualTo("Santé (Ameli, téléconsultation)");
		assertThat(health.name(Locale.ENGLISH)).isEqualTo("Health (Ameli, teleconsultation)");
	}

}
