package fr.passerelle.tutorial;

import java.util.List;

import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Renders the Markdown of tutorials to HTML that cannot carry a script: raw HTML in the
 * source is shown as text, not interpreted, and links or images to anything but
 * {@code http}, {@code https}, {@code mailto} and {@code tel} addresses lose their
 * address.
 */
final class Markdown {

	private static final Parser PARSER = Parser.builder().build();

	private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
		.escapeHtml(true)
		.sanitizeUrls(true)
		.urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto", "tel")))
		.build();

	private Markdown() {
	}

	static String toHtml(String markdown) {
		Node document = PARSER.parse((markdown != null) ? markdown : "");
		return RENDERER.render(document);
	}

}
