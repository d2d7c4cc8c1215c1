package fr.passerelle.tutorial;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

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

/**
 * The tutorials editor over HTTP: coordinators write, review and publish, volunteers
 * propose drafts; every change is a revision that no bundle overwrites silently.
 */
@IntegrationTest
class TutorialEditorIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	Tutorials tutorials;

	@Test
	void aCoordinatorWritesADraftChangesItPublishesItAndWithdrawsIt() {
		StaffClient coordinator = signIn(Role.COORDINATOR);
		String slug = slug();

		HttpResponse<String> created = coordinator.postJson("/api/tutorials/editor",
				draft(slug, code(), "Premier jet"));
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat((Boolean) JsonPath.read(created.body(), "$.published")).isFalse();
		assertThat(new StaffClient(this.port).get("/tutoriels/" + slug).statusCode()).as("a draft is not public")
			.isEqualTo(404);

		HttpResponse<String> changed = coordinator.putJson("/api/tutorials/editor/" + slug,
				change(1, "Version relue et corrigée"));
		assertThat(changed.statusCode()).isEqualTo(200);
		assertThat((Integer) JsonPath.read(changed.body(), "$.revision")).isEqualTo(2);
		HttpResponse<String> same = coordinator.putJson("/api/tutorials/editor/" + slug,
				change(1, "Version relue et corrigée"));
		assertThat((Integer) JsonPath.read(same.body(), "$.revision")).as("the same text again").isEqualTo(2);
		HttpResponse<String> stale = coordinator.putJson("/api/tutorials/editor/" + slug,
				change(1, "Une autre version partie de la première"));
		assertThat(stale.statusCode()).isEqualTo(409);
		assertThat((String) JsonPath.read(stale.body(), "$.detail")).contains("rechargez-la");

		assertThat(coordinator.postJson("/api/tutorials/editor/" + slug + "/publish", "{}").statusCode())
			.isEqualTo(200);
		assertThat(coordinator.postJson("/api/tutorials/editor/" + slug + "/publish", "{}").statusCode())
			.isEqualTo(200);
		HttpResponse<String> page = new StaffClient(this.port).get("/tutoriels/" + slug);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<h1>Version relue et corrigée</h1>");
		assertThat(this.tutorials.search("relue corrigee")).extracting(Tutorial::slug).contains(slug);
		String history = coordinator.get("/api/tutorials/editor/" + slug + "/revisions").body();
		assertThat(JsonPath.<List<Integer>>read(history, "$[*].revision")).containsExactly(2, 1);
		assertThat(JsonPath.<List<String>>read(history, "$[*].title")).containsExactly("Version relue et corrigée",
				"Premier jet");
		assertThat(JsonPath.<List<String>>read(history, "$[*].origin")).containsOnly("LOCAL");
		assertThat(JsonPath.<List<String>>read(history, "$[*].author")).containsOnly("Test COORDINATOR");

		coordinator.postJson("/api/tutorials/editor/" + slug + "/unpublish", "{}");
		assertThat(new StaffClient(this.port).get("/tutoriels/" + slug).statusCode()).isEqualTo(404);
	}

	@Test
	void aVolunteerProposesDraftsThatOnlyACoordinatorPublishes() {
		StaffClient volunteer = signIn(Role.VOLUNTEER);
		StaffClient colleague = signIn(Role.VOLUNTEER);
		StaffClient coordinator = signIn(Role.COORDINATOR);
		String slug = slug();

		assertThat(volunteer.postJson("/api/tutorials/editor", draft(slug, code(), "Proposition")).statusCode())
			.isEqualTo(201);
		assertThat(volunteer.putJson("/api/tutorials/editor/" + slug, change(1, "Proposition améliorée")).statusCode())
			.isEqualTo(200);
		List<String> own = JsonPath.read(volunteer.get("/api/tutorials/editor").body(), "$[*].slug");
		assertThat(own).containsExactly(slug);
		assertThat(JsonPath.<List<String>>read(colleague.get("/api/tutorials/editor").body(), "$[*].slug"))
			.doesNotContain(slug);
		HttpResponse<String> notTheirs = colleague.putJson("/api/tutorials/editor/" + slug, change(2, "Autre"));
		assertThat(notTheirs.statusCode()).isEqualTo(403);
		assertThat((String) JsonPath.read(notTheirs.body(), "$.detail")).contains("vos propres brouillons");
		assertThat(colleague.get("/api/tutorials/editor/" + slug + "/revisions").statusCode()).isEqualTo(403);
		assertThat(JsonPath.<List<Integer>>read(volunteer.get("/api/tutorials/editor/" + slug + "/revisions").body(),
				"$[*].revision"))
			.containsExactly(2, 1);
		assertThat(volunteer.postJson("/api/tutorials/editor/" + slug + "/publish", "{}").statusCode()).isEqualTo(403);
		assertThat(volunteer.putJson("/api/tutorials/editor/declarer-ses-revenus", change(1, "Non")).statusCode())
			.isEqualTo(403);

		List<String> toReview = JsonPath.read(coordinator.get("/api/tutorials/editor").body(),
				"$[?(@.published == false)].slug");
		assertThat(toReview).contains(slug);
		assertThat(coordinator.postJson("/api/tutorials/editor/" + slug + "/publish", "{}").statusCode())
			.isEqualTo(200);
		assertThat(volunteer.putJson("/api/tutorials/editor/" + slug, change(2, "Après publication")).statusCode())
			.as("published, it is the coordinators'")
			.isEqualTo(403);
	}

	@Test
	void flagsTutorialsNotCheckedForTwelveMonthsUntilACoordinatorChecksThem() {
		StaffClient coordinator = signIn(Role.COORDINATOR);
		String slug = slug();
		coordinator.postJson("/api/tutorials/editor",
				draft(slug, code(), "Vérifié il y a longtemps").replace("2027-02-01", "2025-12-01"));

		assertThat(JsonPath.<List<Boolean>>read(coordinator.get("/api/tutorials/editor").body(),
				"$[?(@.slug == '" + slug + "')].needsReview"))
			.containsExactly(true);
		HttpResponse<String> checked = coordinator.postJson("/api/tutorials/editor/" + slug + "/reviewed", "{}");

		assertThat((String) JsonPath.read(checked.body(), "$.content.reviewedOn")).isEqualTo("2027-03-01");
		assertThat((Boolean) JsonPath.read(checked.body(), "$.needsReview")).isFalse();
		assertThat((Integer) JsonPath.read(checked.body(), "$.revision")).isEqualTo(2);
	}

	@Test
	void refusesIncompleteOrUnsafeTextsWithAClearMessage() {
		StaffClient coordinator = signIn(Role.COORDINATOR);

		HttpResponse<String> badSlug = coordinator.postJson("/api/tutorials/editor", draft("Pas Bon", code(), "Titre"));
		HttpResponse<String> badLink = coordinator.postJson("/api/tutorials/editor",
				draft(slug(), code(), "Titre correct").replace("https://www.service-public.fr", "javascript:alert(1)"));
		HttpResponse<String> takenCode = coordinator.postJson("/api/tutorials/editor",
				draft(slug(), "impots", "Titre correct"));
		HttpResponse<String> shortTitle = coordinator.postJson("/api/tutorials/editor", draft(slug(), code(), "Ti"));

		assertThat(badSlug.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(badSlug.body(), "$.detail")).contains("lettres minuscules");
		assertThat(badLink.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(badLink.body(), "$.detail")).contains("https://");
		assertThat(takenCode.statusCode()).isEqualTo(409);
		assertThat(shortTitle.statusCode()).isEqualTo(400);
		// each beside its field in the editor
		assertThat((String) JsonPath.read(badSlug.body(), "$.fields[0].field")).isEqualTo("slug");
		assertThat((String) JsonPath.read(badLink.body(), "$.fields[0].field")).isEqualTo("content.links");
		assertThat((String) JsonPath.read(takenCode.body(), "$.fields[0].field")).isEqualTo("shortCode");
		assertThat((String) JsonPath.read(shortTitle.body(), "$.fields[0].field")).isEqualTo("content.title");
	}

	@Test
	void thePreviewShowsWhatCitizensWillSeeWithoutRunningAnyScript() {
		StaffClient volunteer = signIn(Role.VOLUNTEER);

		HttpResponse<String> preview = volunteer.postJson("/api/tutorials/editor/preview",
				"{\"markdown\":\"1. **Ouvrez** le site\\n2. <script>alert(1)</script> [x](javascript:alert(2))\"}");

		assertThat(preview.statusCode()).isEqualTo(200);
		String html = JsonPath.read(preview.body(), "$.html");
		assertThat(html).contains("<strong>Ouvrez</strong>", "&lt;script&gt;")
			.doesNotContain("<script", "href=\"javascript:");
	}

	@Test
	void aBundleLoadedLaterNeverReplacesATutorialChangedInTheEditor() {
		StaffClient coordinator = signIn(Role.COORDINATOR);
		String slug = "essai-" + UUID.randomUUID();
		String code = TutorialsIntegrationTests.code();
		this.tutorials.load(List.of(TutorialsIntegrationTests.file(slug, code, 1, "Version du lot")), "IMPORT");
		coordinator.putJson("/api/tutorials/editor/" + slug, change(1, "Version corrigée ici"));

		Tutorials.ImportReport report = this.tutorials
			.load(List.of(TutorialsIntegrationTests.file(slug, code, 2, "Version du lot 2")), "IMPORT");

		assertThat(report.keptLocal()).containsExactly(slug);
		assertThat(this.tutorials.published(slug).orElseThrow().content().title()).isEqualTo("Version corrigée ici");
	}

	private StaffClient signIn(Role role) {
		return TestAccounts.signedIn(this.accounts, role, this.port);
	}

	private static String slug() {
		return "brouillon-" + UUID.randomUUID();
	}

	private static String code() {
		return TutorialsIntegrationTests.code();
	}

	private static String content(String title) {
		return """
				{"topicCode":"OTHER","title":"%s","summary":"Un tutoriel écrit dans l'éditeur.","level":"BEGINNER",
				 "easyRead":true,"prerequisites":"- Un téléphone","steps":"1. Ouvrez le site\\n2. Cliquez",
				 "links":[{"label":"Service-public.fr","url":"https://www.service-public.fr"}],
				 "licence":"CC-BY-SA-4.0","reviewedOn":"2027-02-01"}""".formatted(title);
	}

	private static String draft(String slug, String code, String title) {
		return "{\"slug\":\"%s\",\"shortCode\":\"%s\",\"content\":%s}".formatted(slug, code, content(title));
	}

	private static String change(int basedOn, String title) {
		return "{\"basedOn\":%d,\"content\":%s}".formatted(basedOn, content(title));
	}

}
