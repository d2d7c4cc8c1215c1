package fr.passerelle.statistics;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes the records statistics are computed from, as the modules that own them write
 * them: calls with their legs, requests with their timelines and outcomes, presence
 * periods. Instants are UTC ({@code 2031-03-18T09:00:00Z} is 10:00 in Paris).
 */
final class Records {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	Records(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A request, with its creation in its timeline ({@code source kind}). */
	long ticket(String created, String source, String kind, String topic, String postcode, String departement,
			String region, String status, String closed) {
		String reference = reference();
		this.jdbc.sql("""
				INSERT INTO ticket (reference, source, kind, topic_code, postcode, departement_code, region_code,
				                    status, created_at, closed_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(reference, source, kind, topic, postcode, departement, region, status, at(created), at(closed))
			.update();
		long id = this.jdbc.sql("SELECT id FROM ticket WHERE reference = ?")
			.param(reference)
			.query(Long.class)
			.single();
		event(id, created, null, "CREATED", source + " " + kind);
		return id;
	}

	void event(long ticket, String at, Long actor, String type, String detail) {
		this.jdbc
			.sql("INSERT INTO ticket_event (ticket_id, occurred_at, actor_id, type, detail) VALUES (?, ?, ?, ?, ?)")
			.params(ticket, at(at), actor, type, detail)
			.update();
	}

	void repeatOf(long ticket, long earlier) {
		this.jdbc.sql("UPDATE ticket SET earlier_ticket_id = ? WHERE id = ?").params(earlier, ticket).update();
	}

	void practice(long ticket) {
		this.jdbc.sql("UPDATE ticket SET practice = TRUE WHERE id = ?").param(ticket).update();
	}

	/** A caller's call to the hotline. */
	String call(String started, String queued, String dequeued, String ended, String outcome, String route,
			Long ticket) {
		String sid = sid();
		this.jdbc.sql("""
				INSERT INTO telephony_call (call_sid, direction, leg, started_at, queued_at, dequeued_at, ended_at,
				                            outcome, route, ticket_id, status, status_rank)
				VALUES (?, 'INBOUND', 'CALLER', ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(sid, at(started), at(queued), at(dequeued), at(ended), outcome, route, ticket,
					(ended != null) ? "completed" : "in-progress", (ended != null) ? 3 : 2)
			.update();
		return sid;
	}

	void placedFromTrainingPhone(String callSid, long account) {
		this.jdbc.sql("INSERT INTO telephony_practice_call (call_sid, account_id, placed_at) VALUES (?, ?, ?)")
			.params(callSid, account, Timestamp.from(Instant.parse("2031-01-01T00:00:00Z")))
			.update();
	}

	/** The platform called a volunteer's phone for a request; they answered. */
	String volunteerLeg(long volunteer, long ticket, String answered, String ended) {
		String sid = sid();
		this.jdbc.sql("""
				INSERT INTO telephony_call (call_sid, direction, leg, started_at, answered_at, ended_at, outcome,
				                            ticket_id, volunteer_id, status, status_rank)
				VALUES (?, 'OUTBOUND', 'VOLUNTEER', ?, ?, ?, 'ANSWERED', ?, ?, 'completed', 3)""")
			.params(sid, at(answered), at(answered), at(ended), ticket, volunteer)
			.update();
		return sid;
	}

	/** The citizen dialled from a volunteer's call, for a callback. */
	void dial(String parent, long volunteer, long ticket, String started, String answered) {
		this.jdbc.sql("""
				INSERT INTO telephony_call (call_sid, direction, leg, parent_call_sid, started_at, answered_at,
				                            outcome, ticket_id, volunteer_id, status, status_rank)
				VALUES (?, 'OUTBOUND', 'CITIZEN', ?, ?, ?, ?, ?, ?, 'completed', 3)""")
			.params(sid(), parent, at(started), at(answered), (answered != null) ? "ANSWERED" : "NO_ANSWER", ticket,
					volunteer)
			.update();
	}

	void presence(long volunteer, String state, String from, String to) {
		this.jdbc
			.sql("INSERT INTO volunteer_presence_period (account_id, state, started_at, ended_at) VALUES (?, ?, ?, ?)")
			.params(volunteer, state, at(from), at(to))
			.update();
	}

	void outcome(long ticket, long volunteer, String at, String procedureThemes, String autonomy, String completion,
			String redirection) {
		this.jdbc
			.sql("""
					INSERT INTO ticket_outcome (ticket_id, recorded_by, recorded_at, support_type, duration_minutes,
					                            procedure_themes, support_themes, equipment, autonomy, completion, redirection)
					VALUES (?, ?, ?, 'demarche_administrative', 20, ?, 'navigation_sur_internet', 'telephone', ?, ?, ?)""")
			.params(ticket, volunteer, at(at), procedureThemes, autonomy, completion, redirection)
			.update();
	}

	private static Timestamp at(String instant) {
		return (instant != null) ? Timestamp.from(Instant.parse(instant)) : null;
	}

	/** A reference as citizens are given: {@code K7F-4QX}. */
	private static String reference() {
		String alphabet = "ACDEFGHJKMNPQRTUVWXY34679";
		StringBuilder reference = new StringBuilder();
		for (int i = 0; i < 7; i++) {
			reference.append((i == 3) ? '-' : alphabet.charAt(RANDOM.nextInt(alphabet.length())));
		}
		return reference.toString();
	}

	private static String sid() {
		return "CA" + UUID.randomUUID().toString().replace("-", "");
	}

}
