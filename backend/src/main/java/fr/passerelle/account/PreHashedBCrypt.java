package fr.passerelle.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * BCrypt of the password's SHA-256 (Base64, 44 bytes): BCrypt reads at most 72 bytes,
 * which 64 characters of many scripts exceed (up to four bytes each), and the digest
 * gives every password its full length. The password is taken in its NFKC form, as the
 * policy checks it. BCrypt's salt and cost are unchanged.
 */
final class PreHashedBCrypt implements PasswordEncoder {

	static final String ID = "bcrypt-sha256";

	private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();

	@Override
	public String encode(CharSequence rawPassword) {
		return this.bcrypt.encode(digest(rawPassword));
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		return rawPassword != null && this.bcrypt.matches(digest(rawPassword), encodedPassword);
	}

	private static String digest(CharSequence rawPassword) {
		try {
			byte[] sha256 = MessageDigest.getInstance("SHA-256")
				.digest(PasswordPolicy.normalized(rawPassword.toString()).getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(sha256);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The hashes stored before this one ({@code {bcrypt}}): a password BCrypt would
	 * refuse (over 72 bytes) simply does not match them.
	 */
	static final class Legacy implements PasswordEncoder {

		private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();

		@Override
		public String encode(CharSequence rawPassword) {
			throw new UnsupportedOperationException("new passwords are hashed with " + ID);
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			return rawPassword != null && rawPassword.toString().getBytes(StandardCharsets.UTF_8).length <= 72
					&& this.bcrypt.matches(rawPassword, encodedPassword);
		}

	}

}
