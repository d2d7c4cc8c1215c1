package fr.passerelle.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class HotlineNumberTests {

	@Test
	void showsAFrenchNumberTheFrenchWay() {
		assertThat(new HotlineNumber("+33970809010").display()).isEqualTo("09\u00a070\u00a080\u00a090\u00a010");
	}

	@Test
	void saysAFrenchNumberPairByPair() {
		assertThat(new HotlineNumber("+33970809010").spoken()).isEqualTo("09, 70, 80, 90, 10");
	}

	@Test
	void showsAnyOtherNumberAsConfigured() {
		assertThat(new HotlineNumber("+262262123456").display()).isEqualTo("+262262123456");
	}

	@Test
	void refusesANumberThatIsNotE164AtStartup() {
		assertThatIllegalArgumentException().isThrownBy(() -> new HotlineNumber("09 70 80 90 10"))
			.withMessageContaining("passerelle.twilio.hotline-number");
	}

}
