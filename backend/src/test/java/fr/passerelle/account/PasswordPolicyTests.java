package fr.passerelle.account;

import fr.passerelle.platform.RejectedRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class PasswordPolicyTests {

	@Test
	void acceptsALongPassphrase() {
		assertThatNoException().isThrownBy(() -> PasswordPolicy.check("une phrase facile à retenir", "a@b.fr"));
	}

	@Test
	void countsCharactersNotBytes() {
		assertThatNoException().isThrownBy(() -> PasswordPolicy.check("éééééééééééé", "a@b.fr"));
		assertRejected("ééééééééééé", "account.password.too-short");
	}

	@Test
	void refusesWhatBcryptWouldTruncate() {
		assertRejected("é".repeat(37), "account.password.too-long");
	}

	@Test
	void refusesTheSignInAddressAndBlanks() {
		assertRejected("Claire.Martin@passerelle.demo", "account.password.guessable", "claire.martin@passerelle.demo");
		assertRejected(" ".repeat(14), "account.password.guessable");
		assertRejected(null, "account.password.too-short");
	}

	private static void assertRejected(String password, String code) {
		assertRejected(password, code, "someone@passerelle.test");
	}

	private static void assertRejected(String password, String code, String email) {
		assertThatExceptionOfType(RejectedRequest.class).isThrownBy(() -> PasswordPolicy.check(password, email))
			.satisfies((ex) -> org.assertj.core.api.Assertions.assertThat(ex.messageCode()).isEqualTo(code));
	}

}
