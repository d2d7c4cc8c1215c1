package fr.passerelle.account;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import fr.passerelle.platform.RejectedRequest;
import fr.passerelle.privacy.AuditAction;
import fr.passerelle.privacy.AuditLog;
import fr.passerelle.privacy.PhoneVault;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two-factor authentication with time-based one-time codes (RFC 6238: HMAC-SHA1, six
 * digits, thirty seconds, what every authenticator app reads), and recovery codes for a
 * lost phone. A code is accepted within one step of the clock either way, and never
 * twice: the last step accepted is kept, and a code of that step or an earlier one is
 * refused, under an update that two parallel sign-ins cannot both pass. Each recovery
 * code signs in once. Coordinators and administrators must use it; volunteers may.
 */
@Service
public class TwoFactorAuthentication {

	static final int RECOVERY_CODE_COUNT = 10;

	static final String ISSUER = "Passerelle";

	private static final Duration STEP = TimeBasedOneTimePasswordGenerator.DEFAULT_TIME_STEP;

	private static final int SECRET_BYTES = 20;

	// Crockford's Base32: no I, L, O or U to misread
	private static final String RECOVERY_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

	private static final int RECOVERY_LENGTH = 24;

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final PhoneVault vault;

	private final Clock clock;

	private final AuditLog audit;

	private final SecureRandom random = new SecureRandom();

	private final TimeBasedOneTimePasswordGenerator totp = new TimeBasedOneTimePasswordGenerator();

