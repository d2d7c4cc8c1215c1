package fr.passerelle.tutorial;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTextTests {

	@Test
	void foldsAccentsCaseLigaturesAndPunctuation() {
		assertThat(SearchText.fold("Impôts : DÉCLARER l'œuvre, ça marche !"))
			.isEqualTo("impots declarer l oeuvre ca marche");
	}

	@Test
	void keepsTheWordsWorthSearchingAsPrefixes() {
		assertThat(SearchText.booleanQuery("Comment déclarer mes impôts ?")).isEqualTo("declarer* impot*");
		assertThat(SearchText.booleanQuery("comment faire ?")).isEmpty();
	}

	@Test
	void letsNoOperatorOfTheQueryLanguageThrough() {
		assertThat(SearchText.booleanQuery("+caf -impots \"rsa\" (ameli) @3 vitale~ ants*"))
			.isEqualTo("caf* impot* rsa* ameli* vitale* ants*");
	}

	@Test
	void readsAQueryStrippedAndCutToItsFirst200Characters() {
		assertThat(Tutorials.readQuery("  carte vitale  ")).isEqualTo("carte vitale");
		assertThat(Tutorials.readQuery(" " + "a".repeat(250))).hasSize(Tutorials.LONGEST_QUERY).startsWith("aaa");
	}

}
