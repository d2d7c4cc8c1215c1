package fr.passerelle.tutorial;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import fr.passerelle.account.AccountManagement;
import fr.passerelle.platform.RateLimits;
import fr.passerelle.topic.Topic;
import fr.passerelle.topic.Topics;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The tutorials on the citizen site: by theme, searched, read, printed, and rated,
 * without JavaScript; and the short links sent by text.
 */
@Controller
class TutorialPages {

	/**
	 * Opinions counted from one address: one a day per tutorial, and a few an hour in
	 * all, so that nobody can inflate the counts; a household behind one address can
	 * still rate what it read.
	 */
	static final int OPINIONS_PER_ADDRESS_PER_HOUR = 30;

	private final Tutorials tutorials;

	private final Topics topics;

	private final TutorialImages images;

	private final RateLimits rateLimits;

	TutorialPages(Tutorials tutorials, Topics topics, TutorialImages images, RateLimits rateLimits) {
		this.tutorials = tutorials;
		this.images = images;
		this.topics = topics;
		this.rateLimits = rateLimits;
	}

	@GetMapping("/tutoriels")
	String library(Model model, Locale locale) {
		Map<String, List<Tutorial>> byTopic = new LinkedHashMap<>();
		for (Topic topic : this.topics.all()) {
			byTopic.put(topic.code(), new ArrayList<>());
		}
		for (Tutorial tutorial : this.tutorials.published()) {
			byTopic.computeIfAbsent(tutorial.content().topicCode(), (code) -> new ArrayList<>()).add(tutorial);
		}
		List<Shelf> shelves = new ArrayList<>();
		byTopic.forEach((code, list) -> {
			if (!list.isEmpty()) {
				shelves.add(new Shelf(code, topicName(code, locale), list));
			}
		});
		model.addAttribute("shelves", shelves);
		return "tutorial/library";
	}

	@GetMapping("/tutoriels/recherche")
	String search(@RequestParam(name = "q", defaultValue = "") String query, Model model) {
		String asked = Tutorials.readQuery(query);
		model.addAttribute("query", asked);
		model.addAttribute("results", asked.isEmpty() ? List.of() : this.tutorials.search(asked));
		return "tutorial/search";
	}

	@GetMapping("/tutoriels/{slug}")
	String read(@PathVariable String slug, @RequestParam(name = "avis", required = false) String feedback, Model model,
			Locale locale, HttpServletResponse response) {
		if (!page(slug, model, locale)) {
			return error(HttpStatus.NOT_FOUND, model, response);
		}
		model.addAttribute("thanked", "merci".equals(feedback));
		return "tutorial/tutorial";
	}

	@GetMapping("/tutoriels/{slug}/imprimer")
	String print(@PathVariable String slug, Model model, Locale locale, HttpServletResponse response) {
		return page(slug, model, locale) ? "tutorial/print" : error(HttpStatus.NOT_FOUND, model, response);
	}

	@PostMapping("/tutoriels/{slug}/avis")
	String feedback(@PathVariable String slug, @RequestParam(name = "aide", defaultValue = "") String helped,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		if (!helped.equals("oui") && !helped.equals("non")) {
			return error(HttpStatus.BAD_REQUEST, model, response);
		}
		if (this.tutorials.published(slug).isEmpty()) {
			return error(HttpStatus.NOT_FOUND, model, response);
		}
		// beyond the limits the opinion is not counted again, yet the reader is thanked
		// all the same: theirs was already heard
		if (counts(request.getRemoteAddr(), slug)) {
			this.tutorials.feedback(slug, helped.equals("oui"));
		}
		return "redirect:/tutoriels/" + slug + "?avis=merci#avis";
	}

	private boolean counts(String address, String slug) {
		return this.rateLimits.tryAcquire("tutorial-opinion", address + " " + slug, 1, Duration.ofDays(1))
				&& this.rateLimits.tryAcquire("tutorial-opinions", address, OPINIONS_PER_ADDRESS_PER_HOUR,
						Duration.ofHours(1));
	}

	/**
	 * A picture, under its unguessable name: for everyone once a published tutorial shows
	 * it, for approved staff only before (drafts, the editor's preview).
	 */
	@GetMapping("/tutoriels/images/{token:[0-9a-f]{32}}.jpg")
	ResponseEntity<byte[]> image(@PathVariable String token, Authentication authentication) {
		boolean published = this.images.isPublished(token);
		if (!published && !AccountManagement.isApprovedStaff(authentication)) {
			return ResponseEntity.notFound().build();
		}
		CacheControl cache = published ? CacheControl.maxAge(Duration.ofDays(1)).cachePublic()
				: CacheControl.noStore().cachePrivate();
		return this.images.bytes(token)
			.map((bytes) -> ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).cacheControl(cache).body(bytes))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	@GetMapping("/t/{code}")
	String shortLink(@PathVariable String code, Model model, HttpServletResponse response) {
		return this.tutorials.openShortLink(code)
			.map((tutorial) -> "redirect:/tutoriels/" + tutorial.slug())
			.orElseGet(() -> error(HttpStatus.NOT_FOUND, model, response));
	}

	/**
	 * The citizen site's error page, in HTML whatever the browser accepts: these pages
	 * are read by people.
	 */
	private static String error(HttpStatus status, Model model, HttpServletResponse response) {
		response.setStatus(status.value());
		model.addAttribute("status", status.value());
		return "error";
	}

	private boolean page(String slug, Model model, Locale locale) {
		Optional<Tutorial> found = this.tutorials.published(slug);
		if (found.isEmpty()) {
			return false;
		}
		Tutorial tutorial = found.get();
		TutorialContent content = tutorial.content();
		model.addAttribute("tutorial", tutorial);
		model.addAttribute("topicName", topicName(content.topicCode(), locale));
		model.addAttribute("prerequisites", Markdown.toHtml(content.prerequisites()));
		model.addAttribute("steps", Markdown.toHtml(content.steps()));
		model.addAttribute("reviewedOn",
				content.reviewedOn().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)));
		model.addAttribute("shortLink", this.tutorials.shortUrl(tutorial).replaceFirst("^https?://", ""));
		model.addAttribute("licence", Licence.of(content.licence()));
		return true;
	}

	private String topicName(String code, Locale locale) {
		return this.topics.find(code).map((topic) -> topic.name(locale)).orElse(code);
	}

	/**
	 * The tutorials of one theme.
	 */
	record Shelf(String topicCode, String topicName, List<Tutorial> tutorials) {
	}

	/**
	 * A licence as a reader sees it: its name and the page that explains it.
	 */
	record Licence(String name, String url) {

		static Licence of(String spdx) {
			return switch (spdx) {
				case "CC-BY-SA-4.0" ->
					new Licence("CC BY-SA 4.0", "https://creativecommons.org/licenses/by-sa/4.0/deed.fr");
				case "CC-BY-4.0" -> new Licence("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/deed.fr");
				case "CC0-1.0" -> new Licence("CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/deed.fr");
				case "etalab-2.0" ->
					new Licence("Licence Ouverte 2.0", "https://www.etalab.gouv.fr/licence-ouverte-open-licence/");
				default -> new Licence(spdx, null);
			};
		}

	}

}