	TwoFactorAuthentication(JdbcClient jdbc, Accounts accounts, PhoneVault vault, Clock clock, AuditLog audit) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.vault = vault;
		this.clock = clock;
		this.audit = audit;
	}

	/**
	 * Where an account stands.
	 */
	@Transactional(readOnly = true)
	public Status status(long accountId) {
		Account account = this.accounts.findById(accountId).orElseThrow();
		int left = this.jdbc.sql("SELECT COUNT(*) FROM account_recovery_code WHERE account_id = ? AND used_at IS NULL")
			.param(accountId)
			.query(Integer.class)
			.single();
		return new Status(account.hasTwoFactor(), account.twoFactorMandatory(), account.hasTwoFactor() ? left : 0);
	}

	/**
	 * Starts setting up an authenticator app (the first one, or a new phone): a new
	 * secret, which waits for its first code ({@link #confirm}) before it replaces the
	 * one in use.
	 */
	@Transactional
	public Setup begin(long accountId) {
		Account account = this.accounts.findById(accountId).orElseThrow();
		byte[] secret = new byte[SECRET_BYTES];
		this.random.nextBytes(secret);
		this.jdbc
			.sql("INSERT INTO account_two_factor (account_id, pending_cipher) VALUES (?, ?) "
					+ "ON DUPLICATE KEY UPDATE pending_cipher = VALUES(pending_cipher)")
			.params(accountId, this.vault.sealSecret(secret, row(accountId)))
			.update();
		String text = Base32.encode(secret);
		return new Setup(text, uri(account.email(), text));
	}

	/**
	 * Confirms the secret of {@link #begin} with a code from the app: from then on,
	 * sign-in asks for a code, and the recovery codes returned (shown once, never kept in
	 * clear) replace any earlier ones.
	 * @throws RejectedRequest (409) when nothing is being set up, (400) for a wrong code
	 */
	@Transactional
	public List<String> confirm(long accountId, String code) {
		byte[] pending = this.jdbc.sql("SELECT pending_cipher FROM account_two_factor WHERE account_id = ? FOR UPDATE")
			.param(accountId)
			.query((rs, n) -> rs.getBytes(1))
			.optional()
			.orElse(null);
		if (pending == null) {
			throw new RejectedRequest(HttpStatus.CONFLICT, "account.two-factor.no-setup");
		}
		Optional<Long> step = matchingStep(this.vault.openSecret(pending, row(accountId)), code);
		if (step.isEmpty()) {
			throw new RejectedRequest(HttpStatus.BAD_REQUEST, "account.two-factor.code-wrong");
		}
		this.jdbc
			.sql("UPDATE account_two_factor SET secret_cipher = pending_cipher, pending_cipher = NULL, "
					+ "last_used_step = ? WHERE account_id = ?")
			.params(step.get(), accountId)
			.update();
		return enabled(accountId);
	}

	/**
	 * Sets up two-factor authentication with a secret chosen beforehand, confirmed at
	 * once: for the demonstration's accounts, whose secret is published, and for tests.
	 */
	@Transactional
	public List<String> enrol(long accountId, String base32Secret) {
		byte[] secret = Base32.decode(base32Secret);
		this.jdbc
			.sql("INSERT INTO account_two_factor (account_id, secret_cipher) VALUES (?, ?) "
					+ "ON DUPLICATE KEY UPDATE secret_cipher = VALUES(secret_cipher), pending_cipher = NULL, "
					+ "last_used_step = NULL")
			.params(accountId, this.vault.sealSecret(secret, row(accountId)))
			.update();
		return enabled(accountId);
	}

	private List<String> enabled(long accountId) {
		Account account = this.accounts.findById(accountId).orElseThrow();
		account.twoFactorEnabled(this.clock.instant());
		this.accounts.save(account);
		List<String> codes = replaceRecoveryCodes(accountId);
		this.audit.record(AuditAction.TWO_FACTOR_ENABLED, "account/" + accountId, null);
		return codes;
	}

	/**
	 * Checks the second factor of a sign-in: a code from the app, or a recovery code.
	 * What it accepts cannot be used again.
	 */
	boolean verify(long accountId, String code) {
		if (code == null) {
			return false;
		}
		String compact = code.replaceAll("[\\s-]", "");
		if (compact.matches("\\d{6}")) {
			byte[] sealed = this.jdbc.sql("SELECT secret_cipher FROM account_two_factor WHERE account_id = ?")
				.param(accountId)
				.query((rs, n) -> rs.getBytes(1))
				.optional()
				.orElse(null);
			if (sealed == null) {
				return false;
			}
			Optional<Long> step = matchingStep(this.vault.openSecret(sealed, row(accountId)), compact);
			return step.isPresent() && this.jdbc
				.sql("UPDATE account_two_factor SET last_used_step = ? WHERE account_id = ? "
						+ "AND (last_used_step IS NULL OR last_used_step < ?)")
				.params(step.get(), accountId, step.get())
				.update() == 1;
		}
		String recovery = normalizeRecoveryCode(compact);
		if (recovery.length() != RECOVERY_LENGTH) {
			return false;
		}
		boolean used = this.jdbc
			.sql("UPDATE account_recovery_code SET used_at = ? WHERE account_id = ? AND code_hash = ? "
					+ "AND used_at IS NULL")
			.params(Timestamp.from(this.clock.instant()), accountId, hash(recovery))
			.update() == 1;
		if (used) {
			this.audit.record(AuditAction.RECOVERY_CODE_USED, "account/" + accountId, null);
		}
		return used;
	}

	/**
	 * New recovery codes, which replace the earlier ones.
	 * @throws RejectedRequest (409) without two-factor authentication
	 */
	@Transactional
	public List<String> renewRecoveryCodes(long accountId) {
		if (!this.accounts.findById(accountId).orElseThrow().hasTwoFactor()) {
			throw new RejectedRequest(HttpStatus.CONFLICT, "account.two-factor.not-enabled");
		}
		List<String> codes = replaceRecoveryCodes(accountId);
		this.audit.record(AuditAction.RECOVERY_CODES_RENEWED, "account/" + accountId, null);
		return codes;
	}

	/**
	 * Turns two-factor authentication off, for a volunteer who no longer wants it.
	 * @throws RejectedRequest (409) for a coordinator or an administrator, who must keep
	 * it
	 */
	@Transactional
	public void disable(long accountId) {
		Account account = this.accounts.findById(accountId).orElseThrow();
		if (account.twoFactorMandatory()) {
			throw new RejectedRequest(HttpStatus.CONFLICT, "account.two-factor.mandatory");
		}
		forget(account);
		this.audit.record(AuditAction.TWO_FACTOR_DISABLED, "account/" + accountId, null);
	}

	/**
	 * Forgets an account's second factor, for someone who lost both their phone and their
	 * recovery codes: they set it up again at their next sign-in (an administrator's
	 * decision, see {@link AccountAdministration#resetTwoFactor}).
	 */
	@Transactional
	void reset(long accountId) {
		forget(this.accounts.findById(accountId).orElseThrow());
	}

	private void forget(Account account) {
		this.jdbc.sql("DELETE FROM account_two_factor WHERE account_id = ?").param(account.id()).update();
		this.jdbc.sql("DELETE FROM account_recovery_code WHERE account_id = ?").param(account.id()).update();
		account.twoFactorDisabled();
		this.accounts.save(account);
	}

	/**
	 * Seals every secret not sealed under the vault's current key again.
	 * @return how many were sealed again
	 */
	@Transactional
	int sealAgain() {
		record Row(long accountId, byte[] secret, byte[] pending) {
		}
		List<Row> rows = this.jdbc
			.sql("SELECT account_id, secret_cipher, pending_cipher FROM account_two_factor FOR UPDATE")
			.query((rs, n) -> new Row(rs.getLong(1), rs.getBytes(2), rs.getBytes(3)))
			.list();
		int count = 0;
		for (Row row : rows) {
			byte[] secret = resealed(row.secret(), row.accountId());
			byte[] pending = resealed(row.pending(), row.accountId());
			if (secret != row.secret() || pending != row.pending()) {
				this.jdbc
					.sql("UPDATE account_two_factor SET secret_cipher = ?, pending_cipher = ? WHERE account_id = ?")
					.params(secret, pending, row.accountId())
					.update();
				count++;
			}
		}
		return count;
	}

	private byte[] resealed(byte[] sealed, long accountId) {
		if (sealed == null || this.vault.isCurrent(sealed)) {
			return sealed;
		}
		return this.vault.sealSecret(this.vault.openSecret(sealed, row(accountId)), row(accountId));
	}

	private List<String> replaceRecoveryCodes(long accountId) {
		this.jdbc.sql("DELETE FROM account_recovery_code WHERE account_id = ?").param(accountId).update();
		List<String> codes = new ArrayList<>();
		while (codes.size() < RECOVERY_CODE_COUNT) {
			StringBuilder code = new StringBuilder();
			for (int i = 0; i < RECOVERY_LENGTH; i++) {
				code.append(RECOVERY_ALPHABET.charAt(this.random.nextInt(RECOVERY_ALPHABET.length())));
			}
			this.jdbc.sql("INSERT INTO account_recovery_code (account_id, code_hash) VALUES (?, ?)")
				.params(accountId, hash(code.toString()))
				.update();
			codes.add(code.toString().replaceAll("(.{4})(?!$)", "$1-"));
		}
		return List.copyOf(codes);
	}

	private Optional<Long> matchingStep(byte[] secret, String code) {
		String compact = (code == null) ? "" : code.replaceAll("\\s", "");
		if (!compact.matches("\\d{6}")) {
			return Optional.empty();
		}
		long now = this.clock.instant().getEpochSecond() / STEP.toSeconds();
		SecretKeySpec key = new SecretKeySpec(secret, "HmacSHA1");
		Optional<Long> match = Optional.empty();
		for (long step = now - 1; step <= now + 1; step++) {
			// every step is computed, matching or not, so that timing tells nothing
			if (MessageDigest.isEqual(codeAt(key, step).getBytes(StandardCharsets.US_ASCII),
					compact.getBytes(StandardCharsets.US_ASCII)) && match.isEmpty()) {
				match = Optional.of(step);
			}
		}
		return match;
	}

	private String codeAt(SecretKeySpec key, long step) {
		try {
			return this.totp.generateOneTimePasswordString(key, Instant.ofEpochSecond(step * STEP.toSeconds()),
					Locale.ROOT);
		}
		catch (InvalidKeyException ex) {
			throw new IllegalStateException("Unusable two-factor secret", ex);
		}
	}

	private static String normalizeRecoveryCode(String compact) {
		return compact.toUpperCase(Locale.ROOT).replace('O', '0').replace('I', '1').replace('L', '1');
	}

	private static String hash(String recoveryCode) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256")
					.digest(("passerelle/recovery/" + recoveryCode).getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String row(long accountId) {
		return "account_two_factor/" + accountId;
	}

	private static String uri(String email, String secret) {
		String label = URLEncoder.encode(ISSUER + ":" + email, StandardCharsets.UTF_8).replace("+", "%20");
		return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + ISSUER
				+ "&algorithm=SHA1&digits=6&period=" + STEP.toSeconds();
	}

	/**
	 * @param enabled whether sign-in asks for a code
	 * @param mandatory whether the account's role requires it
	 * @param recoveryCodesLeft unused recovery codes
	 */
	public record Status(boolean enabled, boolean mandatory, int recoveryCodesLeft) {
	}

	/**
	 * A secret to give the authenticator app: typed, or read from a QR code of its URI.
	 */
	public record Setup(String secret, String uri) {
	}

}
