package fr.passerelle.tutorial;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The published tutorials, for the staff: what the console suggests for a request's
 * theme, and finds by searching.
 */
@RestController
@Tag(name = "Tutorials", description = "The tutorials library")
class TutorialController {

	private final Tutorials tutorials;

	TutorialController(Tutorials tutorials) {
		this.tutorials = tutorials;
	}

	@GetMapping("/api/tutorials")
	@Operation(summary = "Published tutorials matching a search (q), or those of a theme (topic), with their counts")
	List<Card> published(@RequestParam(required = false) String topic, @RequestParam(required = false) String q) {
		List<Tutorial> found;
		if (q != null && !q.isBlank()) {
			found = this.tutorials.search(q);
		}
		else if (topic != null && !topic.isBlank()) {
			found = this.tutorials.publishedIn(topic);
		}
		else {
			found = this.tutorials.published();
		}
		return found.stream().map(this::card).toList();
	}

	private Card card(Tutorial tutorial) {
		TutorialContent content = tutorial.content();
		return new Card(tutorial.slug(), tutorial.shortCode(), content.topicCode(), content.title(), content.summary(),
				content.level(), content.easyRead(), "/tutoriels/" + tutorial.slug(), this.tutorials.shortUrl(tutorial),
				tutorial.counts());
	}

	/**
	 * A tutorial as the console lists it.
	 *
	 * @param slug its address
	 * @param shortCode its short link's code
	 * @param topicCode its theme
	 * @param title its title
	 * @param summary its summary
	 * @param level whom it is written for
	 * @param easyRead written in easy-to-read French
	 * @param path its page on the citizen site
	 * @param shortUrl the link texted to citizens
	 * @param counts texts sent, short link opens, readers' answers
	 */
	record Card(String slug, String shortCode, String topicCode, String title, String summary, TutorialLevel level,
			boolean easyRead, String path, String shortUrl, Tutorial.Counts counts) {
	}

}
