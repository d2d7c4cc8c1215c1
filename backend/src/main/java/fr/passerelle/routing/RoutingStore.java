package fr.passerelle.routing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import fr.passerelle.ticket.TicketKind;
import fr.passerelle.ticket.TicketQueued;
import fr.passerelle.volunteer.RoutingProfile;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The routing index. Waiting entries are kept in claim order by one index: lane (live
 * calls first), urgency (higher priority first), then waiting time.
 */
@Repository
class RoutingStore {

	private static final String COLUMNS = "ticket_id, kind, topic_code, departement_code, region_code, language, "
			+ "priority, waiting_since, state, volunteer_id, offer_expires_at, practice";

	/**
	 * Claims must walk the claim-order index and stop at the first row: a locking read
	 * that sorts locks every row it sorts, so the index is forced rather than left to the
	 * optimizer's statistics of the moment.
	 */
	private static final String IN_CLAIM_ORDER = " FORCE INDEX (ix_routing_entry_order) ";

	private static final String CLAIM_ORDER = " ORDER BY lane, urgency, waiting_since, ticket_id";

	private final JdbcClient jdbc;

	RoutingStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void upsertWaiting(TicketQueued ticket) {
		this.jdbc.sql("""
				INSERT INTO routing_entry (ticket_id, kind, lane, topic_code, departement_code, region_code, language,
				    priority, urgency, waiting_since, state, practice)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'WAITING', ?)
				ON DUPLICATE KEY UPDATE kind = VALUES(kind), lane = VALUES(lane), priority = VALUES(priority),
				    urgency = VALUES(urgency), waiting_since = VALUES(waiting_since), state = 'WAITING',
				    volunteer_id = NULL, offer_expires_at = NULL""")
			.params(ticket.ticketId(), ticket.kind().name(), lane(ticket.kind()), ticket.topicCode(),
					ticket.departementCode(), ticket.regionCode(), ticket.language(), ticket.priority(),
					urgency(ticket.priority()), Timestamp.from(ticket.waitingSince()), ticket.practice())
			.update();
	}

	void changeKind(long ticketId, TicketKind kind) {
		this.jdbc.sql("UPDATE routing_entry SET kind = ?, lane = ? WHERE ticket_id = ?")
			.params(kind.name(), lane(kind), ticketId)
			.update();
	}

	Optional<Entry> lock(long ticketId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM routing_entry WHERE ticket_id = ? FOR UPDATE")
			.param(ticketId)
			.query(this::map)
			.optional();
	}

