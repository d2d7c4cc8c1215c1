package fr.passerelle.privacy;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Keys protecting citizens' phone numbers.
 *
 * @param encryptionKey AES-256 key, Base64 (32 bytes), encrypting numbers at rest
 * @param hashKey HMAC-SHA256 key, Base64 (at least 32 bytes), for looking numbers up
 * without decrypting them
 * @param keyDirectory where keys are generated and kept when not configured (embedded
 * default run)
 * @param generateMissingKeys whether a missing key may be generated (never in production:
 * a startup error instead)
 */
@ConfigurationProperties("passerelle.privacy")
record PrivacyProperties(String encryptionKey, String hashKey, @DefaultValue("data/keys") Path keyDirectory,
		@DefaultValue("true") boolean generateMissingKeys) {
}
