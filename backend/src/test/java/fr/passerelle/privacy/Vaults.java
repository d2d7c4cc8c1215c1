package fr.passerelle.privacy;

import java.nio.file.Path;

/**
 * A phone vault with given keys, outside the application: what a test of a running
 * instance (a fault run, a restored backup) needs to find and open its numbers.
 */
public final class Vaults {

	private Vaults() {
	}

	/**
	 * @param encryptionKey the AES-256 key, Base64
	 * @param hashKey the HMAC key, Base64
	 */
	public static PhoneVault withKeys(String encryptionKey, String hashKey) {
		return new PhoneVault(new PrivacyProperties(encryptionKey, hashKey, Path.of("unused"), false));
	}

}
