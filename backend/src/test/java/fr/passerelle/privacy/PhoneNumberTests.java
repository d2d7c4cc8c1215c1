package fr.passerelle.privacy;

import fr.passerelle.platform.RejectedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PhoneNumberTests {

	@ParameterizedTest
	@CsvSource({ "06 12 34 56 78, +33612345678", "0612345678, +33612345678", "+33 6 12 34 56 78, +33612345678",
			"0033612345678, +33612345678", "06.12.34.56.78, +33612345678", "01 42 68 53 00, +33142685300",
			"09 50 12 34 56, +33950123456", "0692 12 34 56, +262692123456", "0262 21 12 34, +262262211234",
			"0690 12 34 56, +590690123456", "0696 12 34 56, +596696123456", "0694 12 34 56, +594694123456" })
	void readsFrenchNumbersAsPeopleTypeThem(String typed, String e164) {
		assertThat(PhoneNumber.parse(typed).e164()).isEqualTo(e164);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "123", "06 12 34", "not a number", "06 12 34 56 78 90 12 34 56 78 90 12 34" })
	void refusesWhatIsNotANumber(String typed) {
		assertRejected(typed, "phone.malformed");
	}

	@ParameterizedTest
	@ValueSource(strings = { "+44 20 7946 0958", "+1 202 555 0143", "+32 470 12 34 56" })
	void refusesForeignNumbers(String typed) {
		assertRejected(typed, "phone.foreign");
	}

	@ParameterizedTest
	@ValueSource(strings = { "08 99 12 34 56", "08 92 12 34 56" })
	void refusesNumbersWeMustNotCall(String typed) {
		assertRejected(typed, "phone.not-callable");
	}

	@Test
	void showsOnlyTheFirstAndLastDigits() {
		PhoneNumber phone = PhoneNumber.parse("06 12 34 56 42");

		assertThat(phone.masked()).isEqualTo("06 •• •• •• 42");
		assertThat(phone).hasToString("06 •• •• •• 42");
		assertThat(PhoneNumber.parse("0692 12 34 56").masked()).isEqualTo("06 •• •• •• 56");
	}

	@Test
	void comparesByNumber() {
		assertThat(PhoneNumber.parse("06 12 34 56 78")).isEqualTo(PhoneNumber.parse("+33612345678"))
			.hasSameHashCodeAs(PhoneNumber.parse("+33612345678"));
	}

	private static void assertRejected(String typed, String code) {
		assertThatExceptionOfType(RejectedRequest.class).isThrownBy(() -> PhoneNumber.parse(typed))
			.satisfies((ex) -> assertThat(ex.messageCode()).isEqualTo(code));
	}

}
