package fr.passerelle.ticket;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The ticket tables, in plain SQL: tickets are read for change with a row lock, written
 * back with a version check, and the timeline and notes are only ever appended to.
 */
@Repository
class TicketStore {

	private static final String COLUMNS = "id, reference, source, kind, topic_code, postcode, departement_code, "
			+ "region_code, phone_cipher, phone_hash, first_name, language, preferred_slots, priority, status, "
			+ "created_at, waiting_since, due_at, next_attempt_at, attempts, assignee_id, closed_at, earlier_ticket_id, version, "
			+ "practice";

	private final JdbcClient jdbc;

	TicketStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts a new ticket.
	 * @throws DuplicateKeyException when its reference is already taken
	 */
	Ticket insert(Ticket ticket) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc
			.sql("""
					INSERT INTO ticket (reference, source, kind, topic_code, postcode, departement_code, region_code,
					    phone_cipher, phone_hash, first_name, language, preferred_slots, priority, status, created_at,
					    waiting_since, due_at, next_attempt_at, attempts, assignee_id, closed_at, earlier_ticket_id, version,
					    practice)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)""")
			.params(ticket.reference.value(), ticket.source.name(), ticket.kind.name(), ticket.topicCode,
					ticket.postcode, ticket.departementCode, ticket.regionCode, ticket.phoneCipher, ticket.phoneHash,
					ticket.firstName, ticket.language, slots(ticket.preferredSlots), ticket.priority,
					ticket.status.name(), timestamp(ticket.createdAt), timestamp(ticket.waitingSince),
					timestamp(ticket.dueAt), timestamp(ticket.nextAttemptAt), ticket.attempts, ticket.assigneeId,
					timestamp(ticket.closedAt), ticket.earlierTicketId, ticket.practice)
			.update(key, "id");
		ticket.id = key.getKey().longValue();
		return ticket;
	}

	/**
	 * Writes back a ticket read with {@link #lock}.
	 */
	void updatePhoneCipher(long ticketId, byte[] cipher) {
		this.jdbc.sql("UPDATE ticket SET phone_cipher = ? WHERE id = ?").params(cipher, ticketId).update();
	}

	boolean isPractice(long ticketId) {
		return this.jdbc.sql("SELECT practice FROM ticket WHERE id = ?")
			.param(ticketId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	void update(Ticket ticket) {
		int updated = this.jdbc
			.sql("""
					UPDATE ticket SET status = ?, kind = ?, priority = ?, waiting_since = ?, due_at = ?, next_attempt_at = ?,
					    attempts = ?, assignee_id = ?, closed_at = ?, earlier_ticket_id = ?, version = version + 1
					WHERE id = ? AND version = ?""")
			.params(ticket.status.name(), ticket.kind.name(), ticket.priority, timestamp(ticket.waitingSince),
					timestamp(ticket.dueAt), timestamp(ticket.nextAttemptAt), ticket.attempts, ticket.assigneeId,
					timestamp(ticket.closedAt), ticket.earlierTicketId, ticket.id, ticket.version)
			.update();
		if (updated != 1) {
			throw new OptimisticLockingFailureException("Ticket " + ticket.id + " changed concurrently");
		}
		ticket.version++;
	}

	Optional<Ticket> find(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM ticket WHERE id = ?").param(id).query(this::map).optional();
	}

	/**
	 * Reads a ticket and locks its row until the end of the transaction.
	 */
	Optional<Ticket> lock(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM ticket WHERE id = ? FOR UPDATE")
			.param(id)
			.query(this::map)
			.optional();
	}

	/**
	 * Live calls of a région waiting for a volunteer (queued or offered).
	 */
	int waitingLiveCalls(String regionCode) {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM ticket
				WHERE kind = 'LIVE_CALL' AND status IN ('QUEUED', 'OFFERED') AND region_code = ?""")
			.param(regionCode)
			.query(Integer.class)
			.single();
	}

	/**
	 * Where a waiting live call stands among those of its région, in routing's order
	 * (priority, then waiting time): 1 for the first.
	 */
	int livePosition(Ticket ticket) {
		return this.jdbc.sql("""
				SELECT COUNT(*) + 1 FROM ticket
				WHERE kind = 'LIVE_CALL' AND status IN ('QUEUED', 'OFFERED') AND id <> :id AND region_code = :region
				  AND (priority > :priority OR (priority = :priority
				       AND (waiting_since < :since OR (waiting_since = :since AND id < :id))))""")
			.param("id", ticket.id)
			.param("region", ticket.regionCode)
			.param("priority", ticket.priority)
			.param("since", timestamp(ticket.waitingSince))
			.query(Integer.class)
			.single();
	}

	Optional<TicketStatus> status(long id) {
		return this.jdbc.sql("SELECT status FROM ticket WHERE id = ?")
			.param(id)
			.query((rs, row) -> TicketStatus.valueOf(rs.getString(1)))
			.optional();
	}

	Optional<Ticket> findByReference(TicketReference reference) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM ticket WHERE reference = ?")
			.param(reference.value())
			.query(this::map)
			.optional();
	}

	/**
	 * The tickets of one phone number created since {@code since}, newest first.
	 */
	List<Ticket> byPhoneSince(String phoneHash, Instant since) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM ticket WHERE phone_hash = ? AND created_at >= ? ORDER BY created_at DESC")
			.params(phoneHash, timestamp(since))
			.query(this::map)
			.list();
	}

	/**
	 * Scheduled callbacks whose time has come, locked for this transaction only (others
	 * skip them).
	 */
	List<Ticket> lockDueCallbacks(Instant now, int limit) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM ticket WHERE status = 'SCHEDULED' AND next_attempt_at <= ? "
					+ "ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED")
			.params(timestamp(now), limit)
			.query(this::map)
			.list();
	}

	/**
	 * The tickets a filter and a scope select, newest first.
	 */
	/**
	 * The tickets someone holds, the oldest first.
	 */
	List<Ticket> heldBy(long accountId) {
		return this.jdbc
			.sql("SELECT " + COLUMNS
					+ " FROM ticket WHERE assignee_id = ? AND status IN ('ASSIGNED', 'IN_CALL') ORDER BY id")
			.param(accountId)
			.query(this::map)
			.list();
	}

	List<Ticket> search(TicketFilter filter, TicketScope scope, int offset, int limit, boolean oldestFirst) {
		List<Object> params = new ArrayList<>();
		String where = conditions(filter, scope, params);
		params.add(limit);
		params.add(offset);
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM ticket t WHERE " + where
					+ (oldestFirst ? " ORDER BY created_at, id" : " ORDER BY created_at DESC, id DESC")
					+ " LIMIT ? OFFSET ?")
			.params(params)
			.query(this::map)
			.list();
	}

	long count(TicketFilter filter, TicketScope scope) {
		List<Object> params = new ArrayList<>();
		String where = conditions(filter, scope, params);
		return this.jdbc.sql("SELECT COUNT(*) FROM ticket t WHERE " + where).params(params).query(Long.class).single();
	}

	private static String conditions(TicketFilter filter, TicketScope scope, List<Object> params) {
		List<String> conditions = new ArrayList<>();
		conditions.add("1 = 1");
		if (filter.statuses() != null && !filter.statuses().isEmpty()) {
			conditions
				.add("t.status IN (" + String.join(",", Collections.nCopies(filter.statuses().size(), "?")) + ")");
			filter.statuses().forEach((status) -> params.add(status.name()));
		}
		addEquals(conditions, params, "t.topic_code", filter.topicCode());
		addEquals(conditions, params, "t.departement_code", filter.departementCode());
		addEquals(conditions, params, "t.region_code", filter.regionCode());
		addEquals(conditions, params, "t.reference", (filter.reference() != null) ? filter.reference().value() : null);
		if (filter.createdFrom() != null) {
			conditions.add("t.created_at >= ?");
			params.add(timestamp(filter.createdFrom()));
		}
		if (filter.createdBefore() != null) {
			conditions.add("t.created_at < ?");
			params.add(timestamp(filter.createdBefore()));
		}
		if (scope.regionCode() != null) {
			addEquals(conditions, params, "t.region_code", scope.regionCode());
		}
		if (scope.volunteerId() != null) {
			// requests in their hands or offered to them now, and those they worked on
			// (an offer alone is
			// no work)
			conditions.add("((t.assignee_id = ? AND t.status IN ('OFFERED', 'ASSIGNED', 'IN_CALL')) "
					+ "OR EXISTS (SELECT 1 FROM ticket_event e WHERE e.ticket_id = t.id AND e.actor_id = ? "
					+ "AND e.type NOT IN ('OFFERED', 'OFFER_DECLINED', 'OFFER_EXPIRED', 'VOLUNTEER_AWAY')))");
			params.add(scope.volunteerId());
			params.add(scope.volunteerId());
		}
		return String.join(" AND ", conditions);
	}

	private static void addEquals(List<String> conditions, List<Object> params, String column, Object value) {
		if (value != null) {
			conditions.add(column + " = ?");
			params.add(value);
		}
	}

	List<Long> idsByPhoneHashes(List<String> hashes) {
		return this.jdbc.sql("SELECT id FROM ticket WHERE phone_hash IN (:hashes) ORDER BY id")
			.param("hashes", hashes)
			.query(Long.class)
			.list();
	}

	private Ticket map(ResultSet rs, int row) throws SQLException {
		Ticket ticket = new Ticket();
		ticket.id = rs.getLong("id");
		ticket.reference = new TicketReference(rs.getString("reference"));
		ticket.source = TicketSource.valueOf(rs.getString("source"));
		ticket.kind = TicketKind.valueOf(rs.getString("kind"));
		ticket.topicCode = rs.getString("topic_code");
		ticket.postcode = rs.getString("postcode");
		ticket.departementCode = rs.getString("departement_code");
		ticket.regionCode = rs.getString("region_code");
		ticket.phoneCipher = rs.getBytes("phone_cipher");
		ticket.phoneHash = rs.getString("phone_hash");
		ticket.firstName = rs.getString("first_name");
		ticket.language = rs.getString("language");
		ticket.preferredSlots = parseSlots(rs.getString("preferred_slots"));
		ticket.priority = rs.getInt("priority");
		ticket.status = TicketStatus.valueOf(rs.getString("status"));
		ticket.createdAt = instant(rs, "created_at");
		ticket.waitingSince = instant(rs, "waiting_since");
		ticket.dueAt = instant(rs, "due_at");
		ticket.nextAttemptAt = instant(rs, "next_attempt_at");
		ticket.attempts = rs.getInt("attempts");
		ticket.assigneeId = nullableLong(rs, "assignee_id");
		ticket.assigneeBefore = ticket.assigneeId;
		ticket.closedAt = instant(rs, "closed_at");
		ticket.earlierTicketId = nullableLong(rs, "earlier_ticket_id");
		ticket.version = rs.getLong("version");
		ticket.practice = rs.getBoolean("practice");
		return ticket;
	}

	private static String slots(Set<TimeSlot> slots) {
		return slots.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
	}

	private static Set<TimeSlot> parseSlots(String slots) {
		if (slots == null || slots.isEmpty()) {
			return Set.of();
		}
		return Arrays.stream(slots.split(","))
			.map(TimeSlot::valueOf)
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(TimeSlot.class)));
	}

	static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	static Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

}
