package fr.passerelle.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import fr.passerelle.platform.SubjectHashes;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Encrypts citizens' phone numbers for storage (AES-256-GCM, a fresh IV each time) and
 * derives the keyed hash (HMAC-SHA256) under which a number can be found again, e.g. to
 * recognise a repeat caller.
 */
@Service
public class PhoneVault implements SubjectHashes {

	private static final byte KEY_VERSION = 1;

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKeySpec encryptionKey;

	private final SecretKeySpec hashKey;

	private final SecureRandom random = new SecureRandom();

	@Autowired
	PhoneVault(PrivacyProperties properties) {
		this(PrivacyKeys.load(properties));
	}

	PhoneVault(PrivacyKeys keys) {
		this.encryptionKey = new SecretKeySpec(keys.encryption(), "AES");
		this.hashKey = new SecretKeySpec(keys.hashing(), "HmacSHA256");
	}

	public SealedPhone seal(PhoneNumber phone) {
		byte[] iv = new byte[IV_BYTES];
		this.random.nextBytes(iv);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.encryptionKey, new GCMParameterSpec(TAG_BITS, iv));
			cipher.updateAAD(new byte[] { KEY_VERSION });
			byte[] encrypted = cipher.doFinal(phone.e164().getBytes(StandardCharsets.US_ASCII));
			byte[] sealed = ByteBuffer.allocate(1 + IV_BYTES + encrypted.length)
				.put(KEY_VERSION)
				.put(iv)
				.put(encrypted)
				.array();
			return new SealedPhone(sealed, lookupHash(phone));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot encrypt a phone number", ex);
		}
	}

	public PhoneNumber open(byte[] sealed) {
		if (sealed.length <= 1 + IV_BYTES || sealed[0] != KEY_VERSION) {
			throw new IllegalArgumentException("Not a sealed phone number of key version " + KEY_VERSION);
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.encryptionKey, new GCMParameterSpec(TAG_BITS, sealed, 1, IV_BYTES));
			cipher.updateAAD(new byte[] { KEY_VERSION });
			byte[] plain = cipher.doFinal(sealed, 1 + IV_BYTES, sealed.length - 1 - IV_BYTES);
			return PhoneNumber.ofE164(new String(plain, StandardCharsets.US_ASCII));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot decrypt a phone number (wrong key?)", ex);
		}
	}

	public String lookupHash(PhoneNumber phone) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.hashKey);
			return HexFormat.of().formatHex(mac.doFinal(phone.e164().getBytes(StandardCharsets.US_ASCII)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot hash a phone number", ex);
		}
	}

	@Override
	public String hash(String purpose, String value) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.hashKey);
			mac.update(purpose.getBytes(StandardCharsets.UTF_8));
			mac.update((byte) 0);
			return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot hash a subject", ex);
		}
	}

}
