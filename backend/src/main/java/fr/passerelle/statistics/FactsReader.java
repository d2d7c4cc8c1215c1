package fr.passerelle.statistics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.passerelle.statistics.DayFacts.CallFact;
import fr.passerelle.statistics.DayFacts.ConversationFact;
import fr.passerelle.statistics.DayFacts.DialFact;
import fr.passerelle.statistics.DayFacts.InCallFact;
import fr.passerelle.statistics.DayFacts.OutcomeFact;
import fr.passerelle.statistics.DayFacts.PresenceFact;
import fr.passerelle.statistics.DayFacts.RequestFact;
import fr.passerelle.statistics.DayFacts.ShiftFact;
import fr.passerelle.statistics.DayFacts.VolunteerFact;
import fr.passerelle.territory.Departement;
import fr.passerelle.territory.Territories;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a day's records from the tables of the modules that write them (telephony,
 * tickets, volunteers), leaving practice out: calls from a training phone and requests
 * marked as practice.
 */
@Repository
class FactsReader {

	/**
	 * Presence periods are looked for this far back (one lasting longer is cut there).
	 */
	static final Duration LONGEST_PERIOD = Duration.ofDays(2);

	/** The pseudo-question counting the outcome forms themselves. */
	static final String FORM = "form";

	static final String RECORDED = "recorded";

	private static final String NOT_PRACTICE = " NOT EXISTS (SELECT 1 FROM ticket pt WHERE pt.id = c.ticket_id AND pt.practice)";

	private final JdbcClient jdbc;

	private final Territories territories;

	FactsReader(JdbcClient jdbc, Territories territories) {
		this.jdbc = jdbc;
		this.territories = territories;
	}

	@Transactional(readOnly = true)
	DayFacts read(LocalDate day, Instant now) {
		Timestamp start = Timestamp.from(ParisTime.start(day));
		Timestamp end = Timestamp.from(ParisTime.end(day));
		return new DayFacts(day, now, calls(start, end), requests(start, end), outcomes(start, end), volunteers(),
				presence(start, end), inCall(start, end), conversations(start, end), dials(start, end), shifts());
	}

	private List<CallFact> calls(Timestamp start, Timestamp end) {
		return this.jdbc.sql("""
				SELECT c.started_at, c.queued_at, c.dequeued_at, c.ended_at, c.outcome, c.route, c.ticket_id,
				       t.region_code, t.departement_code, COALESCE(t.topic_code, c.topic_code) AS topic_code
				FROM telephony_call c LEFT JOIN ticket t ON t.id = c.ticket_id
				WHERE c.started_at >= ? AND c.started_at < ? AND c.direction = 'INBOUND' AND c.leg = 'CALLER'
				  AND NOT EXISTS (SELECT 1 FROM telephony_practice_call p WHERE p.call_sid = c.call_sid)
				  AND (t.id IS NULL OR NOT t.practice)""")
			.params(start, end)
			.query((rs, row) -> new CallFact(instant(rs, "started_at"), instant(rs, "queued_at"),
					instant(rs, "dequeued_at"), instant(rs, "ended_at"), rs.getString("outcome"), rs.getString("route"),
					rs.getObject("ticket_id") != null, rs.getString("region_code"), rs.getString("departement_code"),
					rs.getString("topic_code")))
			.list();
	}

