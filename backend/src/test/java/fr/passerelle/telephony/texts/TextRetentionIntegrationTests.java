package fr.passerelle.telephony.texts;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.UUID;

import fr.passerelle.IntegrationTest;
import fr.passerelle.TestClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Texts' bodies are erased after a year (issue 13, finding 10); the record that they were
 * sent stays.
 */
@IntegrationTest
class TextRetentionIntegrationTests {

	@Autowired
	TextRetention retention;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void erasesTheBodiesOfTextsSentMoreThanAYearAgo() {
		String old = insert(Duration.ofDays(366), "Votre rendez-vous à la CPAM est mardi");
		String recent = insert(Duration.ofDays(10), "Le lien : https://www.caf.fr/");

		assertThat(this.retention.apply()).isPositive();

		assertThat(body(old)).isEmpty();
		assertThat(body(recent)).isEqualTo("Le lien : https://www.caf.fr/");
		assertThat(this.jdbc.sql("SELECT status FROM sms_message WHERE dedup_key = ?")
			.param(old)
			.query(String.class)
			.single()).isEqualTo("SENT");
	}

	private String insert(Duration ago, String body) {
		String key = "retention-test:" + UUID.randomUUID();
		this.jdbc
			.sql("INSERT INTO sms_message (dedup_key, body, status, created_at, sent_at) VALUES (?, ?, 'SENT', ?, ?)")
			.params(key, body, Timestamp.from(this.clock.instant().minus(ago)),
					Timestamp.from(this.clock.instant().minus(ago)))
			.update();
		return key;
	}

	private String body(String key) {
		return this.jdbc.sql("SELECT body FROM sms_message WHERE dedup_key = ?")
			.param(key)
			.query(String.class)
			.single();
	}

}
