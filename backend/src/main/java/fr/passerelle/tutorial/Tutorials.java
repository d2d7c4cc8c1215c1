package fr.passerelle.tutorial;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import fr.passerelle.platform.PublicSite;
import fr.passerelle.topic.Topic;
import fr.passerelle.topic.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tutorials library: what citizens read and search, what short links open, and
 * bundles of tutorials loaded into it.
 */
@Service
public class Tutorials {

	/** The longest query read, in characters. */
	static final int LONGEST_QUERY = 200;

	private static final Logger log = LoggerFactory.getLogger(Tutorials.class);

	/** The most results a search gives. */
	static final int MOST_RESULTS = 20;

	private final TutorialStore store;

	private final Topics topics;

	private final Clock clock;

	private final String publicBaseUrl;

	private final MessageSource messages;

	Tutorials(TutorialStore store, Topics topics, Clock clock, PublicSite site, MessageSource messages) {
		this.messages = messages;
		this.store = store;
		this.topics = topics;
		this.clock = clock;
		this.publicBaseUrl = site.baseUrl();
	}

	/**
	 * Every published tutorial, by title.
	 */
	@Transactional(readOnly = true)
	public List<Tutorial> published() {
		return this.store.published().stream().map(TutorialStore.Stored::tutorial).toList();
	}

	/**
	 * A published tutorial: one query, outside any transaction (a read-only transaction
	 * would cost the busiest public page two more round trips to the database).
	 */
	public Optional<Tutorial> published(String slug) {
		return this.store.findBySlug(slug).map(TutorialStore.Stored::tutorial).filter(Tutorial::published);
	}

	/**
	 * A query as it is read: without surrounding spaces, and cut to its first
	 * {@value #LONGEST_QUERY} characters (enough for any question, too few to cost
	 * anything).
	 */
	static String readQuery(String query) {
		String stripped = query.strip();
		return (stripped.length() > LONGEST_QUERY) ? stripped.substring(0, LONGEST_QUERY) : stripped;
	}

	/**
	 * Published tutorials that match a query in French (as {@link #readQuery} reads it),
	 * the best first; none for a query of function words only ("comment faire ?").
	 */
	@Transactional(readOnly = true)
	public List<Tutorial> search(String query) {
		String expression = SearchText.booleanQuery(readQuery(query));
		if (expression.isEmpty()) {
			return List.of();
		}
		return this.store.search(expression, MOST_RESULTS).stream().map(TutorialStore.Stored::tutorial).toList();
	}

	/**
	 * The published tutorials of a theme, by title: what the console suggests for a
	 * request of that theme.
	 */
	@Transactional(readOnly = true)
	public List<Tutorial> publishedIn(String topicCode) {
		return this.store.publishedIn(topicCode).stream().map(TutorialStore.Stored::tutorial).toList();
	}

	/**
	 * A volunteer texted a published tutorial's short link to a citizen: counted.
	 */
	@Transactional
	public void sent(Tutorial tutorial) {
		this.store.countSent(tutorial.id());
	}

	/**
	 * Where the citizen site lists the published tutorials of a theme
	 * ({@code https://…/tutoriels#theme-CAF}), if it has any.
	 */
	public Optional<String> themeUrl(String topicCode) {
		return this.store.publishedIn(topicCode).isEmpty() ? Optional.empty()
				: Optional.of(this.publicBaseUrl + "/tutoriels#theme-" + topicCode);
	}

	/**
	 * The short link of a tutorial, as typed in a text: {@code https://…/t/{code}}.
	 */
	public String shortUrl(Tutorial tutorial) {
		return this.publicBaseUrl + "/t/" + tutorial.shortCode();
	}

	/**
	 * Someone opened a short link ({@code /t/{code}}): counted, and the tutorial it leads
	 * to returned, if it is published.
	 */
	@Transactional
	public Optional<Tutorial> openShortLink(String code) {
		if (!this.store.countLinkOpen(code)) {
			return Optional.empty();
		}
		return this.store.findByShortCode(code).map(TutorialStore.Stored::tutorial);
	}

	/**
	 * A reader says whether a published tutorial helped them.
	 * @return whether it was counted (the tutorial exists and is published)
	 */
	@Transactional
	public boolean feedback(String slug, boolean helpful) {
		return this.store.countFeedback(slug, helpful);
	}

