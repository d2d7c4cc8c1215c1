package fr.passerelle.ticket;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import fr.passerelle.platform.RetentionPeriods;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases what requests say about their citizens once it is no longer needed: the number,
 * its hash, the first name and the preferred times {@code contact} after the request
 * closed, the notes {@code notes} after. What remains (theme, place, dates, outcome) is
 * what the statistics count, about nobody. {@link RetentionJobs} runs it every night.
 */
@Service
public class Retention {

	private static final Logger log = LoggerFactory.getLogger(Retention.class);

	private final JdbcClient jdbc;

	private final RetentionPeriods properties;

	private final Clock clock;

	Retention(JdbcClient jdbc, RetentionPeriods properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Erases what has been kept long enough; erasing again changes nothing.
	 */
	@Transactional
	public Erased apply() {
		Instant now = this.clock.instant();
		int contacts = this.jdbc.sql("""
				UPDATE ticket SET phone_cipher = NULL, phone_hash = NULL, first_name = NULL, preferred_slots = ''
				WHERE closed_at < ?
				  AND (phone_cipher IS NOT NULL OR phone_hash IS NOT NULL OR first_name IS NOT NULL
				       OR preferred_slots <> '')""")
			.param(Timestamp.from(now.minus(this.properties.contact())))
			.update();
		int notes = this.jdbc.sql("""
				DELETE n FROM ticket_note n JOIN ticket t ON t.id = n.ticket_id WHERE t.closed_at < ?""")
			.param(Timestamp.from(now.minus(this.properties.notes())))
			.update();
		if (contacts > 0 || notes > 0) {
			log.info("Retention: contact details of {} closed request(s) and {} note(s) erased", contacts, notes);
		}
		return new Erased(contacts, notes);
	}

	/**
	 * What one pass erased.
	 *
	 * @param contacts requests whose contact details were erased
	 * @param notes notes deleted
	 */
	public record Erased(int contacts, int notes) {
	}

}
