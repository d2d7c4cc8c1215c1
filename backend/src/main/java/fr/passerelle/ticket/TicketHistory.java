package fr.passerelle.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Where what happened to requests is kept: their timeline ({@code ticket_event}), notes
 * ({@code ticket_note}) and outcome forms ({@code ticket_outcome}), beside the requests
 * themselves ({@link TicketStore}).
 */
@Component
class TicketHistory {

	private final JdbcClient jdbc;

	TicketHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean hasEvent(long ticketId, String type) {
		return this.jdbc.sql("SELECT COUNT(*) FROM ticket_event WHERE ticket_id = ? AND type = ?")
			.params(ticketId, type)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Whether the latest event of these types on the ticket is this account's: a retried
	 * action of theirs, with nobody else's of the same kind since.
	 */

	boolean latestEventBy(long ticketId, long accountId, String... types) {
		return this.jdbc
			.sql("SELECT actor_id FROM ticket_event WHERE ticket_id = ? AND type IN ("
					+ String.join(",", Collections.nCopies(types.length, "?")) + ") ORDER BY id DESC LIMIT 1")
			.params(concat(ticketId, types))
			.query((rs, row) -> rs.getLong("actor_id"))
			.optional()
			.map((actor) -> actor == accountId)
			.orElse(false);
	}

	private static List<Object> concat(long ticketId, String... types) {
		List<Object> params = new ArrayList<>();
		params.add(ticketId);
		params.addAll(List.of(types));
		return params;
	}

	/**
	 * The latest note of an author on a ticket, to recognise the same note sent twice.
	 */

	Optional<Note> latestNote(long ticketId, long authorId) {
		return this.jdbc
			.sql("SELECT id, author_id, written_at, body FROM ticket_note WHERE ticket_id = ? AND author_id = ? "
					+ "ORDER BY id DESC LIMIT 1")
			.params(ticketId, authorId)
			.query((rs, row) -> new Note(rs.getLong("id"), rs.getLong("author_id"),
					TicketStore.instant(rs, "written_at"), rs.getString("body")))
			.optional();
	}

	void appendEvent(long ticketId, Instant at, Long actorId, String type, String detail) {
		this.jdbc
			.sql("INSERT INTO ticket_event (ticket_id, occurred_at, actor_id, type, detail) VALUES (?, ?, ?, ?, ?)")
			.params(ticketId, TicketStore.timestamp(at), actorId, type, detail)
			.update();
	}

	List<TimelineEntry> timeline(long ticketId) {
		return this.jdbc
			.sql("SELECT occurred_at, actor_id, type, detail FROM ticket_event WHERE ticket_id = ? ORDER BY id")
			.param(ticketId)
			.query((rs, row) -> new TimelineEntry(TicketStore.instant(rs, "occurred_at"),
					TicketStore.nullableLong(rs, "actor_id"), rs.getString("type"), rs.getString("detail")))
			.list();
	}

	Note appendNote(long ticketId, long authorId, Instant at, String body) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO ticket_note (ticket_id, author_id, written_at, body) VALUES (?, ?, ?, ?)")
			.params(ticketId, authorId, TicketStore.timestamp(at), body)
			.update(key, "id");
		return new Note(key.getKey().longValue(), authorId, at, body);
	}

	List<Note> notes(long ticketId) {
		return this.jdbc.sql("SELECT id, author_id, written_at, body FROM ticket_note WHERE ticket_id = ? ORDER BY id")
			.param(ticketId)
			.query((rs, row) -> new Note(rs.getLong("id"), rs.getLong("author_id"),
					TicketStore.instant(rs, "written_at"), rs.getString("body")))
			.list();
	}

	/**
	 * Records the outcome of a ticket, replacing the one of an earlier round (a citizen
	 * who had to come back).
	 */

	void saveOutcome(long ticketId, long volunteerId, Instant at, Outcome outcome) {
		this.jdbc.sql("""
				REPLACE INTO ticket_outcome (ticket_id, recorded_by, recorded_at, support_type, duration_minutes,
				    procedure_themes, support_themes, equipment, autonomy, completion, redirection)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(ticketId, volunteerId, TicketStore.timestamp(at), outcome.supportType().code(),
					outcome.durationMinutes(), codes(outcome.procedureThemes()), codes(outcome.supportThemes()),
					codes(outcome.equipment()), outcome.autonomy().code(), outcome.completion().code(),
					(outcome.redirection() != null) ? outcome.redirection().code() : null)
			.update();
	}

	Optional<Outcome> outcome(long ticketId) {
		return this.jdbc.sql("SELECT * FROM ticket_outcome WHERE ticket_id = ?")
			.param(ticketId)
			.query((rs, row) -> new Outcome(Outcome.fromCode(Outcome.SupportType.class, rs.getString("support_type")),
					rs.getInt("duration_minutes"),
					fromCodes(Outcome.ProcedureTheme.class, rs.getString("procedure_themes")),
					fromCodes(Outcome.SupportTheme.class, rs.getString("support_themes")),
					fromCodes(Outcome.Equipment.class, rs.getString("equipment")),
					Outcome.fromCode(Outcome.Autonomy.class, rs.getString("autonomy")),
					Outcome.fromCode(Outcome.Completion.class, rs.getString("completion")),
					(rs.getString("redirection") != null)
							? Outcome.fromCode(Outcome.Redirection.class, rs.getString("redirection")) : null))
			.optional();
	}

	private static String codes(Set<? extends Outcome.Coded> values) {
		return values.stream().map(Outcome.Coded::code).sorted().collect(Collectors.joining(","));
	}

	private static <E extends Enum<E> & Outcome.Coded> Set<E> fromCodes(Class<E> type, String codes) {
		if (codes == null || codes.isEmpty()) {
			return Set.of();
		}
		return Arrays.stream(codes.split(",")).map((code) -> Outcome.fromCode(type, code)).collect(Collectors.toSet());
	}

}
