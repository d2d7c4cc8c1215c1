package fr.passerelle.tutorial;

import java.time.Instant;

/**
 * A tutorial as it stands now.
 *
 * @param id its identifier
 * @param slug its address: {@code /tutoriels/{slug}}
 * @param shortCode its short link for texts: {@code /t/{shortCode}}
 * @param published whether citizens may read it
 * @param revision the number of its current revision
 * @param content its current text
 * @param updatedAt when the current revision was made
 * @param counts what was done with it
 */
public record Tutorial(long id, String slug, String shortCode, boolean published, int revision, TutorialContent content,
		Instant updatedAt, Counts counts) {

	/**
	 * @param smsSent texts sent with its short link
	 * @param linkOpens short link opens
	 * @param helpfulYes readers who said it helped
	 * @param helpfulNo readers who said it did not
	 */
	public record Counts(int smsSent, int linkOpens, int helpfulYes, int helpfulNo) {
	}

}
