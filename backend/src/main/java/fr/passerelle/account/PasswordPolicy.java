package fr.passerelle.account;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import fr.passerelle.platform.RejectedRequest;

import org.springframework.http.HttpStatus;

/**
 * A password long enough to resist guessing (length beats composition rules, of which
 * there are none), of any script, up to {@value #MAX_LENGTH} characters; not one that
 * attackers try first (the list shipped with the application, {@code
 * account/common-passwords.txt}, whole or as the root of the password, a keyboard row, a
 * run of digits, a character or two repeated), and not the sign-in address.
 * <p>
 * Passwords are compared in Unicode NFKC form, so that the same password typed on two
 * keyboards (an "é" composed or not) is the same.
 */
final class PasswordPolicy {

	static final int MIN_LENGTH = 12;

	static final int MAX_LENGTH = 64;

	private static final Set<String> COMMON = load();

	/** A word said again and again: "jetaime.jetaime", "soleilsoleil". */
	private static final Pattern REPEATED = Pattern.compile("(.+?)\\1+");

	/** Rows and runs that keyboard walks follow, both ways. */
	private static final List<String> SEQUENCES = List.of("01234567890123456789", "azertyuiopqsdfghjklmwxcvbn",
			"qwertyuiopasdfghjklzxcvbnm", "qwertzuiopasdfghjklyxcvbnm", "abcdefghijklmnopqrstuvwxyz",
			"azqswxedcrfvtgbyhnujikolpm", "aqwzsxedcrfvtgbyhnujikolpm", "1q2w3e4r5t6y7u8i9o0p", "1a2z3e4r5t6y7u8i9o0p");

	private PasswordPolicy() {
	}

	/**
	 * The form in which a password is checked and hashed.
	 */
	static String normalized(String password) {
		return Normalizer.normalize(password, Normalizer.Form.NFKC);
	}

	/**
	 * @param field the form's field the password was typed in, where a refusal is shown
	 * @throws RejectedRequest (400) when the password is too short, too long or easy to
	 * guess
	 */
	static void check(String password, String email, String field) {
		if (password == null) {
			throw RejectedRequest.field(field, "account.password.too-short", MIN_LENGTH);
		}
		String typed = normalized(password);
		int length = typed.codePointCount(0, typed.length());
		if (length < MIN_LENGTH) {
			throw RejectedRequest.field(field, "account.password.too-short", MIN_LENGTH);
		}
		if (length > MAX_LENGTH) {
			throw RejectedRequest.field(field, "account.password.too-long", MAX_LENGTH);
		}
		if (typed.isBlank() || typed.strip().equalsIgnoreCase(email)) {
			throw RejectedRequest.field(field, "account.password.guessable");
		}
		if (isCommon(typed, email)) {
			throw RejectedRequest.field(field, "account.password.common");
		}
	}

	private static boolean isCommon(String typed, String email) {
		String lower = typed.toLowerCase(Locale.ROOT);
		if (lower.codePoints().distinct().count() < 4) {
			return true;
		}
		String localPart = (email != null && email.contains("@"))
				? email.substring(0, email.indexOf('@')).toLowerCase(Locale.ROOT) : null;
		List<String> candidates = new ArrayList<>();
		for (String form : List.of(lower, lower.replaceAll("\\s+", ""), lower.replaceAll("[\\s._-]+", ""))) {
			candidates.add(form);
			candidates.add(root(form));
			Matcher repeated = REPEATED.matcher(form);
			if (repeated.matches()) {
				String unit = repeated.group(1);
				if (unit.codePointCount(0, unit.length()) < 5) {
					return true;
				}
				candidates.add(unit);
				candidates.add(root(unit));
			}
		}
		for (String candidate : candidates) {
			// a password of signs or pictures alone has no word to look up
			if (!candidate.isEmpty()
					&& (COMMON.contains(candidate) || candidate.equals(localPart) || isSequence(candidate))) {
				return true;
			}
		}
		return false;
	}

	/** What is left once the digits, years and signs around the word are taken off. */
	private static String root(String form) {
		return form.replaceAll("^[^\\p{L}]+", "").replaceAll("[^\\p{L}]+$", "");
	}

	private static boolean isSequence(String candidate) {
		if (candidate.length() < 6) {
			return false;
		}
		String reversed = new StringBuilder(candidate).reverse().toString();
		// a walk may go round a row more than once
		return SEQUENCES.stream()
			.map((sequence) -> sequence.repeat(4))
			.anyMatch((walks) -> walks.contains(candidate) || walks.contains(reversed));
	}

	private static Set<String> load() {
		try (InputStream list = PasswordPolicy.class.getResourceAsStream("/account/common-passwords.txt")) {
			if (list == null) {
				throw new IllegalStateException("account/common-passwords.txt is missing from the application");
			}
			return new String(list.readAllBytes(), StandardCharsets.UTF_8).lines()
				.map(String::strip)
				.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
				.map((line) -> normalized(line).toLowerCase(Locale.ROOT))
				.collect(Collectors.toUnmodifiableSet());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
