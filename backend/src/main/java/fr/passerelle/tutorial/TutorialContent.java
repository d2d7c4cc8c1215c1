package fr.passerelle.tutorial;

import java.time.LocalDate;
import java.util.List;

/**
 * What an author writes: everything a revision of a tutorial holds.
 *
 * @param topicCode the theme it belongs to
 * @param title its title, a task in the citizen's words ("Déclarer ses revenus en ligne")
 * @param summary one or two sentences: what it helps to do
 * @param level whom it is written for
 * @param easyRead written in easy-to-read French (FALC)
 * @param prerequisites "what you need before you start", in Markdown
 * @param steps the steps, in Markdown (a numbered list, images allowed)
 * @param links official pages
 * @param licence an SPDX licence identifier ({@code CC-BY-SA-4.0} by default)
 * @param reviewedOn when its content was last checked against the real procedure
 */
public record TutorialContent(String topicCode, String title, String summary, TutorialLevel level, boolean easyRead,
		String prerequisites, String steps, List<TutorialLink> links, String licence, LocalDate reviewedOn) {

	public static final String DEFAULT_LICENCE = "CC-BY-SA-4.0";

}
