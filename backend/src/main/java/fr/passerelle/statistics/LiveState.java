package fr.passerelle.statistics;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.passerelle.territory.Departement;
import fr.passerelle.territory.Territories;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * What stands now, for the wallboard: the requests waiting (practice left out) and where
 * each volunteer who may take calls is.
 */
@Repository
class LiveState {

	private final JdbcClient jdbc;

	private final Territories territories;

	LiveState(JdbcClient jdbc, Territories territories) {
		this.jdbc = jdbc;
		this.territories = territories;
	}

	@Transactional(readOnly = true)
	Snapshot read(Instant now) {
		List<Waiting> waiting = this.jdbc.sql("""
				SELECT r.kind, r.region_code, r.departement_code, COUNT(*) AS waiting, MIN(r.waiting_since) AS oldest
				FROM routing_entry r JOIN ticket t ON t.id = r.ticket_id
				WHERE r.state IN ('WAITING', 'OFFERED') AND NOT t.practice
				GROUP BY r.kind, r.region_code, r.departement_code""")
			.query((rs, row) -> new Waiting(rs.getString("kind").equals("LIVE_CALL"), rs.getString("region_code"),
					rs.getString("departement_code"), rs.getInt("waiting"), rs.getTimestamp("oldest").toInstant()))
			.list();
		Map<Long, List<long[]>> shifts = new HashMap<>();
		this.jdbc.sql("SELECT account_id, day_of_week, TIME_TO_SEC(starts), TIME_TO_SEC(ends) FROM volunteer_shift")
			.query((rs, row) -> shifts.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>())
				.add(new long[] { rs.getInt(2), rs.getInt(3), rs.getInt(4) }))
			.list();
		List<VolunteerNow> volunteers = this.jdbc.sql("""
				SELECT v.account_id, v.departement_code, p.status,
				       p.wrap_up_until IS NOT NULL AND p.wrap_up_until > ? AS wrapping_up,
				       EXISTS (SELECT 1 FROM ticket t WHERE t.assignee_id = v.account_id AND t.status = 'IN_CALL'
				                 AND NOT t.practice) AS in_call
				FROM volunteer v JOIN volunteer_presence p ON p.account_id = v.account_id
				JOIN account a ON a.id = v.account_id
				WHERE v.approved_at IS NOT NULL AND v.trained_at IS NOT NULL AND a.enabled""")
			.param(Timestamp.from(now))
			.query((rs, row) -> {
				long id = rs.getLong("account_id");
				Departement departement = this.territories.departement(rs.getString("departement_code")).orElseThrow();
				return new VolunteerNow(departement.regionCode(), departement.code(),
						state(rs.getString("status"), rs.getBoolean("wrapping_up"), rs.getBoolean("in_call"),
								onShift(shifts.getOrDefault(id, List.of()), now.atZone(departement.timeZone()))));
			})
			.list();
		return new Snapshot(waiting, volunteers);
	}

	private static VolunteerState state(String presence, boolean wrappingUp, boolean inCall, boolean onShift) {
		if (inCall) {
			return VolunteerState.IN_CALL;
		}
		return switch (presence) {
			case "AVAILABLE" -> wrappingUp ? VolunteerState.WRAP_UP : VolunteerState.AVAILABLE;
			case "BUSY" -> VolunteerState.WRAP_UP;
			case "PAUSED" -> VolunteerState.ON_BREAK;
			default -> onShift ? VolunteerState.ON_SHIFT_OFFLINE : VolunteerState.OFFLINE;
		};
	}

	private static boolean onShift(List<long[]> shifts, ZonedDateTime local) {
		DayOfWeek day = local.getDayOfWeek();
		int second = LocalTime.from(local).toSecondOfDay();
		return shifts.stream().anyMatch((s) -> s[0] == day.getValue() && second >= s[1] && second < s[2]);
	}

	/**
	 * Requests waiting in one département, of one kind.
	 *
	 * @param live a caller on the line, rather than a callback
	 * @param oldest since when the oldest has waited
	 */
	record Waiting(boolean live, String regionCode, String departementCode, int count, Instant oldest) {
	}

	record VolunteerNow(String regionCode, String departementCode, VolunteerState state) {
	}

	record Snapshot(List<Waiting> waiting, List<VolunteerNow> volunteers) {
	}

	/**
	 * Where a volunteer who may take calls is now: available, on the phone, finishing a
	 * request (wrap-up, or holding as many as they can without being on the phone), on a
	 * break, offline during one of their shifts, or offline.
	 */
	enum VolunteerState {

		AVAILABLE, IN_CALL, WRAP_UP, ON_BREAK, ON_SHIFT_OFFLINE, OFFLINE

	}

}
