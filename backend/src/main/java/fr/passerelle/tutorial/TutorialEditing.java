package fr.passerelle.tutorial;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import fr.passerelle.account.Role;
import fr.passerelle.account.StaffAccount;
import fr.passerelle.platform.RejectedRequest;
import fr.passerelle.topic.Topic;
import fr.passerelle.topic.Topics;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writing tutorials here: coordinators and administrators write, change, publish and
 * unpublish any tutorial; volunteers propose drafts, which they may change until a
 * coordinator reviews and publishes them. Every change is a new revision (origin
 * {@code LOCAL}, with its author), so that no bundle loaded later replaces it silently.
 */
@Service
public class TutorialEditing {

	/** A tutorial not checked for this long is flagged for review. */
	static final int REVIEW_AFTER_MONTHS = 12;

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	/** Addresses the editor's own pages use. */
	private static final Set<String> RESERVED = Set.of("nouveau", "bundle", "preview", "recherche");

	private static final Set<String> LICENCES = Set.of("CC-BY-SA-4.0", "CC-BY-4.0", "CC0-1.0", "etalab-2.0");

	private final TutorialStore store;

	private final Topics topics;

	private final TutorialImages images;

	private final Clock clock;

	TutorialEditing(TutorialStore store, Topics topics, TutorialImages images, Clock clock) {
		this.store = store;
		this.topics = topics;
		this.images = images;
		this.clock = clock;
	}

	/**
	 * What an editor lists: every tutorial for coordinators and administrators, a
	 * volunteer's own drafts for them.
	 */
	@Transactional(readOnly = true)
	public List<Tutorial> editable(StaffAccount staff) {
		List<TutorialStore.Stored> stored = isEditor(staff) ? this.store.all() : this.store.draftsBy(staff.id());
		return stored.stream().map(TutorialStore.Stored::tutorial).toList();
	}

	@Transactional(readOnly = true)
	public Tutorial read(String slug, StaffAccount staff) {
		TutorialStore.Stored stored = existing(slug);
		requireMayChange(stored, staff);
		return stored.tutorial();
	}

	/**
	 * Every revision kept of a tutorial the staff member may change, the latest first.
	 */
	public List<TutorialStore.Revision> history(String slug, StaffAccount staff) {
		TutorialStore.Stored stored = existing(slug);
		requireMayChange(stored, staff);
		return this.store.history(stored.tutorial().id());
	}

	/**
	 * Whether the last check of a tutorial is older than {@value #REVIEW_AFTER_MONTHS}
	 * months.
	 */
	public boolean needsReview(Tutorial tutorial) {
		return tutorial.content().reviewedOn().isBefore(today().minusMonths(REVIEW_AFTER_MONTHS));
	}

	/**
	 * Opens a draft. Opening the same draft again (same address, same text, same author)
	 * changes nothing.
	 * @throws RejectedRequest when the address or short code is malformed or taken, or
	 * the text is incomplete
	 */
	@Transactional
	public Tutorial create(String slug, String shortCode, TutorialContent content, StaffAccount author) {
		if (slug == null || !BundleEntry.SLUG.matcher(slug).matches() || slug.length() > 100
				|| RESERVED.contains(slug)) {
			throw RejectedRequest.field("slug", "tutorial.slug.invalid");
		}
		if (shortCode == null || !BundleEntry.SHORT_CODE.matcher(shortCode).matches()) {
			throw RejectedRequest.field("shortCode", "tutorial.code.invalid");
		}
		TutorialContent checked = check(content);
		var existing = this.store.findBySlug(slug);
		if (existing.isPresent()) {
			Tutorial tutorial = existing.get().tutorial();
			boolean repeat = tutorial.revision() == 1 && tutorial.content().equals(checked)
					&& tutorial.shortCode().equals(shortCode)
					&& Objects.equals(this.store.firstAuthor(tutorial.id()).orElse(null), author.id());
			if (repeat) {
				return tutorial;
			}
			throw new RejectedRequest(HttpStatus.CONFLICT, "tutorial.slug.taken").on("slug");
		}
		if (this.store.findByShortCode(shortCode).isPresent()) {
			throw new RejectedRequest(HttpStatus.CONFLICT, "tutorial.code.taken").on("shortCode");
		}
		Instant now = this.clock.instant();
		try {
			long id = this.store.insert(slug, shortCode, false, checked, now, "LOCAL", null, SearchText.title(checked),
					searchText(checked));
			this.store.insertRevision(id, 1, checked, "LOCAL", null, author.id(), now);
		}
		catch (DuplicateKeyException raced) {
			throw new RejectedRequest(HttpStatus.CONFLICT, "tutorial.slug.taken").on("slug");
		}
		return existing(slug).tutorial();
	}

