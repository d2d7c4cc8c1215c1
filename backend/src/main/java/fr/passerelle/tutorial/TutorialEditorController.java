package fr.passerelle.tutorial;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.StaffAccount;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tutorials editor of the staff app: coordinators and administrators write, review
 * and publish; volunteers propose drafts.
 */
@RestController
@RequestMapping("/api/tutorials/editor")
@Tag(name = "Tutorials", description = "The tutorials library")
class TutorialEditorController {

	private final TutorialEditing editing;

	private final Tutorials tutorials;

	private final TutorialBundles bundles;

	private final TutorialImages images;

	private final AccountManagement accounts;

	private final Clock clock;

	TutorialEditorController(TutorialEditing editing, Tutorials tutorials, TutorialBundles bundles,
			TutorialImages images, AccountManagement accounts, Clock clock) {
		this.editing = editing;
		this.images = images;
		this.tutorials = tutorials;
		this.bundles = bundles;
		this.accounts = accounts;
		this.clock = clock;
	}

	@GetMapping
	@Operation(summary = "Tutorials the caller may change: all of them for coordinators, a volunteer's own drafts")
	List<Row> list(StaffAccount staff) {
		return this.editing.editable(staff).stream().map(this::row).toList();
	}

	@GetMapping("/{slug}")
	@Operation(summary = "One tutorial's current text, to change it")
	Editable read(@PathVariable String slug, StaffAccount staff) {
		return editable(this.editing.read(slug, staff));
	}

	@GetMapping("/{slug}/revisions")
	@Operation(summary = "Every revision kept of a tutorial, the latest first: when, by whom or from which bundle")
	List<RevisionRow> history(@PathVariable String slug, StaffAccount staff) {
		// a tutorial's revisions have few authors: each is read once
		Map<Long, Optional<String>> authors = new HashMap<>();
		return this.editing.history(slug, staff).stream().map((revision) -> {
			String author = (revision.authorId() == null) ? null
					: authors
						.computeIfAbsent(revision.authorId(),
								(id) -> this.accounts.find(id).map(StaffAccount::displayName))
						.orElse(null);
			return new RevisionRow(revision.revision(), revision.savedAt(), revision.origin(),
					revision.bundleRevision(), author, revision.title());
		}).toList();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Open a draft (volunteers propose, coordinators review and publish)")
	Editable create(@Valid @RequestBody NewTutorial draft, StaffAccount staff) {
		return editable(this.editing.create(draft.slug(), draft.shortCode(), draft.content(), staff));
	}

	@PutMapping("/{slug}")
	@Operation(summary = "Save a new revision; refused if someone saved another since basedOn")
	Editable update(@PathVariable String slug, @Valid @RequestBody Change change, StaffAccount staff) {
		return editable(this.editing.update(slug, change.basedOn(), change.content(), staff));
	}

	@PostMapping("/{slug}/publish")
	@Operation(summary = "Publish a tutorial (coordinators)")
	Editable publish(@PathVariable String slug, StaffAccount staff) {
		return editable(this.editing.publish(slug, true, staff));
	}

	@PostMapping("/{slug}/unpublish")
	@Operation(summary = "Withdraw a tutorial from the citizen site (coordinators)")
	Editable unpublish(@PathVariable String slug, StaffAccount staff) {
		return editable(this.editing.publish(slug, false, staff));
	}

	@PostMapping("/{slug}/reviewed")
	@Operation(summary = "Record that the tutorial was checked against the real procedure today (coordinators)")
	Editable reviewed(@PathVariable String slug, StaffAccount staff) {
		return editable(this.editing.markReviewed(slug, staff));
	}

	@GetMapping("/bundle")
	@PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
	@Operation(summary = "Export the published tutorials (and the drafts with drafts=true) as a zip bundle")
	ResponseEntity<byte[]> export(@RequestParam(defaultValue = "false") boolean drafts) {
		String name = "passerelle-tutoriels-" + LocalDate.now(this.clock) + ".zip";
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/zip"))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(this.bundles.export(drafts));
	}

	@PostMapping(path = "/bundle",
			consumes = { "application/zip", "application/x-zip-compressed", MediaType.APPLICATION_OCTET_STREAM_VALUE })
	@PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
	@Operation(summary = "Import a zip bundle: new tutorials are added, newer revisions replace older ones unless "
			+ "changed here (reported)")
	Tutorials.ImportReport importBundle(HttpServletRequest request, StaffAccount staff) throws IOException {
		return this.bundles.importZip(request.getInputStream(), staff);
	}

	@PostMapping(path = "/images",
			consumes = { MediaType.IMAGE_JPEG_VALUE, MediaType.IMAGE_PNG_VALUE, MediaType.IMAGE_GIF_VALUE, "image/bmp",
					"image/webp", "image/heic", "image/heif", MediaType.APPLICATION_OCTET_STREAM_VALUE })
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Upload a picture for a step: turned upright (EXIF), reduced to 640 px wide, re-encoded as "
			+ "a light JPEG without its metadata; answers where citizens load it (HEIC refused with a way out)")
	Image upload(HttpServletRequest request, StaffAccount staff) throws IOException {
		byte[] original = request.getInputStream().readNBytes(TutorialImages.MAX_UPLOAD_BYTES + 1);
		TutorialImages.Stored stored = this.images.upload(original, staff);
		return new Image(stored.id(), stored.url(), stored.width(), stored.height(), stored.size());
	}

