package fr.passerelle.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.StringUtils;

/**
 * The two keys of each version: the current ones from configuration or, where allowed,
 * from files generated once and kept so that a restart can still read what was written;
 * retired ones from configuration, until everything is sealed again under the current
 * ones.
 *
 * @param version the current version
 * @param encryption AES keys by version
 * @param hashing HMAC keys by version
 */
record PrivacyKeys(int version, Map<Integer, byte[]> encryption, Map<Integer, byte[]> hashing) {

	private static final Logger log = LoggerFactory.getLogger(PrivacyKeys.class);

	static PrivacyKeys load(PrivacyProperties properties) {
		if (properties.keyVersion() < 1 || properties.keyVersion() > 255) {
			throw new IllegalStateException("passerelle.privacy.key-version must be 1 to 255");
		}
		Map<Integer, byte[]> encryption = new TreeMap<>();
		Map<Integer, byte[]> hashing = new TreeMap<>();
		encryption.put(properties.keyVersion(), key(properties.encryptionKey(), "passerelle.privacy.encryption-key",
				"encryption.key", properties, 32, 32));
		hashing.put(properties.keyVersion(),
				key(properties.hashKey(), "passerelle.privacy.hash-key", "hash.key", properties, 32, 64));
		properties.retiredKeys().forEach((version, keys) -> {
			String name = "passerelle.privacy.retired-keys." + version;
			if (version >= properties.keyVersion() || version < 1) {
				throw new IllegalStateException(
						name + ": a retired version comes before the current one (" + properties.keyVersion() + ")");
			}
			encryption.put(version,
					decode(required(keys.encryptionKey(), name + ".encryption-key"), name + ".encryption-key", 32, 32));
			hashing.put(version, decode(required(keys.hashKey(), name + ".hash-key"), name + ".hash-key", 32, 64));
		});
		return new PrivacyKeys(properties.keyVersion(), Map.copyOf(encryption), Map.copyOf(hashing));
	}

	private static String required(String value, String name) {
		if (!StringUtils.hasText(value)) {
			throw new IllegalStateException(name + " is missing");
		}
		return value;
	}

	private static byte[] key(String configured, String name, String file, PrivacyProperties properties, int minBytes,
			int maxBytes) {
		if (StringUtils.hasText(configured)) {
			return decode(configured, name, minBytes, maxBytes);
		}
		Path path = properties.keyDirectory().resolve(file);
		if (Files.exists(path)) {
			return decode(read(path), path.toString(), minBytes, maxBytes);
		}
		if (!properties.generateMissingKeys()) {
			throw new IllegalStateException(name + " is not configured: set it (" + minBytes
					+ " random bytes, Base64) in production; citizens' phone numbers cannot be protected without it.");
		}
		byte[] key = new byte[minBytes];
		new SecureRandom().nextBytes(key);
		write(path, Base64.getEncoder().encodeToString(key));
		log.warn("Generated {} in {}: keep this file (or set {}) or the phone numbers stored so far become unreadable",
				file, path.toAbsolutePath(), name);
		return key;
	}

	private static byte[] decode(String base64, String name, int minBytes, int maxBytes) {
		byte[] key;
		try {
			key = Base64.getDecoder().decode(base64.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(name + " is not valid Base64", ex);
		}
		if (key.length < minBytes || key.length > maxBytes) {
			throw new IllegalStateException(
					name + " must be " + minBytes + " to " + maxBytes + " bytes, got " + key.length);
		}
		return key;
	}

	private static String read(Path path) {
		try {
			return Files.readString(path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(Path path, String content) {
		try {
			Files.createDirectories(path.getParent());
			Files.writeString(path, content);
			try {
				Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system: the directory's own permissions protect it
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
