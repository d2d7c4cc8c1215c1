package fr.passerelle.tutorial;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

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
 * Tutorials exported as a zip bundle and imported back, over HTTP, by coordinators.
 */
@IntegrationTest
class TutorialBundlesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	Tutorials tutorials;

	@Test
	void exportsThePublishedTutorialsAsMarkdownFilesThatReadBack() throws IOException {
		StaffClient coordinator = signIn(Role.COORDINATOR);

		HttpResponse<byte[]> export = coordinator.send(coordinator.request("/api/tutorials/editor/bundle").GET(),
				BodyHandlers.ofByteArray());

		assertThat(export.statusCode()).isEqualTo(200);
		assertThat(export.headers().firstValue("Content-Type")).hasValue("application/zip");
		assertThat(export.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying((value) -> assertThat(value).contains("passerelle-tutoriels-2027-03-01.zip"));
		Map<String, String> files = unzip(export.body());
		assertThat(files).containsKey("LISEZMOI.md");
		assertThat(files.get("LISEZMOI.md")).contains("CC BY-SA 4.0");
		BundleEntry entry = BundleEntry.parse(files.get("tutorials/declarer-ses-revenus.md"));
		assertThat(entry.content()).isEqualTo(this.tutorials.published("declarer-ses-revenus").orElseThrow().content());
		assertThat(files.keySet()).filteredOn((name) -> name.startsWith("tutorials/")).hasSizeGreaterThanOrEqualTo(25);
	}

	@Test
	void importsABundleAddingNewTutorialsAndNewerRevisionsAndReportsTheRest() throws IOException {
		StaffClient coordinator = signIn(Role.COORDINATOR);
		String slug = "lot-" + UUID.randomUUID();
		String code = TutorialsIntegrationTests.code();
		Map<String, String> bundle = new LinkedHashMap<>();
		bundle.put("LISEZMOI.md", "ignored");
		bundle.put("tutorials/" + slug + ".md",
				TutorialsIntegrationTests.file(slug, code, 1, "Venu d'ailleurs").text());
		bundle.put("tutorials/casse.md", "pas un tutoriel");
		bundle.put("ailleurs/autre.md", "ignored");

		HttpResponse<String> first = upload(coordinator, zip(bundle));
		bundle.put("tutorials/" + slug + ".md",
				TutorialsIntegrationTests.file(slug, code, 2, "Venu d'ailleurs, v2").text());
		HttpResponse<String> second = upload(coordinator, zip(bundle));

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<List<String>>read(first.body(), "$.added")).containsExactly(slug);
		assertThat(JsonPath.<List<String>>read(first.body(), "$.rejected")).singleElement()
			.asString()
			.as("in the importer's language")
			.isEqualTo("casse.md: le fichier doit commencer par un en-tête (---).");
		assertThat(JsonPath.<List<String>>read(second.body(), "$.updated")).containsExactly(slug);
		assertThat(this.tutorials.published(slug).orElseThrow().content().title()).isEqualTo("Venu d'ailleurs, v2");
	}

	@Test
	void carriesTheImagesOfTutorialsBothWays() throws IOException {
		StaffClient coordinator = signIn(Role.COORDINATOR);
		BufferedImage picture = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		ImageIO.write(picture, "png", png);
		coordinator.ensureCsrfCookie();
		String url = JsonPath.read(
				coordinator
					.send(coordinator.withCsrf(coordinator.request("/api/tutorials/editor/images"))
						.header("Content-Type", "image/png")
						.POST(BodyPublishers.ofByteArray(png.toByteArray())))
					.body(),
				"$.url");
		String id = url.replaceAll(".*/([0-9a-f]{32})\\.jpg", "$1");
		String slug = "illustre-" + UUID.randomUUID();
		coordinator.postJson("/api/tutorials/editor",
				"""
						{"slug":"%s","shortCode":"%s","content":{"topicCode":"OTHER","title":"Un tutoriel illustré",
						 "summary":"Avec une image.","level":"BEGINNER","easyRead":false,"prerequisites":"",
						 "steps":"1. Regardez ![le bouton](%s)","links":[],"licence":"CC-BY-SA-4.0","reviewedOn":"2027-02-01"}}"""
					.formatted(slug, TutorialsIntegrationTests.code(), url));
		coordinator.postJson("/api/tutorials/editor/" + slug + "/publish", "{}");

		Map<String, String> exported = unzip(
				coordinator.send(coordinator.request("/api/tutorials/editor/bundle").GET(), BodyHandlers.ofByteArray())
					.body());
		assertThat(exported).containsKey("tutorials/images/" + id + ".jpg");
		assertThat(exported.get("tutorials/" + slug + ".md")).contains("![le bouton](images/" + id + ".jpg)");

		String copy = "copie-" + UUID.randomUUID();
		Map<String, byte[]> bundle = new LinkedHashMap<>();
		bundle.put("tutorials/images/" + id + ".jpg", rawEntry(coordinator, "tutorials/images/" + id + ".jpg"));
		bundle.put("tutorials/" + copy + ".md",
				exported.get("tutorials/" + slug + ".md")
					.replace("slug: " + slug, "slug: " + copy)
					.replaceAll("code: \\w+", "code: " + TutorialsIntegrationTests.code())
					.getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> imported = upload(coordinator, zipBytes(bundle));

		assertThat(JsonPath.<List<String>>read(imported.body(), "$.added")).containsExactly(copy);
		String steps = this.tutorials.published(copy).orElseThrow().content().steps();
		assertThat(steps).matches("1\\. Regardez !\\[le bouton\\]\\(/tutoriels/images/[0-9a-f]{32}\\.jpg\\)");
		String importedUrl = steps.replaceAll(".*\\((.*)\\)", "$1");
		assertThat(new StaffClient(this.port).get(importedUrl).statusCode()).isEqualTo(200);
	}

	@Test
	void importsTheTutorialsOfABundleWhosePictureCannotBeRead() throws IOException {
		StaffClient coordinator = signIn(Role.COORDINATOR);
		String slug = "image-cassee-" + UUID.randomUUID();
		Map<String, byte[]> bundle = new LinkedHashMap<>();
		bundle.put("tutorials/images/cassee.jpg", "not a picture at all".getBytes(StandardCharsets.UTF_8));
		bundle.put("tutorials/" + slug + ".md", """
				---
				slug: %s
				code: %s
				topic: OTHER
				title: Un tutoriel à l'image cassée
				summary: Son image ne se lit pas.
				level: BEGINNER
				reviewed: 2027-02-01
				---
				# Avant de commencer

				Rien.

				# Étapes

				1. Regardez ![le bouton](images/cassee.jpg)
				""".formatted(slug, TutorialsIntegrationTests.code()).getBytes(StandardCharsets.UTF_8));

		HttpResponse<String> imported = upload(coordinator, zipBytes(bundle));

		assertThat(imported.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<List<String>>read(imported.body(), "$.added")).containsExactly(slug);
		assertThat(JsonPath.<List<String>>read(imported.body(), "$.rejected"))
			.containsExactly("images/cassee.jpg: ce n'est pas une image JPEG, PNG ou GIF lisible d'au plus 40 millions "
					+ "de pixels.");
		assertThat(this.tutorials.published(slug).orElseThrow().content().steps())
			.isEqualTo("1. Regardez ![le bouton](images/cassee.jpg)");
	}

	@Test
	void refusesWhatIsNotABundleAndWhoMayNotImport() throws IOException {
		StaffClient coordinator = signIn(Role.COORDINATOR);
		StaffClient volunteer = signIn(Role.VOLUNTEER);

		HttpResponse<String> garbage = upload(coordinator,
				"ceci n'est pas une archive".getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> empty = upload(coordinator, zip(Map.of("LISEZMOI.md", "rien")));
		HttpResponse<String> huge = upload(coordinator,
				zip(Map.of("tutorials/enorme.md", "x".repeat(TutorialBundles.MAX_FILE_BYTES + 10))));
		HttpResponse<String> notAllowed = upload(volunteer, zip(Map.of("LISEZMOI.md", "rien")));

		assertThat(garbage.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(garbage.body(), "$.detail")).contains("n'est pas un lot de tutoriels");
		assertThat(empty.statusCode()).isEqualTo(400);
		assertThat(huge.statusCode()).isEqualTo(413);
		assertThat(notAllowed.statusCode()).isEqualTo(403);
		assertThat(volunteer.get("/api/tutorials/editor/bundle").statusCode()).isEqualTo(403);
	}

	private StaffClient signIn(Role role) {
		return TestAccounts.signedIn(this.accounts, role, this.port);
	}

	private static HttpResponse<String> upload(StaffClient staff, byte[] archive) {
		staff.ensureCsrfCookie();
		return staff.send(staff.withCsrf(staff.request("/api/tutorials/editor/bundle"))
			.header("Content-Type", "application/zip")
			.POST(BodyPublishers.ofByteArray(archive)));
	}

	/** One file of this instance's export, as bytes. */
	private static byte[] rawEntry(StaffClient coordinator, String name) throws IOException {
		byte[] archive = coordinator
			.send(coordinator.request("/api/tutorials/editor/bundle").GET(), BodyHandlers.ofByteArray())
			.body();
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive), StandardCharsets.UTF_8)) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				if (entry.getName().equals(name)) {
					return zip.readAllBytes();
				}
			}
		}
		throw new IllegalStateException(name + " not exported");
	}

	private static byte[] zipBytes(Map<String, byte[]> files) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
			for (Map.Entry<String, byte[]> file : files.entrySet()) {
				zip.putNextEntry(new ZipEntry(file.getKey()));
				zip.write(file.getValue());
				zip.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

	private static byte[] zip(Map<String, String> files) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
			for (Map.Entry<String, String> file : files.entrySet()) {
				zip.putNextEntry(new ZipEntry(file.getKey()));
				zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

	private static Map<String, String> unzip(byte[] archive) throws IOException {
		Map<String, String> files = new LinkedHashMap<>();
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive), StandardCharsets.UTF_8)) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				files.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		return files;
	}

}
