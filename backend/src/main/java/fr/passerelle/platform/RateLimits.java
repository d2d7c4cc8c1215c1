package fr.passerelle.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sliding-window limits shared by every instance (the counts live in the database).
 * Subjects (an address, a phone number's lookup hash) are stored hashed.
 */
@Service
public class RateLimits {

	private static final Duration LONGEST_WINDOW = Duration.ofDays(1);

	private final JdbcClient jdbc;

	private final Clock clock;

	RateLimits(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Counts one more request of {@code subject} in {@code bucket}, unless it already
	 * made {@code limit} within the window; returns whether this one is allowed.
	 */
	@Transactional
	public boolean tryAcquire(String bucket, String subject, int limit, Duration window) {
		if (window.compareTo(LONGEST_WINDOW) > 0) {
			throw new IllegalArgumentException("Windows longer than a day are not kept");
		}
		Instant now = this.clock.instant();
		String hashed = sha256(bucket + ":" + subject);
		long recent = this.jdbc
			.sql("SELECT COUNT(*) FROM rate_limit_hit WHERE bucket = ? AND subject = ? AND hit_at > ? FOR UPDATE")
			.params(bucket, hashed, Timestamp.from(now.minus(window)))
			.query(Long.class)
			.single();
		if (recent >= limit) {
			return false;
		}
		this.jdbc.sql("INSERT INTO rate_limit_hit (bucket, subject, hit_at) VALUES (?, ?, ?)")
			.params(bucket, hashed, Timestamp.from(now))
			.update();
		return true;
	}

	@Scheduled(fixedDelayString = "PT30M", initialDelayString = "PT2M")
	void forgetOldHits() {
		this.jdbc.sql("DELETE FROM rate_limit_hit WHERE hit_at < ?")
			.param(Timestamp.from(this.clock.instant().minus(LONGEST_WINDOW)))
			.update();
	}

	private static String sha256(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
