package fr.passerelle.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sliding-window limits shared by every instance (the counts live in the database).
 * Subjects (an address, a phone number's lookup hash, an account) are stored as keyed
 * hashes. A subject's hits are counted under a lock on its row, so that parallel requests
 * never get past a limit together.
 */
@Service
public class RateLimits {

	private static final Duration LONGEST_WINDOW = Duration.ofDays(1);

	private final JdbcClient jdbc;

	private final Environment environment;

	private final Clock clock;

	private final LockRows lockRows;

	private final TransactionTemplate transaction;

	private final SubjectHashes hashes;

	RateLimits(JdbcClient jdbc, Environment environment, Clock clock, PlatformTransactionManager transactions,
			SubjectHashes hashes, LockRows lockRows) {
		this.jdbc = jdbc;
		this.hashes = hashes;
		this.environment = environment;
		this.clock = clock;
		this.lockRows = lockRows;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Counts one more request of {@code subject} in {@code bucket}, unless it already
	 * made {@code limit} within the window; returns whether this one is allowed. Call it
	 * outside a transaction: it needs a connection of its own for a moment.
	 */
	public boolean tryAcquire(String bucket, String subject, int limit, Duration window) {
		return tryAcquire(bucket, subject, List.of(new Window(limit, window)));
	}

	/**
	 * Counts one more request of {@code subject} against a limit per hour and per day,
	 * which operators may change with {@code passerelle.limits.<bucket>.per-hour} and
	 * {@code .per-day}.
	 * @throws RejectedRequest (429) when one of them is reached
	 */
	public void require(String bucket, String subject, Limit defaults) {
		if (!allows(bucket, subject, defaults)) {
			throw new RejectedRequest(HttpStatus.TOO_MANY_REQUESTS, "limits.exceeded");
		}
	}

	/**
	 * As {@link #require}, for callers that answer a refusal their own way: whether this
	 * request is allowed (and counted).
	 */
	public boolean allows(String bucket, String subject, Limit defaults) {
		int perHour = this.environment.getProperty("passerelle.limits." + bucket + ".per-hour", Integer.class,
				defaults.perHour());
		int perDay = this.environment.getProperty("passerelle.limits." + bucket + ".per-day", Integer.class,
				defaults.perDay());
		return tryAcquire(bucket, subject,
				List.of(new Window(perHour, Duration.ofHours(1)), new Window(perDay, Duration.ofDays(1))));
	}

	private boolean tryAcquire(String bucket, String subject, List<Window> windows) {
		if (windows.stream().anyMatch((w) -> w.length().compareTo(LONGEST_WINDOW) > 0)) {
			throw new IllegalArgumentException("Windows longer than a day are not kept");
		}
		Instant now = this.clock.instant();
		String hashed = this.hashes.hash("limit:" + bucket, subject);
		// the subject's row first, committed, and only then the transaction that locks
		// it:
		// a request never holds two connections, so a burst cannot drain the pool
		this.lockRows.ensure("INSERT IGNORE INTO rate_limit_subject (bucket, subject, last_hit_at) VALUES (?, ?, ?)",
				bucket, hashed, Timestamp.from(now));
		return this.transaction.execute((status) -> countUnderLock(bucket, hashed, windows, now));
	}

	private boolean countUnderLock(String bucket, String hashed, List<Window> windows, Instant now) {
		// an exclusive lock on the subject's row, held until commit
		this.jdbc.sql("SELECT 1 FROM rate_limit_subject WHERE bucket = ? AND subject = ? FOR UPDATE")
			.params(bucket, hashed)
			.query(Integer.class)
			.optional();
		for (Window window : windows) {
			long recent = this.jdbc
				.sql("SELECT COUNT(*) FROM rate_limit_hit WHERE bucket = ? AND subject = ? AND hit_at > ?")
				.params(bucket, hashed, Timestamp.from(now.minus(window.length())))
				.query(Long.class)
				.single();
			if (recent >= window.limit()) {
				return false;
			}
		}
		this.jdbc.sql("INSERT INTO rate_limit_hit (bucket, subject, hit_at) VALUES (?, ?, ?)")
			.params(bucket, hashed, Timestamp.from(now))
			.update();
		this.jdbc.sql("UPDATE rate_limit_subject SET last_hit_at = ? WHERE bucket = ? AND subject = ?")
			.params(Timestamp.from(now), bucket, hashed)
			.update();
		return true;
	}

	@Scheduled(fixedDelayString = "PT30M", initialDelayString = "PT2M")
	void forgetOldHits() {
		Timestamp before = Timestamp.from(this.clock.instant().minus(LONGEST_WINDOW));
		this.jdbc.sql("DELETE FROM rate_limit_hit WHERE hit_at < ?").param(before).update();
		this.jdbc.sql("DELETE FROM rate_limit_subject WHERE last_hit_at < ?").param(before).update();
	}

	/**
	 * How many requests a subject may make in an hour and in a day.
	 */
	public record Limit(int perHour, int perDay) {
	}

	private record Window(int limit, Duration length) {
	}

}
