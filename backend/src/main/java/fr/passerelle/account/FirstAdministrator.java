package fr.passerelle.account;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

import fr.passerelle.platform.RejectedRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Creates an administrator when there is none, so that a new installation can be signed
 * into. A generated password is written to a file only this system user can read, never
 * to the log (which others read and keep), and has to be replaced at the first sign-in.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class FirstAdministrator implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

	private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private final AccountManagement accounts;

	private final AdministratorProperties properties;

	FirstAdministrator(AccountManagement accounts, AdministratorProperties properties) {
		this.accounts = accounts;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.accounts.hasAdministrator()) {
			return;
		}
		boolean generated = !StringUtils.hasText(this.properties.password());
		String password = generated ? generatePassword() : this.properties.password();
		try {
			this.accounts
				.open(new NewAccount(this.properties.email(), "Administration", Role.ADMIN, null, password, generated));
		}
		catch (RejectedRequest ex) {
			if (this.accounts.hasAdministrator()) {
				return; // another instance, starting at the same time, created it
			}
			throw new IllegalStateException(
					"Cannot create the first administrator (passerelle.admin.*): " + ex.messageCode(), ex);
		}
		if (generated) {
			Path file = writeOwnerOnly(this.properties.passwordFile(), password);
			log.warn(
					"First start: administrator account {} created. Its password is in {}, readable by this system "
							+ "user only; it must be changed at the first sign-in. Delete the file then.",
					this.properties.email(), file.toAbsolutePath());
		}
		else {
			log.info("First start: administrator account {} created with the configured password",
					this.properties.email());
		}
	}

	private static Path writeOwnerOnly(Path file, String password) {
		try {
			Path parent = file.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			Files.deleteIfExists(file);
			if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
				Files.createFile(file,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			else {
				Files.createFile(file);
			}
			Files.writeString(file, password + System.lineSeparator());
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the first administrator's password to " + file
					+ " (passerelle.admin.password-file); set passerelle.admin.password instead", ex);
		}
	}

	private static String generatePassword() {
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

}