	/**
	 * Loads the files of a bundle. A tutorial not known here is added; one known here
	 * takes the bundle's text only if the bundle's revision is newer than the one it came
	 * from and nobody changed it here since (otherwise it is kept, and the report says
	 * so). Loading the same bundle again changes nothing.
	 * @param origin {@code SEED} for the bundle shipped with Passerelle, {@code IMPORT}
	 * for another
	 */
	@Transactional
	public ImportReport load(List<BundleFile> files, String origin) {
		List<String> added = new ArrayList<>();
		List<String> updated = new ArrayList<>();
		List<String> keptLocal = new ArrayList<>();
		List<String> rejected = new ArrayList<>();
		Instant now = this.clock.instant();
		for (BundleFile file : files) {
			BundleEntry entry;
			try {
				entry = BundleEntry.parse(file.text());
				check(entry);
			}
			catch (IllegalArgumentException invalid) {
				rejected.add(file.name() + ": " + reason(invalid));
				continue;
			}
			Optional<TutorialStore.Stored> taken = this.store.findByShortCode(entry.shortCode())
				.filter((other) -> !other.tutorial().slug().equals(entry.slug()));
			if (taken.isPresent()) {
				rejected.add(file.name() + ": "
						+ reason(new BundleProblem("tutorial.bundle.problem.code-taken",
								"short code " + entry.shortCode() + " is taken by " + taken.get().tutorial().slug(),
								entry.shortCode(), taken.get().tutorial().slug())));
				continue;
			}
			Optional<TutorialStore.Stored> local = this.store.lockBySlug(entry.slug());
			if (local.isEmpty()) {
				long id = this.store.insert(entry.slug(), entry.shortCode(), entry.published(), entry.content(), now,
						origin, entry.revision(), SearchText.title(entry.content()), searchText(entry.content()));
				this.store.insertRevision(id, 1, entry.content(), origin, entry.revision(), null, now);
				added.add(entry.slug());
				continue;
			}
			TutorialStore.Stored stored = local.get();
			boolean newer = stored.bundleRevision() == null || entry.revision() > stored.bundleRevision();
			if (!newer) {
				continue;
			}
			if ("LOCAL".equals(stored.origin())) {
				keptLocal.add(entry.slug());
				continue;
			}
			int revision = stored.tutorial().revision() + 1;
			this.store.update(stored.tutorial().id(), revision, entry.published(), entry.content(), now, origin,
					entry.revision(), SearchText.title(entry.content()), searchText(entry.content()));
			this.store.insertRevision(stored.tutorial().id(), revision, entry.content(), origin, entry.revision(), null,
					now);
			updated.add(entry.slug());
		}
		if (!keptLocal.isEmpty()) {
			log.info("Tutorials changed here were kept, not replaced by the bundle's newer text: {}", keptLocal);
		}
		if (!rejected.isEmpty()) {
			log.warn("Bundle files not loaded: {}", rejected);
		}
		return new ImportReport(added, updated, keptLocal, rejected);
	}

	private void check(BundleEntry entry) {
		TutorialContent content = entry.content();
		if (this.topics.find(content.topicCode()).isEmpty()) {
			throw new BundleProblem("tutorial.bundle.problem.topic", "topic " + content.topicCode() + " does not exist",
					content.topicCode());
		}
		if (content.title().length() > 160 || content.summary().length() > 400) {
			throw new BundleProblem("tutorial.bundle.problem.too-long",
					"the title (160) or the summary (400) is too long");
		}
		for (TutorialLink link : content.links()) {
			if (!link.url().startsWith("https://")) {
				throw new BundleProblem("tutorial.bundle.problem.https", "links must be https addresses: " + link.url(),
						link.url());
			}
		}
	}

	private String searchText(TutorialContent content) {
		return SearchText.text(content, this.topics.find(content.topicCode()).map(Topic::nameFr).orElse(""));
	}

	/**
	 * One file of a bundle.
	 *
	 * @param name its name, for reports
	 * @param text its content
	 */
	public record BundleFile(String name, String text) {
	}

	/**
	 * What loading a bundle did.
	 *
	 * @param added tutorials new here
	 * @param updated tutorials that took the bundle's newer text
	 * @param keptLocal tutorials changed here, kept although the bundle's text is newer
	 * @param rejected files not loaded, and why
	 */
	public record ImportReport(List<String> added, List<String> updated, List<String> keptLocal,
			List<String> rejected) {
	}

	/**
	 * Why a bundle's file was refused, in the language of whoever imports it (English for
	 * the seeds loaded at start-up, with no request).
	 */
	String reason(IllegalArgumentException invalid) {
		LocaleContext reader = LocaleContextHolder.getLocaleContext();
		if (invalid instanceof BundleProblem problem && reader != null && reader.getLocale() != null) {
			return this.messages.getMessage(problem.code(), problem.arguments(), problem.getMessage(),
					reader.getLocale());
		}
		return invalid.getMessage();
	}

}