	@PostMapping("/preview")
	@Operation(summary = "The HTML a Markdown text renders to on the citizen site (raw HTML shown as text)")
	Preview preview(@Valid @RequestBody Source source) {
		return new Preview(this.editing.preview(source.markdown()));
	}

	private Row row(Tutorial tutorial) {
		TutorialContent content = tutorial.content();
		return new Row(tutorial.slug(), tutorial.shortCode(), content.topicCode(), content.title(),
				tutorial.published(), tutorial.revision(), content.reviewedOn(), this.editing.needsReview(tutorial),
				tutorial.updatedAt(), tutorial.counts());
	}

	private Editable editable(Tutorial tutorial) {
		return new Editable(tutorial.slug(), tutorial.shortCode(), tutorial.published(), tutorial.revision(),
				this.editing.needsReview(tutorial), tutorial.content(), this.tutorials.shortUrl(tutorial));
	}

	/**
	 * A revision kept of a tutorial.
	 *
	 * @param origin {@code LOCAL} (written here), {@code SEED} (Passerelle's own bundle)
	 * or {@code IMPORT} (another service's bundle)
	 * @param bundleRevision the bundle's revision number it came from, if any
	 * @param author who wrote it here, if it was written here
	 * @param title its title then
	 */
	record RevisionRow(int revision, Instant savedAt, String origin, Integer bundleRevision, String author,
			String title) {
	}

	/**
	 * A line of the editor's list.
	 */
	record Row(String slug, String shortCode, String topicCode, String title, boolean published, int revision,
			LocalDate reviewedOn, boolean needsReview, Instant updatedAt, Tutorial.Counts counts) {
	}

	/**
	 * A tutorial as the editor changes it.
	 */
	record Editable(String slug, String shortCode, boolean published, int revision, boolean needsReview,
			TutorialContent content, String shortUrl) {
	}

	record NewTutorial(@NotNull String slug, @NotNull String shortCode, @NotNull TutorialContent content) {
	}

	record Change(int basedOn, @NotNull TutorialContent content) {
	}

	record Source(@NotNull @Size(max = 60_000) String markdown) {
	}

	record Preview(String html) {
	}

	/**
	 * @param id the image
	 * @param url where it is loaded from, to write in the Markdown
	 * @param width its width in pixels
	 * @param height its height in pixels
	 * @param size its weight in bytes
	 */
	record Image(long id, String url, int width, int height, int size) {
	}

}
