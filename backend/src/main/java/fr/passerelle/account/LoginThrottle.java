package fr.passerelle.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after too many failures within the window, for one
 * account or from one address, sign-in is refused until the oldest counted failure leaves
 * the window. Failures live in the database, so every instance counts the same ones; only
 * hashes of the account and address are stored.
 */
@Component
class LoginThrottle {

	private final JdbcClient jdbc;

	private final LoginThrottleProperties properties;

	private final Clock clock;

	LoginThrottle(JdbcClient jdbc, LoginThrottleProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * How long the caller must wait before trying again, if at all.
	 */
	Optional<Duration> waitBeforeNextAttempt(String email, String address) {
		Instant now = this.clock.instant();
		return longest(blockedUntil(accountKey(email), this.properties.maxFailuresPerAccount(), now),
				blockedUntil(addressKey(address), this.properties.maxFailuresPerAddress(), now))
			.map((until) -> Duration.between(now, until));
	}

	void failed(String email, String address) {
		Timestamp now = Timestamp.from(this.clock.instant());
		for (String subject : new String[] { accountKey(email), addressKey(address) }) {
			this.jdbc.sql("INSERT INTO login_failure (subject, failed_at) VALUES (?, ?)").params(subject, now).update();
		}
	}

	void succeeded(String email) {
		this.jdbc.sql("DELETE FROM login_failure WHERE subject = ?").param(accountKey(email)).update();
	}

	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
	void forgetExpiredFailures() {
		this.jdbc.sql("DELETE FROM login_failure WHERE failed_at < ?")
			.param(Timestamp.from(this.clock.instant().minus(this.properties.window())))
			.update();
	}

	private Optional<Instant> blockedUntil(String subject, int maxFailures, Instant now) {
		// The failure that, with the more recent ones, reaches the limit: sign-in reopens
		// when it leaves the window.
		return this.jdbc
			.sql("SELECT failed_at FROM login_failure WHERE subject = ? AND failed_at > ? "
					+ "ORDER BY failed_at DESC LIMIT 1 OFFSET ?")
			.params(subject, Timestamp.from(now.minus(this.properties.window())), maxFailures - 1)
			.query(Timestamp.class)
			.optional()
			.map((oldest) -> oldest.toInstant().plus(this.properties.window()));
	}

	private static Optional<Instant> longest(Optional<Instant> first, Optional<Instant> second) {
		if (first.isEmpty()) {
			return second;
		}
		if (second.isEmpty()) {
			return first;
		}
		return Optional.of(first.get().isAfter(second.get()) ? first.get() : second.get());
	}

	private static String accountKey(String email) {
		return sha256("account:" + AccountManagement.normalize(email));
	}

	private static String addressKey(String address) {
		return sha256("address:" + address);
	}

	private static String sha256(String value) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
