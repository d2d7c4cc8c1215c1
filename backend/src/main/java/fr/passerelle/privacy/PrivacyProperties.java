package fr.passerelle.privacy;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Keys protecting citizens' phone numbers.
 *
 * @param encryptionKey AES-256 key, Base64 (32 bytes), encrypting numbers at rest
 * @param hashKey HMAC-SHA256 key, Base64 (at least 32 bytes), for looking numbers up
 * without decrypting them
 * @param keyVersion the version of these two keys, written with each number sealed; a
 * rotation gives the new keys the next version
 * @param retiredKeys earlier versions' keys, kept until {@code rotate-keys} has sealed
 * everything again under the current ones
 * @param keyDirectory where keys are generated and kept when not configured (embedded
 * default run)
 * @param generateMissingKeys whether a missing key may be generated (never in production:
 * a startup error instead)
 */
@ConfigurationProperties("passerelle.privacy")
record PrivacyProperties(String encryptionKey, String hashKey, @DefaultValue("1") int keyVersion,
		Map<Integer, RetiredKeys> retiredKeys, @DefaultValue("data/keys") Path keyDirectory,
		@DefaultValue("true") boolean generateMissingKeys) {

	PrivacyProperties(String encryptionKey, String hashKey, Path keyDirectory, boolean generateMissingKeys) {
		this(encryptionKey, hashKey, 1, Map.of(), keyDirectory, generateMissingKeys);
	}

	@ConstructorBinding
	PrivacyProperties {
		retiredKeys = (retiredKeys != null) ? Map.copyOf(retiredKeys) : Map.of();
	}

	/**
	 * @param encryptionKey that version's AES-256 key, Base64
	 * @param hashKey that version's HMAC key, Base64
	 */
	record RetiredKeys(String encryptionKey, String hashKey) {
	}

}
