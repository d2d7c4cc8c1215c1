package fr.passerelle.tutorial;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BundleEntryTests {

	private static final String FILE = """
			---
			slug: envoyer-un-document
			code: photo
			topic: EMAIL_DEVICES
			title: Envoyer un document en photo
			summary: Photographier un papier et l'envoyer.
			level: BEGINNER
			easy-read: true
			reviewed: 2026-11-20
			revision: 3
			links:
			  - label: Service-public.fr
			    url: https://www.service-public.fr
			---
			# Avant de commencer

			- Un téléphone avec un appareil photo.

			# Étapes

			1. Posez le papier à plat.
			2. Prenez la photo.
			""";

	@Test
	void readsTheFrontMatterAndBothSections() {
		BundleEntry entry = BundleEntry.parse(FILE);

		assertThat(entry.slug()).isEqualTo("envoyer-un-document");
		assertThat(entry.shortCode()).isEqualTo("photo");
		assertThat(entry.revision()).isEqualTo(3);
		assertThat(entry.published()).isTrue();
		assertThat(entry.content().easyRead()).isTrue();
		assertThat(entry.content().licence()).isEqualTo("CC-BY-SA-4.0");
		assertThat(entry.content().reviewedOn()).isEqualTo(LocalDate.of(2026, 11, 20));
		assertThat(entry.content().prerequisites()).isEqualTo("- Un téléphone avec un appareil photo.");
		assertThat(entry.content().steps()).isEqualTo("1. Posez le papier à plat.\n2. Prenez la photo.");
		assertThat(entry.content().links())
			.containsExactly(new TutorialLink("Service-public.fr", "https://www.service-public.fr"));
	}

	@Test
	void writesWhatItReadsBack() {
		BundleEntry entry = BundleEntry.parse(FILE);

		assertThat(BundleEntry.parse(entry.write())).isEqualTo(entry);
	}

	@Test
	void namesWhatIsWrong() {
		assertThatThrownBy(() -> BundleEntry.parse("# Étapes\n1. x")).hasMessageContaining("front matter");
		assertThatThrownBy(() -> BundleEntry.parse(FILE.replace("slug: envoyer-un-document\n", "")))
			.hasMessage("slug is missing");
		assertThatThrownBy(() -> BundleEntry.parse(FILE.replace("code: photo", "code: Photo!")))
			.hasMessageContaining("code");
		assertThatThrownBy(() -> BundleEntry.parse(FILE.replace("# Étapes", "# Etapes bis")))
			.hasMessageContaining("# Étapes");
		assertThatThrownBy(() -> BundleEntry.parse(FILE.replace("revision: 3", "revision: trois")))
			.hasMessageContaining("revision");
	}

}
