package fr.passerelle.tutorial;

/**
 * Whom a tutorial is written for.
 */
public enum TutorialLevel {

	/** Someone who rarely uses a computer or a smartphone. */
	BEGINNER,
	/** Someone at ease with the basics (a browser, an e-mail address). */
	INTERMEDIATE

}
