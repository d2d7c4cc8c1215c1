package fr.passerelle.ticket;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.passerelle.privacy.PersonalData;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The requests made from a number: what the citizen said (theme, postcode, first name,
 * preferred times), what happened (timeline, outcome) and the volunteers' notes. Erasing
 * wipes the number, its hash, the first name and times and deletes the notes, as the
 * retention does after 30 days; what remains is about nobody. Last of the holders: the
 * others find their items through these requests.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class TicketPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	TicketPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return "requests";
	}

	@Override
	@Transactional(readOnly = true)
	public List<Map<String, Object>> find(DataSubject subject) {
		List<Map<String, Object>> requests = new ArrayList<>();
		for (Map<String, Object> ticket : this.jdbc.sql("""
				SELECT id, reference, created_at, source, kind, topic_code, postcode, first_name, preferred_slots,
				       language, status, closed_at
				FROM ticket WHERE phone_hash IN (:hashes) ORDER BY created_at""")
			.param("hashes", subject.lookupHashes())
			.query()
			.listOfRows()) {
			long id = ((Number) ticket.get("id")).longValue();
			Map<String, Object> request = new LinkedHashMap<>();
			request.put("reference", ticket.get("reference"));
			request.put("createdAt", instant(ticket.get("created_at")));
			request.put("source", ticket.get("source"));
			request.put("kind", ticket.get("kind"));
			request.put("topic", ticket.get("topic_code"));
			request.put("postcode", ticket.get("postcode"));
			request.put("firstName", ticket.get("first_name"));
			request.put("preferredTimes", ticket.get("preferred_slots"));
			request.put("language", ticket.get("language"));
			request.put("status", ticket.get("status"));
			request.put("closedAt", instant(ticket.get("closed_at")));
			request.put("timeline", this.jdbc
				.sql("SELECT occurred_at, type, detail FROM ticket_event WHERE ticket_id = ? ORDER BY occurred_at, id")
				.param(id)
				.query((rs, n) -> entry("at", rs.getTimestamp(1).toInstant(), "what", rs.getString(2), "detail",
						rs.getString(3)))
				.list());
			request.put("notes",
					this.jdbc
						.sql("SELECT written_at, body FROM ticket_note WHERE ticket_id = ? ORDER BY written_at, id")
						.param(id)
						.query((rs, n) -> entry("at", rs.getTimestamp(1).toInstant(), "note", rs.getString(2)))
						.list());
			request.put("outcome", this.jdbc.sql("""
					SELECT recorded_at, support_type, duration_minutes, procedure_themes, support_themes, equipment,
					       autonomy, completion, redirection
					FROM ticket_outcome WHERE ticket_id = ?""")
				.param(id)
				.query()
				.listOfRows()
				.stream()
				.findFirst()
				.map(TicketPersonalData::outcome)
				.orElse(null));
			requests.add(request);
		}
		return requests;
	}

	@Override
	public Optional<String> erasureRefused(DataSubject subject) {
		long open = this.jdbc.sql("SELECT COUNT(*) FROM ticket WHERE phone_hash IN (:hashes) AND closed_at IS NULL")
			.param("hashes", subject.lookupHashes())
			.query(Long.class)
			.single();
		return (open > 0) ? Optional.of("privacy.erasure.open-request") : Optional.empty();
	}

	@Override
	@Transactional
	public int erase(DataSubject subject) {
		List<Long> ids = this.jdbc.sql("SELECT id FROM ticket WHERE phone_hash IN (:hashes) FOR UPDATE")
			.param("hashes", subject.lookupHashes())
			.query(Long.class)
			.list();
		if (ids.isEmpty()) {
			return 0;
		}
		int notes = this.jdbc.sql("DELETE FROM ticket_note WHERE ticket_id IN (:ids)").param("ids", ids).update();
		int requests = this.jdbc.sql("""
				UPDATE ticket SET phone_cipher = NULL, phone_hash = NULL, first_name = NULL, preferred_slots = ''
				WHERE id IN (:ids)""").param("ids", ids).update();
		return requests + notes;
	}

	private static Map<String, Object> outcome(Map<String, Object> row) {
		Map<String, Object> outcome = new LinkedHashMap<>();
		outcome.put("recordedAt", instant(row.get("recorded_at")));
		outcome.put("supportType", row.get("support_type"));
		outcome.put("durationMinutes", row.get("duration_minutes"));
		outcome.put("procedureThemes", row.get("procedure_themes"));
		outcome.put("supportThemes", row.get("support_themes"));
		outcome.put("equipment", row.get("equipment"));
		outcome.put("autonomy", row.get("autonomy"));
		outcome.put("completion", row.get("completion"));
		outcome.put("redirection", row.get("redirection"));
		return outcome;
	}

	private static Map<String, Object> entry(Object... namesAndValues) {
		Map<String, Object> entry = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			entry.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return entry;
	}

	private static Object instant(Object value) {
		if (value instanceof Timestamp timestamp) {
			return timestamp.toInstant().toString();
		}
		if (value instanceof java.time.LocalDateTime local) {
			return Timestamp.valueOf(local).toInstant().toString();
		}
		return value;
	}

}