	/**
	 * Saves a new revision of the text, if it differs from the current one.
	 * @param basedOn the revision the author started from: if someone saved another
	 * since, the change is refused rather than lost
	 * @throws RejectedRequest when the author may not change it, it changed meanwhile, or
	 * the text is incomplete
	 */
	@Transactional
	public Tutorial update(String slug, int basedOn, TutorialContent content, StaffAccount author) {
		TutorialStore.Stored stored = this.store.lockBySlug(slug)
			.orElseThrow(() -> new RejectedRequest(HttpStatus.NOT_FOUND, "tutorial.not-found"));
		requireMayChange(stored, author);
		TutorialContent checked = check(content);
		Tutorial tutorial = stored.tutorial();
		if (tutorial.content().equals(checked)) {
			return tutorial;
		}
		if (tutorial.revision() != basedOn) {
			throw new RejectedRequest(HttpStatus.CONFLICT, "tutorial.revision.stale", tutorial.revision());
		}
		saveRevision(stored, checked, author);
		return existing(slug).tutorial();
	}

	/**
	 * The content was checked against the real procedure today: a new revision with
	 * today's date. Marking it again the same day changes nothing.
	 */
	@Transactional
	public Tutorial markReviewed(String slug, StaffAccount editor) {
		requireEditor(editor);
		TutorialStore.Stored stored = this.store.lockBySlug(slug)
			.orElseThrow(() -> new RejectedRequest(HttpStatus.NOT_FOUND, "tutorial.not-found"));
		TutorialContent content = stored.tutorial().content();
		if (content.reviewedOn().equals(today())) {
			return stored.tutorial();
		}
		saveRevision(stored,
				new TutorialContent(content.topicCode(), content.title(), content.summary(), content.level(),
						content.easyRead(), content.prerequisites(), content.steps(), content.links(),
						content.licence(), today()),
				editor);
		return existing(slug).tutorial();
	}

	/**
	 * Publishes or withdraws a tutorial; doing it again changes nothing.
	 */
	@Transactional
	public Tutorial publish(String slug, boolean published, StaffAccount editor) {
		requireEditor(editor);
		TutorialStore.Stored stored = this.store.lockBySlug(slug)
			.orElseThrow(() -> new RejectedRequest(HttpStatus.NOT_FOUND, "tutorial.not-found"));
		if (stored.tutorial().published() != published) {
			this.store.publish(stored.tutorial().id(), published);
		}
		return existing(slug).tutorial();
	}

	/**
	 * The HTML a text renders to on the citizen site, for the editor's preview.
	 */
	public String preview(String markdown) {
		return Markdown.toHtmlOnce(markdown);
	}

	private void saveRevision(TutorialStore.Stored stored, TutorialContent content, StaffAccount author) {
		Tutorial tutorial = stored.tutorial();
		int revision = tutorial.revision() + 1;
		Instant now = this.clock.instant();
		this.store.update(tutorial.id(), revision, tutorial.published(), content, now, "LOCAL", stored.bundleRevision(),
				SearchText.title(content), searchText(content));
		this.store.insertRevision(tutorial.id(), revision, content, "LOCAL", stored.bundleRevision(), author.id(), now);
	}

