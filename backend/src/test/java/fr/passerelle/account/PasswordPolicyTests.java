package fr.passerelle.account;

import java.text.Normalizer;

import fr.passerelle.platform.RejectedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class PasswordPolicyTests {

	@Test
	void acceptsALongPassphrase() {
		assertThatNoException()
			.isThrownBy(() -> PasswordPolicy.check("une phrase facile à retenir", "a@b.fr", "password"));
	}

	@Test
	void countsCharactersNotBytes() {
		assertThatNoException().isThrownBy(() -> PasswordPolicy.check("éàèùâêîôûëïç", "a@b.fr", "password"));
		assertRejected("éàèùâêîôûëï", "account.password.too-short");
	}

	@ParameterizedTest
	@ValueSource(strings = { "我的密码是一句很长的话不容易被猜到吗我觉得应该是的对吧朋友们你们说呢这句话一共有六十四个汉字我们再多写几个字吧好的就这样吧谢谢大",
			"😀🐱🌍🚀🎉🍕🎈🌟💡📚🎵🌈🔑🏠🚲🌻😀🐱🌍🚀🎉🍕🎈🌟💡📚🎵🌈🔑🏠🚲🌻😀🐱🌍🚀🎉🍕🎈🌟💡📚🎵🌈🔑🏠🚲🌻😀🐱🌍🚀🎉🍕🎈🌟💡📚🎵🌈🔑🏠🚲🌻",
			"مرحبا بكم في خدمة المساعدة الرقمية للجميع" })
	void acceptsUpToSixtyFourCharactersOfAnyScript(String password) {
		assertThat(password.codePointCount(0, password.length())).isLessThanOrEqualTo(PasswordPolicy.MAX_LENGTH);
		assertThatNoException().isThrownBy(() -> PasswordPolicy.check(password, "a@b.fr", "password"));
		assertRejected(password + "+",
				password.codePointCount(0, password.length()) == 64 ? "account.password.too-long" : null);
	}

	@Test
	void refusesSixtyFiveCharacters() {
		assertRejected("une phrase de passe ".repeat(4).substring(0, 65), "account.password.too-long");
	}

	@ParameterizedTest
	@ValueSource(strings = { "motdepasse123", "Soleil2024!!", "2024 marseille 13", "mot de passe 2025",
			"MotDePasse!!!!", "123456789012", "azertyuiopqs", "AZERTYUIOP123", "qwertyuiop!!", "0987654321098",
			"aaaaaaaaaaaa", "abcabcabcabc", "Passerelle2026!", "jetaime.jetaime", "iloveyou1234" })
	void refusesWhatAttackersTryFirst(String password) {
		assertRejected(password, "account.password.common");
	}

	@Test
	void refusesTheSignInAddressItsNameAndBlanks() {
		assertRejected("Claire.Martin@passerelle.demo", "account.password.guessable", "claire.martin@passerelle.demo");
		assertRejected("claire.martin2024", "account.password.common", "claire.martin@passerelle.demo");
		assertRejected(" ".repeat(14), "account.password.guessable");
		assertRejected(null, "account.password.too-short");
	}

	@Test
	void hashesAnyLengthAndTheSamePasswordTypedOnTwoKeyboardsAlike() {
		PreHashedBCrypt encoder = new PreHashedBCrypt();
		String long64 = "é".repeat(40) + "un long mot de passe";
		String hash = encoder.encode(long64);
		assertThat(encoder.matches(long64, hash)).isTrue();
		assertThat(encoder.matches("é".repeat(40) + "un long mot de passX", hash))
			.as("beyond BCrypt's 72 bytes, every character counts")
			.isFalse();
		String composed = Normalizer.normalize("café crème brûlée", Normalizer.Form.NFC);
		String decomposed = Normalizer.normalize("café crème brûlée", Normalizer.Form.NFD);
		assertThat(encoder.matches(decomposed, encoder.encode(composed))).isTrue();
		assertThat(new PreHashedBCrypt.Legacy().matches("x".repeat(100), hash)).isFalse();
	}

	private static void assertRejected(String password, String code) {
		assertRejected(password, code, "someone@passerelle.test");
	}

	private static void assertRejected(String password, String code, String email) {
		if (code == null) {
			assertThatNoException().isThrownBy(() -> PasswordPolicy.check(password, email, "password"));
			return;
		}
		assertThatExceptionOfType(RejectedRequest.class)
			.isThrownBy(() -> PasswordPolicy.check(password, email, "password"))
			.satisfies((ex) -> assertThat(ex.messageCode()).isEqualTo(code))
			.satisfies((ex) -> assertThat(ex.field()).as("shown beside the password field").isEqualTo("password"));
	}

}