	/**
	 * Locks the entry if it is still waiting and nobody else holds it.
	 */
	Optional<Entry> tryLockWaiting(long ticketId) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM routing_entry WHERE ticket_id = ? AND state = 'WAITING' "
					+ "FOR UPDATE SKIP LOCKED")
			.param(ticketId)
			.query(this::map)
			.optional();
	}

	/**
	 * The first waiting entries this volunteer may take, in claim order, read without
	 * locking anything: a locking read would keep a lock on every row it passes over that
	 * does not fit (MariaDB does not release them), and claimers would block one another.
	 * {@link #tryLockWaiting} then locks one candidate precisely.
	 */
	List<Long> candidatesFor(RoutingProfile volunteer, Reach reach, Map<TicketKind, Instant> regionalCutoffs,
			Map<TicketKind, Instant> nationalCutoffs, boolean withoutSkipped, int limit) {
		List<Object> params = params(volunteer, reach, regionalCutoffs, nationalCutoffs);
		if (withoutSkipped) {
			params.add(volunteer.accountId());
		}
		params.add(limit);
		return this.jdbc
			.sql("SELECT ticket_id FROM routing_entry e" + IN_CLAIM_ORDER + "WHERE state = 'WAITING'"
					+ " AND topic_code IN (" + placeholders(volunteer.skills()) + ")" + " AND language IN ("
					+ placeholders(volunteer.languages()) + ")" + " AND (departement_code IN ("
					+ placeholders(reach.departements()) + ")" + "   OR (region_code IN ("
					+ placeholders(reach.regions()) + ") AND " + escalated() + ")" + "   OR (? AND " + escalated()
					+ "))" + (volunteer.practising() ? "" : " AND NOT practice")
					+ (withoutSkipped ? " AND NOT EXISTS (SELECT 1 FROM routing_skip k WHERE k.ticket_id = e.ticket_id"
							+ " AND k.volunteer_id = ?)" : "")
					+ CLAIM_ORDER + " LIMIT ?")
			.params(params)
			.query(Long.class)
			.list();
	}

	/**
	 * The first waiting entries, in claim order, without locking them.
	 */
	List<Entry> waiting(int limit) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM routing_entry WHERE state = 'WAITING'" + CLAIM_ORDER + " LIMIT ?")
			.param(limit)
			.query(this::map)
			.list();
	}

	List<Entry> lockExpiredOffers(Instant now, int limit) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM routing_entry WHERE offer_expires_at < ? AND state = 'OFFERED' "
					+ "ORDER BY offer_expires_at LIMIT ? FOR UPDATE SKIP LOCKED")
			.params(Timestamp.from(now), limit)
			.query(this::map)
			.list();
	}

	int load(long volunteerId) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM routing_entry WHERE volunteer_id = ? AND state IN ('OFFERED', 'HELD')")
			.param(volunteerId)
			.query(Integer.class)
			.single();
	}

	/**
	 * How many requests the volunteer holds, and whether they declined or let expire any
	 * that are still in the index, in one round trip.
	 */
	Load loadOf(long volunteerId) {
		return this.jdbc.sql("""
				SELECT (SELECT COUNT(*) FROM routing_entry WHERE volunteer_id = ? AND state IN ('OFFERED', 'HELD')),
				    EXISTS (SELECT 1 FROM routing_skip WHERE volunteer_id = ?)""")
			.params(volunteerId, volunteerId)
			.query((rs, row) -> new Load(rs.getInt(1), rs.getBoolean(2)))
			.single();
	}

	Map<Long, Integer> loads(Collection<Long> volunteerIds) {
		Map<Long, Integer> loads = new HashMap<>();
		if (volunteerIds.isEmpty()) {
			return loads;
		}
		this.jdbc
			.sql("SELECT volunteer_id, COUNT(*) FROM routing_entry WHERE state IN ('OFFERED', 'HELD') "
					+ "AND volunteer_id IN (" + placeholders(volunteerIds) + ") GROUP BY volunteer_id")
			.params(new ArrayList<>(volunteerIds))
			.query((rs, row) -> loads.put(rs.getLong(1), rs.getInt(2)))
			.list();
		return loads;
	}

	Set<Long> skipped(long ticketId) {
		return new HashSet<>(this.jdbc.sql("SELECT volunteer_id FROM routing_skip WHERE ticket_id = ?")
			.param(ticketId)
			.query(Long.class)
			.list());
	}

	void markOffered(long ticketId, long volunteerId, Instant expiresAt) {
		this.jdbc.sql(
				"UPDATE routing_entry SET state = 'OFFERED', volunteer_id = ?, offer_expires_at = ? WHERE ticket_id = ?")
			.params(volunteerId, Timestamp.from(expiresAt), ticketId)
			.update();
	}

	void markHeld(long ticketId, long volunteerId) {
		this.jdbc.sql(
				"UPDATE routing_entry SET state = 'HELD', volunteer_id = ?, offer_expires_at = NULL WHERE ticket_id = ?")
			.params(volunteerId, ticketId)
			.update();
	}

	void markWaiting(long ticketId) {
		this.jdbc
			.sql("UPDATE routing_entry SET state = 'WAITING', volunteer_id = NULL, offer_expires_at = NULL "
					+ "WHERE ticket_id = ?")
			.param(ticketId)
			.update();
	}

	void skip(long ticketId, long volunteerId) {
		this.jdbc.sql("INSERT IGNORE INTO routing_skip (ticket_id, volunteer_id) VALUES (?, ?)")
			.params(ticketId, volunteerId)
			.update();
	}

	void delete(long ticketId) {
		this.jdbc.sql("DELETE FROM routing_entry WHERE ticket_id = ?").param(ticketId).update();
		this.jdbc.sql("DELETE FROM routing_skip WHERE ticket_id = ?").param(ticketId).update();
	}

	static int lane(TicketKind kind) {
		return (kind == TicketKind.LIVE_CALL) ? 0 : 1;
	}

	static int urgency(int priority) {
		return 9 - Math.max(0, Math.min(9, priority));
	}

	private static String escalated() {
		return "((kind = 'LIVE_CALL' AND waiting_since <= ?) OR (kind = 'CALLBACK' AND waiting_since <= ?))";
	}

	private static List<Object> params(RoutingProfile volunteer, Reach reach, Map<TicketKind, Instant> regional,
			Map<TicketKind, Instant> national) {
		List<Object> params = new ArrayList<>();
		params.addAll(orNone(volunteer.skills()));
		params.addAll(orNone(volunteer.languages()));
		params.addAll(orNone(reach.departements()));
		params.addAll(orNone(reach.regions()));
		params.add(Timestamp.from(regional.get(TicketKind.LIVE_CALL)));
		params.add(Timestamp.from(regional.get(TicketKind.CALLBACK)));
		params.add(reach.national());
		params.add(Timestamp.from(national.get(TicketKind.LIVE_CALL)));
		params.add(Timestamp.from(national.get(TicketKind.CALLBACK)));
		return params;
	}

	/** An empty IN list is not SQL: a value no column holds stands in for it. */
	private static Collection<?> orNone(Collection<?> values) {
		return values.isEmpty() ? List.of("-") : values;
	}

	private static String placeholders(Collection<?> values) {
		return values.isEmpty() ? "?" : values.stream().map((v) -> "?").collect(Collectors.joining(","));
	}

	/**
	 * Requests not yet taken, counted by région, département, theme and kind.
	 */
	List<QueueFigure> figures() {
		return this.jdbc.sql("""
				SELECT region_code, departement_code, topic_code, kind, COUNT(*) AS waiting,
				       SUM(state = 'OFFERED') AS offered, MIN(waiting_since) AS oldest
				FROM routing_entry WHERE state IN ('WAITING', 'OFFERED')
				GROUP BY region_code, departement_code, topic_code, kind""")
			.query((rs, row) -> new QueueFigure(rs.getString("region_code"), rs.getString("departement_code"),
					rs.getString("topic_code"), TicketKind.valueOf(rs.getString("kind")), rs.getInt("waiting"),
					rs.getInt("offered"), rs.getTimestamp("oldest").toInstant()))
			.list();
	}

	List<PendingOffer> offersTo(long volunteerId) {
		return this.jdbc
			.sql("SELECT ticket_id, offer_expires_at FROM routing_entry WHERE volunteer_id = ? AND state = 'OFFERED' "
					+ "ORDER BY offer_expires_at, ticket_id")
			.param(volunteerId)
			.query((rs, row) -> new PendingOffer(rs.getLong(1), rs.getTimestamp(2).toInstant()))
			.list();
	}

	List<Entry> lockOffersTo(long volunteerId) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM routing_entry WHERE volunteer_id = ? AND state = 'OFFERED' FOR UPDATE")
			.param(volunteerId)
			.query(this::map)
			.list();
	}

	private Entry map(ResultSet rs, int row) throws SQLException {
		Long volunteer = rs.getObject("volunteer_id", Long.class);
		Timestamp expires = rs.getTimestamp("offer_expires_at");
		return new Entry(rs.getLong("ticket_id"), TicketKind.valueOf(rs.getString("kind")), rs.getString("topic_code"),
				rs.getString("departement_code"), rs.getString("region_code"), rs.getString("language"),
				rs.getInt("priority"), rs.getTimestamp("waiting_since").toInstant(),
				Entry.State.valueOf(rs.getString("state")), volunteer, (expires != null) ? expires.toInstant() : null,
				rs.getBoolean("practice"));
	}

}