	private TutorialContent check(TutorialContent content) {
		if (content == null || content.topicCode() == null || this.topics.find(content.topicCode()).isEmpty()) {
			throw RejectedRequest.field("content.topicCode", "tutorial.topic.unknown");
		}
		String title = strip(content.title());
		String summary = strip(content.summary());
		if (title.length() < 5 || title.length() > 160) {
			throw RejectedRequest.field("content.title", "tutorial.title.invalid", 160);
		}
		if (summary.length() < 10 || summary.length() > 400) {
			throw RejectedRequest.field("content.summary", "tutorial.summary.invalid", 400);
		}
		if (strip(content.steps()).isEmpty()) {
			throw RejectedRequest.field("content.steps", "tutorial.steps.empty");
		}
		if (strip(content.prerequisites()).length() + strip(content.steps()).length() > 60_000) {
			throw RejectedRequest.field("content.steps", "tutorial.text.too-long", 60_000);
		}
		if (this.images.weightOf(strip(content.prerequisites()) + "\n"
				+ strip(content.steps())) > TutorialImages.MAX_IMAGES_PER_TUTORIAL) {
			throw RejectedRequest.field("content.steps", "tutorial.images.too-heavy",
					TutorialImages.MAX_IMAGES_PER_TUTORIAL / 1024);
		}
		List<TutorialLink> links = (content.links() != null) ? content.links() : List.of();
		for (TutorialLink link : links) {
			if (link == null || strip(link.label()).isEmpty() || link.url() == null
					|| !link.url().strip().startsWith("https://") || link.url().length() > 500) {
				throw RejectedRequest.field("content.links", "tutorial.link.invalid");
			}
		}
		String licence = (content.licence() != null && !content.licence().isBlank()) ? content.licence().strip()
				: TutorialContent.DEFAULT_LICENCE;
		if (!LICENCES.contains(licence)) {
			throw RejectedRequest.field("content.licence", "tutorial.licence.invalid", String.join(", ", LICENCES));
		}
		return new TutorialContent(content.topicCode(), title, summary,
				(content.level() != null) ? content.level() : TutorialLevel.BEGINNER, content.easyRead(),
				strip(content.prerequisites()), strip(content.steps()),
				links.stream().map((l) -> new TutorialLink(l.label().strip(), l.url().strip())).toList(), licence,
				(content.reviewedOn() != null && !content.reviewedOn().isAfter(today())) ? content.reviewedOn()
						: today());
	}

	private TutorialStore.Stored existing(String slug) {
		return this.store.findBySlug(slug)
			.orElseThrow(() -> new RejectedRequest(HttpStatus.NOT_FOUND, "tutorial.not-found"));
	}

	/**
	 * Coordinators and administrators change any tutorial; a volunteer only a draft they
	 * opened.
	 */
	private void requireMayChange(TutorialStore.Stored stored, StaffAccount staff) {
		if (isEditor(staff)) {
			return;
		}
		boolean ownDraft = !stored.tutorial().published()
				&& Objects.equals(this.store.firstAuthor(stored.tutorial().id()).orElse(null), staff.id());
		if (!ownDraft) {
			throw new RejectedRequest(HttpStatus.FORBIDDEN, "tutorial.not-yours");
		}
	}

	private static void requireEditor(StaffAccount staff) {
		if (!isEditor(staff)) {
			throw new RejectedRequest(HttpStatus.FORBIDDEN, "tutorial.editors-only");
		}
	}

	private static boolean isEditor(StaffAccount staff) {
		return staff.role() == Role.COORDINATOR || staff.role() == Role.ADMIN;
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), PARIS);
	}

	private static String strip(String text) {
		return (text != null) ? text.strip() : "";
	}

	private String searchText(TutorialContent content) {
		return SearchText.text(content, this.topics.find(content.topicCode()).map(Topic::nameFr).orElse(""));
	}

}
