package fr.passerelle.territory;

import fr.passerelle.platform.RejectedRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PostcodeTests {

	@ParameterizedTest
	@ValueSource(strings = { "75001", " 75001 ", "75 001", "20000", "97400" })
	void acceptsFiveDigitsAsTyped(String typed) {
		assertThat(Postcode.parse(typed).value()).hasSize(5).containsOnlyDigits();
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", "7500", "750011", "2A000", "75OO1", "-7500" })
	void refusesAnythingButFiveDigits(String typed) {
		assertThatExceptionOfType(RejectedRequest.class).isThrownBy(() -> Postcode.parse(typed))
			.satisfies((ex) -> assertThat(ex.messageCode()).isEqualTo("territory.postcode.malformed"));
	}

}
