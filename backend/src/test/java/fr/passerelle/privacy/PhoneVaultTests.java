package fr.passerelle.privacy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PhoneVaultTests {

	private static final String KEY_A = Base64.getEncoder().encodeToString(new byte[32]);

	private static final String KEY_B = Base64.getEncoder().encodeToString("b".repeat(32).getBytes());

	@TempDir
	Path keys;

	private final PhoneNumber phone = PhoneNumber.parse("06 12 34 56 78");

	@Test
	void encryptsWithAFreshIvAndDecrypts() {
		PhoneVault vault = vault(KEY_A, KEY_B);

		SealedPhone first = vault.seal(this.phone);
		SealedPhone second = vault.seal(this.phone);

		assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
		assertThat(new String(first.ciphertext(), java.nio.charset.StandardCharsets.ISO_8859_1))
			.doesNotContain("612345678");
		assertThat(vault.open(first.ciphertext())).isEqualTo(this.phone);
		assertThat(vault.open(second.ciphertext())).isEqualTo(this.phone);
	}

	@Test
	void findsTheSameNumberUnderTheSameKeyedHash() {
		PhoneVault vault = vault(KEY_A, KEY_B);

		assertThat(vault.seal(this.phone).lookupHash()).isEqualTo(vault.lookupHash(PhoneNumber.parse("+33612345678")))
			.hasSize(64)
			.isNotEqualTo(vault.lookupHash(PhoneNumber.parse("06 12 34 56 79")));
		assertThat(vault(KEY_A, KEY_A).lookupHash(this.phone)).isNotEqualTo(vault.lookupHash(this.phone));
	}

	@Test
	void refusesATamperedOrForeignCiphertext() {
		byte[] sealed = vault(KEY_A, KEY_B).seal(this.phone).ciphertext();
		sealed[sealed.length - 1] ^= 1;

		assertThatIllegalStateException().isThrownBy(() -> vault(KEY_A, KEY_B).open(sealed));
		assertThatIllegalStateException()
			.isThrownBy(() -> vault(KEY_B, KEY_B).open(vault(KEY_A, KEY_B).seal(this.phone).ciphertext()));
		assertThatIllegalArgumentException().isThrownBy(() -> vault(KEY_A, KEY_B).open(new byte[] { 9, 9 }));
	}

	@Test
	void generatesKeysOnceAndReadsThemBackAfterARestart() throws Exception {
		PrivacyProperties generating = new PrivacyProperties(null, null, this.keys, true);
		byte[] sealed = new PhoneVault(generating).seal(this.phone).ciphertext();

		assertThat(Files.list(this.keys)).hasSize(2);
		assertThat(new PhoneVault(generating).open(sealed)).isEqualTo(this.phone);
	}

	@Test
	void refusesToStartWithoutKeysWhereTheyMustBeConfigured() {
		PrivacyProperties production = new PrivacyProperties(null, null, this.keys, false);

		assertThatIllegalStateException().isThrownBy(() -> new PhoneVault(production))
			.withMessageContaining("passerelle.privacy.encryption-key");
	}

	@Test
	void refusesAKeyOfTheWrongSize() {
		PrivacyProperties shortKey = new PrivacyProperties(Base64.getEncoder().encodeToString(new byte[16]), KEY_B,
				this.keys, false);

		assertThatIllegalStateException().isThrownBy(() -> new PhoneVault(shortKey)).withMessageContaining("32");
	}

	private PhoneVault vault(String encryption, String hashing) {
		return new PhoneVault(new PrivacyProperties(encryption, hashing, this.keys, false));
	}

}
