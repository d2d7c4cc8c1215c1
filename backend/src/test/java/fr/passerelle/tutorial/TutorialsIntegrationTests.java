package fr.passerelle.tutorial;

import java.util.List;
import java.util.UUID;

import fr.passerelle.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The library against MariaDB: the tutorials shipped with Passerelle, French full-text
 * search, and bundles loaded again or from elsewhere.
 */
@IntegrationTest
class TutorialsIntegrationTests {

	@Autowired
	Tutorials tutorials;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TutorialStore store;

	@Test
	void everyTutorialShippedIsLoadedAndPublished() {
		List<Tutorials.BundleFile> files = TutorialSeeds.files();

		assertThat(files).hasSizeGreaterThanOrEqualTo(25);
		Tutorials.ImportReport again = this.tutorials.load(files, "SEED");
		assertThat(again.rejected()).isEmpty();
		assertThat(again.added()).isEmpty();
		assertThat(again.updated()).isEmpty();
		assertThat(this.tutorials.published()).extracting(Tutorial::slug)
			.contains("declarer-ses-revenus", "reconnaitre-une-arnaque", "creer-son-compte-ameli");
	}

	@Test
	void findsTutorialsWithOrWithoutAccentsInAnyCase() {
		for (String query : List.of("impôts", "impots", "IMPÔTS", "Impot")) {
			assertThat(this.tutorials.search(query)).as(query)
				.hasSizeGreaterThanOrEqualTo(3)
				.first()
				.extracting((t) -> t.content().topicCode())
				.isEqualTo("TAXES");
			assertThat(this.tutorials.search(query).subList(0, 3)).as(query)
				.extracting(Tutorial::slug)
				.containsExactlyInAnyOrder("declarer-ses-revenus", "creer-son-espace-impots",
						"retrouver-son-avis-d-impot");
		}
		for (String query : List.of("Comment déclarer mes revenus ?", "declaration revenus", "DÉCLARER REVENUS")) {
			assertThat(this.tutorials.search(query)).as(query)
				.first()
				.extracting(Tutorial::slug)
				.isEqualTo("declarer-ses-revenus");
		}
		for (String query : List.of("arnaque", "hameçonnage", "hameconnage", "faux SMS")) {
			assertThat(this.tutorials.search(query)).as(query)
				.first()
				.extracting(Tutorial::slug)
				.isEqualTo("reconnaitre-une-arnaque");
		}
		assertThat(this.tutorials.search("carte Vitale perdue")).first()
			.extracting(Tutorial::slug)
			.isEqualTo("commander-sa-carte-vitale");
		assertThat(this.tutorials.search("compte ameli")).first()
			.extracting(Tutorial::slug)
			.isEqualTo("creer-son-compte-ameli");
		assertThat(this.tutorials.search("téléconsultation")).first()
			.extracting(Tutorial::slug)
			.isEqualTo("preparer-une-teleconsultation");
		assertThat(this.tutorials.search("pole emploi inscription")).extracting(Tutorial::slug)
			.contains("s-inscrire-a-france-travail");
		assertThat(this.tutorials.search("passeport")).first()
			.extracting(Tutorial::slug)
			.isEqualTo("pre-demande-carte-identite");
	}

	@Test
	void findsNothingForFunctionWordsOrUnknownWords() {
		assertThat(this.tutorials.search("comment faire ?")).isEmpty();
		assertThat(this.tutorials.search("zzyzx")).isEmpty();
		assertThat(this.tutorials.search("+++ --- ***")).isEmpty();
	}

	@Test
	void aNewerBundleRevisionReplacesTheTextAndKeepsTheOldOne() {
		String slug = "essai-" + UUID.randomUUID();
		String code = code();
		this.tutorials.load(List.of(file(slug, code, 1, "Première version")), "IMPORT");

		Tutorials.ImportReport newer = this.tutorials.load(List.of(file(slug, code, 2, "Deuxième version")), "IMPORT");
		Tutorials.ImportReport same = this.tutorials.load(List.of(file(slug, code, 2, "Deuxième version")), "IMPORT");
		Tutorials.ImportReport older = this.tutorials.load(List.of(file(slug, code, 1, "Première version")), "IMPORT");

		assertThat(newer.updated()).containsExactly(slug);
		assertThat(same.updated()).isEmpty();
		assertThat(older.updated()).isEmpty();
		assertThat(this.tutorials.published(slug)).get()
			.extracting((t) -> t.content().title())
			.isEqualTo("Deuxième version");
		long id = this.tutorials.published(slug).orElseThrow().id();
		assertThat(this.store.history(id))
			.extracting(TutorialStore.Revision::revision, TutorialStore.Revision::origin,
					TutorialStore.Revision::bundleRevision)
			.containsExactly(tuple(2, "IMPORT", 2), tuple(1, "IMPORT", 1));
	}

