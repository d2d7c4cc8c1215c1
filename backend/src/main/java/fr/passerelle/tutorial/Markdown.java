package fr.passerelle.tutorial;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

	/**
	 * Texts rendered lately, by their text: tutorials are read far more often than
	 * written.
	 */
	private static final Map<String, String> RENDERED = new ConcurrentHashMap<>();

	private static final int MOST_RENDERED = 1_000;

	/**
	 * Renders a text that will not be shown again (an editor's preview), without keeping
	 * it.
	 */
	static String toHtmlOnce(String markdown) {
		return RENDERER.render(PARSER.parse((markdown != null) ? markdown : ""));
	}

	static String toHtml(String markdown) {
		String text = (markdown != null) ? markdown : "";
		String html = RENDERED.get(text);
		if (html == null) {
			html = RENDERER.render(PARSER.parse(text));
			if (RENDERED.size() >= MOST_RENDERED) {
				RENDERED.clear();
			}
			RENDERED.put(text, html);
		}
		return html;
	}

}
