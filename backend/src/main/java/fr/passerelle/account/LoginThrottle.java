package fr.passerelle.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import fr.passerelle.platform.LockRows;
import fr.passerelle.platform.SubjectHashes;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slows down password guessing without locking the real user out. Every attempt counts
 * for three subjects: the account from this address, the account from anywhere, and the
 * address whatever the account. Past a subject's free attempts within the window, the
 * next attempt must wait twice as long as the previous one did, from one second up to
 * that subject's ceiling (see {@link LoginThrottleProperties}). An attempt is counted
 * before the password is checked, under a lock on each subject's row, so that parallel
 * attempts cannot get past together; a successful sign-in forgets the account's. Attempts
 * live in the database, so every instance counts the same ones, as keyed hashes only.
 */
@Component
class LoginThrottle {

	private static final Duration FIRST_DELAY = Duration.ofSeconds(1);

	private final JdbcClient jdbc;

	private final LoginThrottleProperties properties;

	private final Clock clock;

	private final SubjectHashes hashes;

	private final TransactionTemplate transaction;

	private final LockRows lockRows;

	LoginThrottle(JdbcClient jdbc, LoginThrottleProperties properties, Clock clock, SubjectHashes hashes,
			PlatformTransactionManager transactions, LockRows lockRows) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
		this.hashes = hashes;
		this.transaction = new TransactionTemplate(transactions);
		this.lockRows = lockRows;
	}

	/**
	 * Counts one more attempt to sign in as {@code email} from {@code address}, unless
	 * the caller must wait first: then nothing is counted, and the wait is returned.
	 */
	Optional<Duration> attempt(String email, String address) {
		Instant now = this.clock.instant();
		List<Subject> subjects = subjects(email, address);
		// each subject's row first, committed, and only then the transaction that locks
		// them: an attempt never holds two connections
		subjects.forEach((subject) -> this.lockRows.ensure(
				"INSERT IGNORE INTO login_throttle_subject (subject, last_seen_at) VALUES (?, ?)", subject.key(),
				Timestamp.from(now)));
		return this.transaction.execute((status) -> {
			Instant allowedAt = now;
			for (Subject subject : subjects) {
				this.jdbc.sql("SELECT 1 FROM login_throttle_subject WHERE subject = ? FOR UPDATE")
					.param(subject.key())
					.query(Integer.class)
					.optional();
				Instant subjectAllowedAt = allowedAt(subject, now);
				if (subjectAllowedAt.isAfter(allowedAt)) {
					allowedAt = subjectAllowedAt;
				}
			}
			if (allowedAt.isAfter(now)) {
				return Optional.of(Duration.between(now, allowedAt));
			}
			for (Subject subject : subjects) {
				this.jdbc.sql("INSERT INTO login_failure (subject, failed_at) VALUES (?, ?)")
					.params(subject.key(), Timestamp.from(now))
					.update();
				this.jdbc.sql("UPDATE login_throttle_subject SET last_seen_at = ? WHERE subject = ?")
					.params(Timestamp.from(now), subject.key())
					.update();
			}
			return Optional.empty();
		});
	}

	/**
	 * The attempt had the right password: the account's attempts are forgotten, from this
	 * address and from anywhere, and the address keeps all but this one.
	 */
	void succeeded(String email, String address) {
		List<Subject> subjects = subjects(email, address);
		this.jdbc.sql("DELETE FROM login_failure WHERE subject IN (?, ?)")
			.params(subjects.get(0).key(), subjects.get(1).key())
			.update();
		this.jdbc.sql("DELETE FROM login_failure WHERE subject = ? ORDER BY failed_at DESC LIMIT 1")
			.param(subjects.get(2).key())
			.update();
	}

	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
	void forgetExpiredFailures() {
		Timestamp before = Timestamp.from(this.clock.instant().minus(this.properties.window()));
		this.jdbc.sql("DELETE FROM login_failure WHERE failed_at < ?").param(before).update();
		this.jdbc.sql("DELETE FROM login_throttle_subject WHERE last_seen_at < ?").param(before).update();
	}

	private Instant allowedAt(Subject subject, Instant now) {
		Timestamp since = Timestamp.from(now.minus(this.properties.window()));
		// how many attempts are counted in the window, and the latest: one reading
		record Counted(long attempts, Timestamp latest) {
		}
		Counted counted = this.jdbc
			.sql("SELECT COUNT(*), MAX(failed_at) FROM login_failure WHERE subject = ? AND failed_at > ?")
			.params(subject.key(), since)
			.query((rs, row) -> new Counted(rs.getLong(1), rs.getTimestamp(2)))
			.single();
		long attempts = counted.attempts();
		if (attempts < subject.free()) {
			return now;
		}
		Instant latest = counted.latest().toInstant();
		long doublings = Math.min(attempts - subject.free(), 30);
		Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
		return latest.plus((delay.compareTo(subject.longestDelay()) > 0) ? subject.longestDelay() : delay);
	}

	/**
	 * The pair, the account and the address: every attempt locks them in this order, so
	 * that two attempts never wait on each other.
	 */
	private List<Subject> subjects(String email, String address) {
		String account = AccountManagement.normalize(email);
		List<Subject> subjects = List.of(
				new Subject(this.hashes.hash("login-pair", account + "\n" + address),
						this.properties.maxFailuresPerAccount(), this.properties.window()),
				new Subject(this.hashes.hash("login-account", account), this.properties.maxFailuresAcrossAddresses(),
						this.properties.longestDelayAcrossAddresses()),
				new Subject(this.hashes.hash("login-address", address), this.properties.maxFailuresPerAddress(),
						this.properties.window()));
		return subjects;
	}

	private record Subject(String key, int free, Duration longestDelay) {
	}

}
