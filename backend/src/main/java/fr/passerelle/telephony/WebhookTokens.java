package fr.passerelle.telephony;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Twilio may deliver a webhook twice, with the same {@code I-Twilio-Idempotency-Token}:
 * the second delivery is recognised here.
 */
@Component
public class WebhookTokens {

	public static final String HEADER = "I-Twilio-Idempotency-Token";

	private static final Duration KEPT = Duration.ofDays(1);

	private final JdbcClient jdbc;

	private final Clock clock;

	WebhookTokens(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Whether this delivery is the first with its token (a delivery without one always
	 * is).
	 */
	public boolean firstDelivery(String token) {
		if (token == null || token.isBlank()) {
			return true;
		}
		Instant now = this.clock.instant();
		this.jdbc.sql("DELETE FROM telephony_webhook_token WHERE received_at < ?")
			.param(Timestamp.from(now.minus(KEPT)))
			.update();
		return this.jdbc.sql("INSERT IGNORE INTO telephony_webhook_token (token, received_at) VALUES (?, ?)")
			.params(token.length() > 100 ? token.substring(0, 100) : token, Timestamp.from(now))
			.update() == 1;
	}

}