	private List<RequestFact> requests(Timestamp start, Timestamp end) {
		Map<Long, List<Instant>> attempts = new HashMap<>();
		this.jdbc.sql("""
				SELECT e.ticket_id, e.occurred_at FROM ticket t JOIN ticket_event e ON e.ticket_id = t.id
				WHERE t.created_at >= ? AND t.created_at < ? AND NOT t.practice
				  AND e.type IN ('CALL_STARTED', 'ATTEMPT_FAILED')""")
			.params(start, end)
			.query((rs, row) -> attempts.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>())
				.add(instant(rs, "occurred_at")))
			.list();
		Map<Long, List<Instant>> dials = new HashMap<>();
		this.jdbc.sql("""
				SELECT c.ticket_id, c.started_at FROM ticket t JOIN telephony_call c ON c.ticket_id = t.id
				WHERE t.created_at >= ? AND t.created_at < ? AND NOT t.practice AND c.leg = 'CITIZEN'""")
			.params(start, end)
			.query((rs, row) -> dials.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>())
				.add(instant(rs, "started_at")))
			.list();
		return this.jdbc
			.sql("""
					SELECT t.id, t.created_at, t.source, t.region_code, t.departement_code, t.topic_code, t.status,
					       t.closed_at, t.earlier_ticket_id IS NOT NULL AS repeat_request,
					       MAX(e.type = 'CREATED' AND e.detail LIKE '% LIVE_CALL') AS live,
					       MIN(CASE WHEN e.type = 'TURNED_INTO_CALLBACK' THEN e.occurred_at END) AS turned_at
					FROM ticket t LEFT JOIN ticket_event e ON e.ticket_id = t.id AND e.type IN ('CREATED', 'TURNED_INTO_CALLBACK')
					WHERE t.created_at >= ? AND t.created_at < ? AND NOT t.practice
					GROUP BY t.id""")
			.params(start, end)
			.query((rs, row) -> {
				long id = rs.getLong("id");
				return new RequestFact(id, instant(rs, "created_at"), rs.getString("source"), rs.getBoolean("live"),
						instant(rs, "turned_at"), rs.getString("region_code"), rs.getString("departement_code"),
						rs.getString("topic_code"), rs.getString("status"), instant(rs, "closed_at"),
						rs.getBoolean("repeat_request"), attempts.getOrDefault(id, List.of()),
						dials.getOrDefault(id, List.of()));
			})
			.list();
	}

	private List<OutcomeFact> outcomes(Timestamp start, Timestamp end) {
		List<OutcomeFact> answers = new ArrayList<>();
		String[] questions = { "support_type", "procedure_themes", "support_themes", "equipment", "autonomy",
				"completion", "redirection" };
		this.jdbc.sql("""
				SELECT t.region_code, o.support_type, o.procedure_themes, o.support_themes, o.equipment, o.autonomy,
				       o.completion, o.redirection
				FROM ticket t JOIN ticket_outcome o ON o.ticket_id = t.id
				WHERE t.created_at >= ? AND t.created_at < ? AND NOT t.practice""")
			.params(start, end)
			.query((rs, row) -> {
				answers.add(new OutcomeFact(rs.getString("region_code"), FORM, RECORDED));
				for (String question : questions) {
					String codes = rs.getString(question);
					if (codes != null && !codes.isBlank()) {
						for (String code : codes.split(",")) {
							answers.add(new OutcomeFact(rs.getString("region_code"), question, code.strip()));
						}
					}
				}
				return row;
			})
			.list();
		return answers;
	}

	private List<VolunteerFact> volunteers() {
		return this.jdbc.sql("SELECT account_id, departement_code FROM volunteer").query((rs, row) -> {
			String departement = rs.getString("departement_code");
			Departement where = this.territories.departement(departement).orElseThrow();
			return new VolunteerFact(rs.getLong("account_id"), where.regionCode(), departement, where.timeZone());
		}).list();
	}

	private List<PresenceFact> presence(Timestamp start, Timestamp end) {
		Timestamp lookBack = Timestamp.from(start.toInstant().minus(LONGEST_PERIOD));
		return this.jdbc.sql("""
				SELECT account_id, state, started_at, ended_at FROM volunteer_presence_period
				WHERE started_at >= ? AND started_at < ? AND (ended_at IS NULL OR ended_at > ?)""")
			.params(lookBack, end, start)
			.query((rs, row) -> new PresenceFact(rs.getLong("account_id"), rs.getString("state"),
					instant(rs, "started_at"), instant(rs, "ended_at")))
			.list();
	}

	private List<InCallFact> inCall(Timestamp start, Timestamp end) {
		Timestamp lookBack = Timestamp.from(start.toInstant().minus(Duration.ofDays(1)));
		return this.jdbc.sql("""
				SELECT c.volunteer_id, c.answered_at, c.ended_at FROM telephony_call c
				WHERE c.started_at >= ? AND c.started_at < ? AND c.leg = 'VOLUNTEER' AND c.volunteer_id IS NOT NULL
				  AND c.answered_at IS NOT NULL AND (c.ended_at IS NULL OR c.ended_at > ?) AND """ + NOT_PRACTICE)
			.params(lookBack, end, start)
			.query((rs, row) -> new InCallFact(rs.getLong("volunteer_id"), instant(rs, "answered_at"),
					instant(rs, "ended_at")))
			.list();
	}

	private List<ConversationFact> conversations(Timestamp start, Timestamp end) {
		return this.jdbc.sql("""
				SELECT e.actor_id,
				       EXISTS (SELECT 1 FROM ticket_event c WHERE c.ticket_id = e.ticket_id AND c.type = 'CREATED'
				                 AND c.detail LIKE '% LIVE_CALL')
				       AND NOT EXISTS (SELECT 1 FROM ticket_event p WHERE p.ticket_id = e.ticket_id AND p.id < e.id
				                         AND p.type IN ('TURNED_INTO_CALLBACK', 'CALL_STARTED')) AS live
				FROM ticket_event e JOIN ticket t ON t.id = e.ticket_id
				WHERE e.occurred_at >= ? AND e.occurred_at < ? AND e.type = 'CALL_STARTED' AND e.actor_id IS NOT NULL
				  AND NOT t.practice""")
			.params(start, end)
			.query((rs, row) -> new ConversationFact(rs.getLong("actor_id"), rs.getBoolean("live")))
			.list();
	}

	private List<DialFact> dials(Timestamp start, Timestamp end) {
		return this.jdbc.sql("""
				SELECT c.volunteer_id, c.answered_at IS NOT NULL AS reached FROM telephony_call c
				WHERE c.started_at >= ? AND c.started_at < ? AND c.leg = 'CITIZEN' AND c.volunteer_id IS NOT NULL
				  AND """ + NOT_PRACTICE)
			.params(start, end)
			.query((rs, row) -> new DialFact(rs.getLong("volunteer_id"), rs.getBoolean("reached")))
			.list();
	}

	private List<ShiftFact> shifts() {
		return this.jdbc.sql("""
				SELECT s.account_id, s.day_of_week, s.starts, s.ends
				FROM volunteer_shift s JOIN volunteer v ON v.account_id = s.account_id
				JOIN account a ON a.id = v.account_id
				WHERE v.approved_at IS NOT NULL AND v.trained_at IS NOT NULL AND a.enabled""")
			.query((rs, row) -> new ShiftFact(rs.getLong("account_id"), DayOfWeek.of(rs.getInt("day_of_week")),
					rs.getTime("starts").toLocalTime(), rs.getTime("ends").toLocalTime()))
			.list();
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

}
