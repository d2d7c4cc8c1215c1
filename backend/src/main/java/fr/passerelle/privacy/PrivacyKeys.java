package fr.passerelle.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.StringUtils;

/**
 * The two keys, from configuration or, where allowed, from files generated once and kept
 * so that a restart can still read what was written.
 */
record PrivacyKeys(byte[] encryption, byte[] hashing) {

	private static final Logger log = LoggerFactory.getLogger(PrivacyKeys.class);

	static PrivacyKeys load(PrivacyProperties properties) {
		return new PrivacyKeys(key(properties.encryptionKey(), "passerelle.privacy.encryption-key", "encryption.key",
				properties, 32, 32),
				key(properties.hashKey(), "passerelle.privacy.hash-key", "hash.key", properties, 32, 64));
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
