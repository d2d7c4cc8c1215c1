package fr.passerelle.ticket;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import fr.passerelle.platform.RejectedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TicketReferenceTests {

	@Test
	void usesNoCharacterThatLooksOrSoundsLikeAnother() {
		assertThat(TicketReference.ALPHABET).doesNotContainAnyWhitespaces().hasSize(25);
		for (char ambiguous : "0O1IL2Z5S8B".toCharArray()) {
			assertThat(TicketReference.ALPHABET).doesNotContain(String.valueOf(ambiguous));
		}
	}

	@Test
	void generatesThreePlusThreeCharacters() {
		Random random = new Random(42);
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			TicketReference reference = TicketReference.random(random);
			assertThat(reference.value()).matches("[ACDEFGHJKMNPQRTUVWXY34679]{3}-[ACDEFGHJKMNPQRTUVWXY34679]{3}");
			seen.add(reference.value());
		}
		assertThat(seen).hasSizeGreaterThan(9_990);
	}

	@ParameterizedTest
	@ValueSource(strings = { "K7F-4QX", "k7f4qx", "K7F 4QX", " k7f-4qx " })
	void readsAReferenceAsTyped(String typed) {
		assertThat(TicketReference.parse(typed)).isEqualTo(new TicketReference("K7F-4QX"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "K7F-4Q", "K7F-4QXX", "K0F-4QX", "<b>K7F</b>" })
	void refusesAnythingElse(String typed) {
		assertThatExceptionOfType(RejectedRequest.class).isThrownBy(() -> TicketReference.parse(typed));
	}

	@Test
	void spellsItCharacterByCharacter() {
		assertThat(new TicketReference("K7F-4QX").spelt()).isEqualTo("K 7 F 4 Q X");
	}

}
