package fr.passerelle.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import fr.passerelle.platform.SubjectHashes;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Encrypts phone numbers for storage (AES-256-GCM, a fresh IV each time, bound by its
 * additional data to the row that holds it, so that a ciphertext copied to another row
 * does not open) and derives the keyed hash (HMAC-SHA256) under which a number can be
 * found again, e.g. to recognise a repeat caller. Keys have versions: numbers are sealed
 * and hashed under the current one, and opened under the version they were sealed with
 * ({@link KeyRotation} seals everything again under the current one).
 */
@Service
public class PhoneVault implements SubjectHashes {

	/** Sealed before rows were bound: the version byte only, key version 1. */
	private static final byte UNBOUND = 1;

	/** Format, key version, IV, ciphertext; bound to its row. */
	private static final byte BOUND = 2;

	private static final int IV_BYTES = 12;

	private static final String PHONE = "phone";

	private static final String SECRET = "secret";

	private static final int TAG_BITS = 128;

	private final int version;

	private final Map<Integer, SecretKeySpec> encryptionKeys = new HashMap<>();

	private final Map<Integer, SecretKeySpec> hashKeys = new TreeMap<>(Comparator.reverseOrder());

	private final SecureRandom random = new SecureRandom();

	@Autowired
	PhoneVault(PrivacyProperties properties) {
		this(PrivacyKeys.load(properties));
	}

	PhoneVault(PrivacyKeys keys) {
		this.version = keys.version();
		keys.encryption().forEach((v, key) -> this.encryptionKeys.put(v, new SecretKeySpec(key, "AES")));
		keys.hashing().forEach((v, key) -> this.hashKeys.put(v, new SecretKeySpec(key, "HmacSHA256")));
	}

	/**
	 * Seals a number for the row that will hold it.
	 * @param row names the row, such as {@code ticket/42}: the same name opens it
	 */
	public SealedPhone seal(PhoneNumber phone, String row) {
		return new SealedPhone(sealBytes(phone.e164().getBytes(StandardCharsets.US_ASCII), PHONE, row),
				lookupHash(phone));
	}

	/**
	 * Seals another secret (a staff member's two-factor key, say) for the row that will
	 * hold it, as numbers are sealed; {@link #isCurrent} and a key rotation treat both
	 * alike.
	 */
	public byte[] sealSecret(byte[] secret, String row) {
		return sealBytes(secret, SECRET, row);
	}

	/**
	 * Opens a secret sealed by {@link #sealSecret} for this row.
	 * @throws IllegalStateException as {@link #open}
	 */
	public byte[] openSecret(byte[] sealed, String row) {
		if (sealed.length <= 2 + IV_BYTES || sealed[0] != BOUND) {
			throw new IllegalArgumentException("Not a sealed secret");
		}
		int keyVersion = Byte.toUnsignedInt(sealed[1]);
		return openBytes(sealed, 2, keyVersion, boundData(SECRET, keyVersion, row));
	}

	private byte[] sealBytes(byte[] plain, String kind, String row) {
		byte[] iv = new byte[IV_BYTES];
		this.random.nextBytes(iv);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.encryptionKeys.get(this.version), new GCMParameterSpec(TAG_BITS, iv));
			cipher.updateAAD(boundData(kind, this.version, row));
			byte[] encrypted = cipher.doFinal(plain);
			return ByteBuffer.allocate(2 + IV_BYTES + encrypted.length)
				.put(BOUND)
				.put((byte) this.version)
				.put(iv)
				.put(encrypted)
				.array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot encrypt a " + kind, ex);
		}
	}

	/**
	 * Opens a number sealed for this row (or before rows were bound).
	 * @throws IllegalStateException when it was sealed for another row, under a key this
	 * instance does not have, or was tampered with
	 */
	public PhoneNumber open(byte[] sealed, String row) {
		int keyVersion;
		int offset;
		byte[] additionalData;
		if (sealed.length > 1 + IV_BYTES && sealed[0] == UNBOUND) {
			keyVersion = 1;
			offset = 1;
			additionalData = new byte[] { UNBOUND };
		}
		else if (sealed.length > 2 + IV_BYTES && sealed[0] == BOUND) {
			keyVersion = Byte.toUnsignedInt(sealed[1]);
			offset = 2;
			additionalData = boundData(PHONE, keyVersion, row);
		}
		else {
			throw new IllegalArgumentException("Not a sealed phone number");
		}
		byte[] plain = openBytes(sealed, offset, keyVersion, additionalData);
		return PhoneNumber.ofE164(new String(plain, StandardCharsets.US_ASCII));
	}

	private byte[] openBytes(byte[] sealed, int offset, int keyVersion, byte[] additionalData) {
		SecretKeySpec key = this.encryptionKeys.get(keyVersion);
		if (key == null) {
			throw new IllegalStateException("A value sealed under key version " + keyVersion
					+ ", which is not configured (passerelle.privacy.retired-keys." + keyVersion + ")");
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, offset, IV_BYTES));
			cipher.updateAAD(additionalData);
			return cipher.doFinal(sealed, offset + IV_BYTES, sealed.length - offset - IV_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot decrypt a sealed value (wrong key or row?)", ex);
		}
	}

	/** Whether a sealed number is bound to its row under the current key. */
	public boolean isCurrent(byte[] sealed) {
		return sealed.length > 2 && sealed[0] == BOUND && Byte.toUnsignedInt(sealed[1]) == this.version;
	}

	/** The version numbers are sealed and hashed under now. */
	public int keyVersion() {
		return this.version;
	}

	/**
	 * The number's keyed hash under every key version, the current one first: what finds
	 * a row whose hash a rotation has not renewed yet.
	 */
	public List<String> lookupHashes(PhoneNumber phone) {
		List<String> hashes = new ArrayList<>();
		this.hashKeys.keySet().forEach((v) -> hashes.add(hmac(this.hashKeys.get(v), null, phone.e164())));
		hashes.remove(lookupHash(phone));
		hashes.add(0, lookupHash(phone));
		return List.copyOf(hashes);
	}

	private static byte[] boundData(String kind, int keyVersion, String row) {
		if (row == null || row.isBlank()) {
			throw new IllegalArgumentException("A sealed value is bound to a row");
		}
		return ("passerelle/" + kind + "/" + keyVersion + "/" + row).getBytes(StandardCharsets.UTF_8);
	}

	public String lookupHash(PhoneNumber phone) {
		return hmac(this.hashKeys.get(this.version), null, phone.e164());
	}

	@Override
	public String hash(String purpose, String value) {
		return hmac(this.hashKeys.get(this.version), purpose, value);
	}

	private static String hmac(SecretKeySpec key, String purpose, String value) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			if (purpose != null) {
				mac.update(purpose.getBytes(StandardCharsets.UTF_8));
				mac.update((byte) 0);
			}
			return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot hash", ex);
		}
	}

}
