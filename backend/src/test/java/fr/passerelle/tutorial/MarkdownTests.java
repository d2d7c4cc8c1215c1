package fr.passerelle.tutorial;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownTests {

	@Test
	void rendersStepsListsLinksAndEmphasis() {
		String html = Markdown.toHtml("1. Ouvrez **ameli.fr**\n2. Cliquez sur [le site](https://www.ameli.fr)\n");

		assertThat(html).contains("<ol>", "<li>Ouvrez <strong>ameli.fr</strong></li>",
				"href=\"https://www.ameli.fr\">le site</a>");
	}

	@Test
	void showsRawHtmlAsTextSoNoScriptRuns() {
		String html = Markdown.toHtml("Bonjour <script>alert('x')</script>\n\n<img src=x onerror=alert(1)>\n\n"
				+ "<a href=\"javascript:alert(1)\">lien</a>");

		assertThat(html).doesNotContain("<script", "<img", "<a href=\"javascript")
			.contains("&lt;script&gt;", "&lt;img src=x onerror=alert(1)&gt;");
	}

	@Test
	void dropsAddressesThatAreNotWebMailOrPhone() {
		String html = Markdown.toHtml("[a](javascript:alert(1)) [b](data:text/html;base64,PHNjcmlwdD4=) "
				+ "[c](vbscript:x) ![d](javascript:alert(2)) [e](tel:+33199001234) [f](mailto:aide@example.org)");

		assertThat(html).doesNotContain("javascript:", "data:", "vbscript:")
			.contains("href=\"tel:+33199001234\"", "href=\"mailto:aide@example.org\"");
	}

}
