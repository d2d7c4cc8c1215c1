package fr.passerelle.telephony.texts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import fr.passerelle.platform.RetentionPeriods;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Texts' bodies (a volunteer's free text may say more than a template) are erased
 * {@code passerelle.retention.texts} after they were sent; the record that a text was
 * sent, when and how it went, stays for the statistics. {@link TextRetentionJob} runs it
 * every night.
 */
@Component
class TextRetention {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration kept;

	TextRetention(JdbcClient jdbc, Clock clock, RetentionPeriods retention) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.kept = retention.texts();
	}

	/**
	 * Erases the bodies kept long enough; returns how many.
	 */
	int apply() {
		return this.jdbc.sql("UPDATE sms_message SET body = '' WHERE created_at < ? AND body <> ''")
			.param(Timestamp.from(this.clock.instant().minus(this.kept)))
			.update();
	}

}
