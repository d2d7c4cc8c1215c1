package fr.passerelle.tutorial;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * One tutorial of a bundle: a Markdown file with its metadata in a front matter, the
 * format in which tutorials are shipped with Passerelle and exchanged with other
 * mediation services (README, "Tutorials"):
 *
 * <pre>
 * ---
 * slug: declarer-ses-revenus
 * code: impots
 * topic: TAXES
 * title: Déclarer ses revenus en ligne
 * summary: …
 * level: BEGINNER
 * easy-read: false
 * reviewed: 2026-11-20
 * revision: 1
 * licence: CC-BY-SA-4.0
 * links:
 *   - label: impots.gouv.fr, votre espace particulier
 *     url: https://www.impots.gouv.fr
 * ---
 * # Avant de commencer
 * …
 * # Étapes
 * 1. …
 * </pre>
 *
 * @param slug its address
 * @param shortCode its short link
 * @param revision the bundle's own revision number of it (higher is newer)
 * @param published whether it is published on import ({@code published: false} for a
 * draft)
 * @param content its text
 */
record BundleEntry(String slug, String shortCode, int revision, boolean published, TutorialContent content) {

	static final String PREREQUISITES_HEADING = "# Avant de commencer";

	static final String STEPS_HEADING = "# Étapes";

	static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	static final Pattern SHORT_CODE = Pattern.compile("[a-z0-9]{2,12}");

	/**
	 * Reads one file of a bundle.
	 * @throws IllegalArgumentException naming what is missing or wrong
	 */
	static BundleEntry parse(String text) {
		String normalized = text.replace("\r\n", "\n");
		if (!normalized.startsWith("---\n")) {
			throw new BundleProblem("tutorial.bundle.problem.front-matter",
					"the file must start with a front matter (---)");
		}
		int end = normalized.indexOf("\n---\n", 4);
		if (end < 0) {
			throw new BundleProblem("tutorial.bundle.problem.front-matter-end", "the front matter must end with ---");
		}
		Map<String, Object> meta = new Yaml(new SafeConstructor(new LoaderOptions()))
			.load(normalized.substring(4, end));
		if (meta == null) {
			throw new BundleProblem("tutorial.bundle.problem.front-matter-empty", "the front matter is empty");
		}
		String body = normalized.substring(end + 5);
		int steps = body.indexOf("\n" + STEPS_HEADING + "\n");
		if (!body.startsWith(PREREQUISITES_HEADING + "\n") || steps < 0) {
			throw new BundleProblem("tutorial.bundle.problem.sections",
					"the text must have a section " + PREREQUISITES_HEADING + " then a section " + STEPS_HEADING,
					PREREQUISITES_HEADING, STEPS_HEADING);
		}
		String prerequisites = body.substring(PREREQUISITES_HEADING.length() + 1, steps).strip();
		String stepsText = body.substring(steps + STEPS_HEADING.length() + 2).strip();
		String slug = required(meta, "slug");
		String code = required(meta, "code");
		if (!SLUG.matcher(slug).matches() || slug.length() > 100) {
			throw new BundleProblem("tutorial.bundle.problem.slug",
					"slug: lower-case letters, digits and hyphens only");
		}
		if (!SHORT_CODE.matcher(code).matches()) {
			throw new BundleProblem("tutorial.bundle.problem.code", "code: 2 to 12 lower-case letters or digits");
		}
		TutorialContent content = new TutorialContent(required(meta, "topic"), required(meta, "title"),
				required(meta, "summary"), TutorialLevel.valueOf(required(meta, "level")),
				Boolean.TRUE.equals(meta.get("easy-read")), prerequisites, stepsText, links(meta.get("links")),
				String.valueOf(meta.getOrDefault("licence", TutorialContent.DEFAULT_LICENCE)),
				date(meta.get("reviewed")));
		Object revision = meta.getOrDefault("revision", 1);
		if (!(revision instanceof Integer number) || number < 1) {
			throw new BundleProblem("tutorial.bundle.problem.revision", "revision: a whole number from 1");
		}
		return new BundleEntry(slug, code, number, !Boolean.FALSE.equals(meta.get("published")), content);
	}

	/**
	 * Writes this entry in the bundle format; {@link #parse} reads it back unchanged.
	 */
	String write() {
		Map<String, Object> meta = new LinkedHashMap<>();
		meta.put("slug", this.slug);
		meta.put("code", this.shortCode);
		meta.put("topic", this.content.topicCode());
		meta.put("title", this.content.title());
		meta.put("summary", this.content.summary());
		meta.put("level", this.content.level().name());
		meta.put("easy-read", this.content.easyRead());
		meta.put("reviewed", this.content.reviewedOn().toString());
		meta.put("revision", this.revision);
		meta.put("published", this.published);
		meta.put("licence", this.content.licence());
		meta.put("links",
				this.content.links().stream().map((l) -> Map.of("label", l.label(), "url", l.url())).toList());
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		options.setWidth(120);
		String front = new Yaml(options).dump(meta);
		return "---\n" + front + "---\n" + PREREQUISITES_HEADING + "\n\n" + this.content.prerequisites() + "\n\n"
				+ STEPS_HEADING + "\n\n" + this.content.steps() + "\n";
	}

	private static String required(Map<String, Object> meta, String key) {
		Object value = meta.get(key);
		if (value == null || String.valueOf(value).isBlank()) {
			throw new BundleProblem("tutorial.bundle.problem.missing", key + " is missing", key);
		}
		return String.valueOf(value).strip();
	}

	private static LocalDate date(Object value) {
		if (value instanceof Date date) {
			return date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
		}
		if (value == null) {
			throw new BundleProblem("tutorial.bundle.problem.missing", "reviewed is missing", "reviewed");
		}
		return LocalDate.parse(String.valueOf(value));
	}

	private static List<TutorialLink> links(Object value) {
		List<TutorialLink> links = new ArrayList<>();
		if (value instanceof List<?> items) {
			for (Object item : items) {
				if (item instanceof Map<?, ?> link && link.get("label") != null && link.get("url") != null) {
					links.add(new TutorialLink(String.valueOf(link.get("label")).strip(),
							String.valueOf(link.get("url")).strip()));
				}
				else {
					throw new BundleProblem("tutorial.bundle.problem.link", "links: each link needs a label and a url");
				}
			}
		}
		return links;
	}

}
