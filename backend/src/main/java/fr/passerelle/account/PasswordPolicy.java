package fr.passerelle.account;

import java.nio.charset.StandardCharsets;

import fr.passerelle.platform.RejectedRequest;

import org.springframework.http.HttpStatus;

/**
 * A password long enough to resist guessing (length beats complexity rules), short enough
 * for BCrypt (72 bytes), and not the sign-in address.
 */
final class PasswordPolicy {

	static final int MIN_LENGTH = 12;

	static final int MAX_BYTES = 72;

	private PasswordPolicy() {
	}

	static void check(String password, String email) {
		if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
			throw new RejectedRequest(HttpStatus.BAD_REQUEST, "account.password.too-short", MIN_LENGTH);
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			throw new RejectedRequest(HttpStatus.BAD_REQUEST, "account.password.too-long", MAX_BYTES);
		}
		if (password.isBlank() || password.strip().equalsIgnoreCase(email)) {
			throw new RejectedRequest(HttpStatus.BAD_REQUEST, "account.password.guessable");
		}
	}

}
