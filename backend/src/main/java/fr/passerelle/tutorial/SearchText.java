package fr.passerelle.tutorial;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * French text as the full-text index sees it: lower case, without accents or punctuation,
 * so that "impôts", "Impots" and "IMPÔTS" are one word. Queries are folded the same way,
 * stripped of French function words, and each remaining word matches as a prefix (so
 * "impot" finds "impots", "declarer" finds "declaration").
 */
final class SearchText {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern NOT_A_WORD = Pattern.compile("[^a-z0-9]+");

	/** The index ignores shorter words (InnoDB's innodb_ft_min_token_size). */
	private static final int SHORTEST_WORD = 3;

	/** The most words of a query searched for. */
	private static final int MOST_WORDS = 8;

	/** Words that say nothing of what someone looks for. */
	private static final Set<String> FUNCTION_WORDS = Set.of("les", "des", "une", "est", "sur", "par", "pour", "avec",
			"dans", "mon", "mes", "ton", "tes", "son", "ses", "notre", "nos", "votre", "vos", "leur", "leurs", "que",
			"qui", "quoi", "comment", "quand", "faire", "fait", "puis", "peux", "peut", "veux", "dois", "doit", "aux",
			"pas", "plus", "tout", "tous", "cette", "ces", "cet", "elle", "ils", "nous", "aide", "aider", "besoin",
			"site", "internet", "ligne");

	private SearchText() {
	}

	/**
	 * Lower case, accents and ligatures removed, anything but letters and digits turned
	 * into single spaces.
	 */
	static String fold(String text) {
		if (text == null) {
			return "";
		}
		String lower = text.toLowerCase(Locale.FRENCH).replace("œ", "oe").replace("æ", "ae").replace("ß", "ss");
		String bare = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
		return NOT_A_WORD.matcher(bare).replaceAll(" ").strip();
	}

	/**
	 * What the title index holds of a tutorial.
	 */
	static String title(TutorialContent content) {
		return fold(content.title());
	}

	/**
	 * What the text index holds of a tutorial: its theme's name, summary and text.
	 */
	static String text(TutorialContent content, String topicName) {
		return fold(String.join(" ", topicName, content.summary(), content.prerequisites(), content.steps()));
	}

	/**
	 * The words of a query worth searching for, folded, at most {@value #MOST_WORDS}.
	 */
	static Set<String> words(String query) {
		Set<String> words = new LinkedHashSet<>();
		for (String word : fold(query).split(" ")) {
			if (word.length() >= SHORTEST_WORD && !FUNCTION_WORDS.contains(word) && words.size() < MOST_WORDS) {
				words.add(word);
			}
		}
		return words;
	}

	/**
	 * A boolean-mode full-text expression where each word matches as a prefix; empty when
	 * nothing is worth searching for. Only letters and digits reach it, so no operator of
	 * the query language can be injected.
	 */
	static String booleanQuery(String query) {
		return words(query).stream().map((word) -> singular(word) + "*").distinct().collect(Collectors.joining(" "));
	}

	/**
	 * The lightest of French stemmers: a plural's final {@code s} or {@code x} goes, so
	 * that "impôts" finds "impôt" as well as "impôts" ("travaux" finds "travau…" alike).
	 */
	static String singular(String word) {
		boolean plural = word.length() >= 5 && (word.endsWith("s") || word.endsWith("x"));
		return plural ? word.substring(0, word.length() - 1) : word;
	}

}
