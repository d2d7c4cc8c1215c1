package fr.passerelle.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The single-use links e-mailed to staff: a password reset, an invitation, the
 * confirmation of a sign-up's address. A token carries 256 random bits and only its
 * SHA-256 is kept; a newer token of the same purpose replaces the earlier one; using one
 * is an atomic update, so that a link clicked twice at once works once.
 */
@Component
class AccountTokens {

	enum Purpose {

		PASSWORD_RESET, INVITATION, EMAIL_CONFIRMATION

	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	AccountTokens(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * A new token for this account, valid this long; the account's earlier one of this
	 * purpose no longer works.
	 */
	String issue(long accountId, Purpose purpose, Duration validity) {
		Instant now = this.clock.instant();
		byte[] secret = new byte[32];
		this.random.nextBytes(secret);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		// expired reset links go at once; an expired invitation stays, so that
		// administrators see it expired and send another
		this.jdbc
			.sql("DELETE FROM account_token WHERE (account_id = ? AND purpose = ?) "
					+ "OR (purpose = 'PASSWORD_RESET' AND expires_at < ?)")
			.params(accountId, purpose.name(), Timestamp.from(now))
			.update();
		this.jdbc
			.sql("INSERT INTO account_token (account_id, purpose, token_hash, created_at, expires_at) "
					+ "VALUES (?, ?, ?, ?, ?)")
			.params(accountId, purpose.name(), hash(token), Timestamp.from(now), Timestamp.from(now.plus(validity)))
			.update();
		return token;
	}

	/**
	 * The account a token of this purpose opens, if it is still valid and unused.
	 */
	Optional<Long> accountOf(String token, Purpose purpose) {
		return this.jdbc
			.sql("SELECT account_id FROM account_token WHERE token_hash = ? AND purpose = ? AND used_at IS NULL "
					+ "AND expires_at > ?")
			.params(hash(token), purpose.name(), Timestamp.from(this.clock.instant()))
			.query(Long.class)
			.optional();
	}

	/**
	 * Uses the token: true for the one caller that did, false when it was used, replaced
	 * or expired meanwhile.
	 */
	boolean use(String token, Purpose purpose) {
		Timestamp now = Timestamp.from(this.clock.instant());
		return this.jdbc
			.sql("UPDATE account_token SET used_at = ? WHERE token_hash = ? AND purpose = ? AND used_at IS NULL "
					+ "AND expires_at > ?")
			.params(now, hash(token), purpose.name(), now)
			.update() == 1;
	}

	/**
	 * Voids the account's token of this purpose, if any.
	 */
	void forget(long accountId, Purpose purpose) {
		this.jdbc.sql("DELETE FROM account_token WHERE account_id = ? AND purpose = ?")
			.params(accountId, purpose.name())
			.update();
	}

	/**
	 * When this account's invitation, not yet accepted, expires (or expired); null when
	 * it has none.
	 */
	Instant pendingInvitation(long accountId) {
		return this.jdbc
			.sql("SELECT expires_at FROM account_token WHERE account_id = ? AND purpose = 'INVITATION' "
					+ "AND used_at IS NULL")
			.param(accountId)
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant)
			.orElse(null);
	}

	/**
	 * The accounts with an invitation not yet accepted, and when it expires (or expired).
	 */
	Map<Long, Instant> pendingInvitations() {
		return this.jdbc
			.sql("SELECT account_id, expires_at FROM account_token WHERE purpose = 'INVITATION' AND used_at IS NULL")
			.query((rs, row) -> Map.entry(rs.getLong(1), rs.getTimestamp(2).toInstant()))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private static String hash(String token) {
		String typed = (token != null) ? token.strip() : "";
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256")
					.digest(("passerelle/account-token/" + typed).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