	@Test
	void aTutorialChangedHereIsNeverOverwrittenSilently() {
		String slug = "essai-" + UUID.randomUUID();
		String code = code();
		this.tutorials.load(List.of(file(slug, code, 1, "Version du lot")), "IMPORT");
		this.jdbc.sql("UPDATE tutorial SET origin = 'LOCAL', title = 'Version locale' WHERE slug = ?")
			.param(slug)
			.update();

		Tutorials.ImportReport report = this.tutorials.load(List.of(file(slug, code, 2, "Version du lot 2")), "IMPORT");

		assertThat(report.keptLocal()).containsExactly(slug);
		assertThat(this.tutorials.published(slug)).get()
			.extracting((t) -> t.content().title())
			.isEqualTo("Version locale");
	}

	@Test
	void rejectsFilesThatAreWrongAndLoadsTheOthers() {
		String good = "essai-" + UUID.randomUUID();
		Tutorials.ImportReport report = this.tutorials.load(List.of(new Tutorials.BundleFile("vide.md", "rien"),
				new Tutorials.BundleFile("theme.md",
						file("essai-" + UUID.randomUUID(), code(), 1, "x").text()
							.replace("topic: OTHER", "topic: NOPE")),
				new Tutorials.BundleFile("lien.md",
						file("essai-" + UUID.randomUUID(), code(), 1, "x").text()
							.replace("https://www.service-public.fr", "javascript:alert(1)")),
				new Tutorials.BundleFile("code.md", file("essai-" + UUID.randomUUID(), "impots", 1, "x").text()),
				file(good, code(), 1, "Bon")), "IMPORT");

		assertThat(report.rejected()).hasSize(4)
			.anySatisfy((line) -> assertThat(line).startsWith("vide.md: "))
			.anySatisfy((line) -> assertThat(line).contains("topic NOPE does not exist"))
			.anySatisfy((line) -> assertThat(line).contains("https"))
			.anySatisfy((line) -> assertThat(line).contains("short code impots is taken"));
		assertThat(report.added()).containsExactly(good);
	}

	@Test
	void countsShortLinkOpensAndFeedbackOfPublishedTutorialsOnly() {
		String slug = "essai-" + UUID.randomUUID();
		String code = code();
		this.tutorials.load(List.of(file(slug, code, 1, "Compté")), "IMPORT");

		assertThat(this.tutorials.openShortLink(code)).map(Tutorial::slug).hasValue(slug);
		assertThat(this.tutorials.openShortLink(code)).isPresent();
		assertThat(this.tutorials.feedback(slug, true)).isTrue();
		assertThat(this.tutorials.feedback(slug, false)).isTrue();
		assertThat(this.tutorials.published(slug)).get()
			.extracting(Tutorial::counts)
			.isEqualTo(new Tutorial.Counts(0, 2, 1, 1));

		String draft = "essai-" + UUID.randomUUID();
		String draftCode = code();
		this.tutorials.load(List.of(new Tutorials.BundleFile("draft.md",
				file(draft, draftCode, 1, "Brouillon").text().replace("revision: 1", "revision: 1\npublished: false"))),
				"IMPORT");
		assertThat(this.tutorials.openShortLink(draftCode)).isEmpty();
		assertThat(this.tutorials.published(draft)).isEmpty();
		assertThat(this.tutorials.feedback(draft, true)).isFalse();
	}

	static String code() {
		return "e" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}

	static Tutorials.BundleFile file(String slug, String code, int revision, String title) {
		return new Tutorials.BundleFile(slug + ".md", """
				---
				slug: %s
				code: %s
				topic: OTHER
				title: %s
				summary: Un tutoriel d'essai.
				level: INTERMEDIATE
				reviewed: 2026-11-01
				revision: %d
				links:
				  - label: Service-public.fr
				    url: https://www.service-public.fr
				---
				# Avant de commencer

				Rien.

				# Étapes

				1. Une étape.
				""".formatted(slug, code, title, revision));
	}

}
