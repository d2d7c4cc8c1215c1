package fr.passerelle.tutorial;

/**
 * An official page a tutorial points to.
 *
 * @param label what the link is, in words (never "cliquez ici")
 * @param url an {@code https} address
 */
public record TutorialLink(String label, String url) {
}
