package fr.passerelle.privacy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PhoneVaultTests {

	private static final String KEY_A = Base64.getEncoder().encodeToString(new byte[32]);

	private static final String KEY_B = Base64.getEncoder().encodeToString("b".repeat(32).getBytes());

	@TempDir
	Path keys;

	private static final String KEY_C = Base64.getEncoder().encodeToString("c".repeat(32).getBytes());

	private static final String KEY_D = Base64.getEncoder().encodeToString("d".repeat(40).getBytes());

	private static final String ROW = "ticket/42";

	private final PhoneNumber phone = PhoneNumber.parse("06 12 34 56 78");

	@Test
	void encryptsWithAFreshIvAndDecrypts() {
		PhoneVault vault = vault(KEY_A, KEY_B);

		SealedPhone first = vault.seal(this.phone, ROW);
		SealedPhone second = vault.seal(this.phone, ROW);

		assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
		assertThat(new String(first.ciphertext(), java.nio.charset.StandardCharsets.ISO_8859_1))
			.doesNotContain("612345678");
		assertThat(vault.open(first.ciphertext(), ROW)).isEqualTo(this.phone);
		assertThat(vault.open(second.ciphertext(), ROW)).isEqualTo(this.phone);
	}

	@Test
	void findsTheSameNumberUnderTheSameKeyedHash() {
		PhoneVault vault = vault(KEY_A, KEY_B);

		assertThat(vault.seal(this.phone, ROW).lookupHash())
			.isEqualTo(vault.lookupHash(PhoneNumber.parse("+33612345678")))
			.hasSize(64)
			.isNotEqualTo(vault.lookupHash(PhoneNumber.parse("06 12 34 56 79")));
		assertThat(vault(KEY_A, KEY_A).lookupHash(this.phone)).isNotEqualTo(vault.lookupHash(this.phone));
	}

	@Test
	void refusesATamperedOrForeignCiphertext() {
		byte[] sealed = vault(KEY_A, KEY_B).seal(this.phone, ROW).ciphertext();
		sealed[sealed.length - 1] ^= 1;

		assertThatIllegalStateException().isThrownBy(() -> vault(KEY_A, KEY_B).open(sealed, ROW));
		assertThatIllegalStateException()
			.isThrownBy(() -> vault(KEY_B, KEY_B).open(vault(KEY_A, KEY_B).seal(this.phone, ROW).ciphertext(), ROW));
		assertThatIllegalArgumentException().isThrownBy(() -> vault(KEY_A, KEY_B).open(new byte[] { 9, 9 }, ROW));
	}

	@Test
	void generatesKeysOnceAndReadsThemBackAfterARestart() throws Exception {
		PrivacyProperties generating = new PrivacyProperties(null, null, this.keys, true);
		byte[] sealed = new PhoneVault(generating).seal(this.phone, ROW).ciphertext();

		assertThat(Files.list(this.keys)).hasSize(2);
		assertThat(new PhoneVault(generating).open(sealed, ROW)).isEqualTo(this.phone);
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

	@Test
	void aNumberCopiedToAnotherRowDoesNotOpen() {
		PhoneVault vault = vault(KEY_A, KEY_B);
		byte[] sealed = vault.seal(this.phone, "ticket/42").ciphertext();

		assertThatIllegalStateException().isThrownBy(() -> vault.open(sealed, "ticket/43"));
		assertThatIllegalStateException().isThrownBy(() -> vault.open(sealed, "volunteer/42"));
		assertThatIllegalArgumentException().isThrownBy(() -> vault.seal(this.phone, " "));
	}

	@Test
	void opensNumbersSealedBeforeRowsWereBound() throws Exception {
		// as version 1 sealed them: the version byte, the IV, AES-GCM with the version as
		// its only additional data
		byte[] iv = new byte[12];
		javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(javax.crypto.Cipher.ENCRYPT_MODE,
				new javax.crypto.spec.SecretKeySpec(Base64.getDecoder().decode(KEY_A), "AES"),
				new javax.crypto.spec.GCMParameterSpec(128, iv));
		cipher.updateAAD(new byte[] { 1 });
		byte[] encrypted = cipher.doFinal(this.phone.e164().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		byte[] legacy = java.nio.ByteBuffer.allocate(13 + encrypted.length)
			.put((byte) 1)
			.put(iv)
			.put(encrypted)
			.array();

		PhoneVault vault = vault(KEY_A, KEY_B);
		assertThat(vault.open(legacy, "ticket/1")).isEqualTo(this.phone);
		assertThat(vault.isCurrent(legacy)).isFalse();
		assertThat(vault.isCurrent(vault.seal(this.phone, ROW).ciphertext())).isTrue();
	}

	@Test
	void aNewKeyVersionSealsAndHashesUnderItsKeysAndOpensWhatTheRetiredOnesSealed() {
		PhoneVault before = vault(KEY_A, KEY_B);
		byte[] old = before.seal(this.phone, ROW).ciphertext();
		PhoneVault after = new PhoneVault(new PrivacyProperties(KEY_C, KEY_D, 2,
				Map.of(1, new PrivacyProperties.RetiredKeys(KEY_A, KEY_B)), this.keys, false));

		assertThat(after.keyVersion()).isEqualTo(2);
		assertThat(after.open(old, ROW)).isEqualTo(this.phone);
		assertThat(after.isCurrent(old)).isFalse();
		byte[] renewed = after.seal(this.phone, ROW).ciphertext();
		assertThat(after.isCurrent(renewed)).isTrue();
		assertThatIllegalStateException().as("the retired key alone cannot open it")
			.isThrownBy(() -> before.open(renewed, ROW))
			.withMessageContaining("retired-keys.2");
		assertThat(after.lookupHash(this.phone)).isNotEqualTo(before.lookupHash(this.phone));
		assertThat(after.lookupHashes(this.phone)).containsExactly(after.lookupHash(this.phone),
				before.lookupHash(this.phone));
		assertThat(after.hash("login", "x")).isNotEqualTo(before.hash("login", "x"));
	}

	@Test
	void refusesARetiredVersionThatIsNotEarlierOrIsIncomplete() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new PhoneVault(new PrivacyProperties(KEY_C, KEY_D, 2,
					Map.of(2, new PrivacyProperties.RetiredKeys(KEY_A, KEY_B)), this.keys, false)))
			.withMessageContaining("retired-keys.2");
		assertThatIllegalStateException()
			.isThrownBy(() -> new PhoneVault(new PrivacyProperties(KEY_C, KEY_D, 2,
					Map.of(1, new PrivacyProperties.RetiredKeys(KEY_A, null)), this.keys, false)))
			.withMessageContaining("retired-keys.1.hash-key");
	}

	@Test
	void theRunbooksEnvironmentVariablesBindTheRetiredKeys() {
		Map<String, Object> environment = Map.of("PASSERELLE_PRIVACY_ENCRYPTION_KEY", KEY_C,
				"PASSERELLE_PRIVACY_HASH_KEY", KEY_D, "PASSERELLE_PRIVACY_KEY_VERSION", "2",
				"PASSERELLE_PRIVACY_RETIREDKEYS_1_ENCRYPTIONKEY", KEY_A, "PASSERELLE_PRIVACY_RETIREDKEYS_1_HASHKEY",
				KEY_B, "PASSERELLE_PRIVACY_GENERATEMISSINGKEYS", "false");
		Binder binder = new Binder(ConfigurationPropertySources.from(new SystemEnvironmentPropertySource(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment)));

		PrivacyProperties bound = binder.bind("passerelle.privacy", PrivacyProperties.class).get();

		assertThat(bound.keyVersion()).isEqualTo(2);
		assertThat(bound.retiredKeys()).containsOnlyKeys(1);
		PhoneVault before = vault(KEY_A, KEY_B);
		assertThat(new PhoneVault(bound).open(before.seal(this.phone, ROW).ciphertext(), ROW)).isEqualTo(this.phone);
	}

	private PhoneVault vault(String encryption, String hashing) {
		return new PhoneVault(new PrivacyProperties(encryption, hashing, this.keys, false));
	}

}
