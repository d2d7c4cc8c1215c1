package fr.passerelle.volunteer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where volunteers are kept: their profile, what routing matches against, their presence
 * and their shifts (the {@code volunteer*} tables). The services around it decide; it
 * reads and writes.
 */
@Component
class VolunteerStore {

	/**
	 * How a presence row is read: as it is, locked, or locked unless someone else holds
	 * it.
	 */
	enum Lock {

		NONE(""), FOR_UPDATE(" FOR UPDATE"), SKIP_LOCKED(" FOR UPDATE SKIP LOCKED");

		private final String clause;

		Lock(String clause) {
			this.clause = clause;
		}

	}

	private final JdbcClient jdbc;

	VolunteerStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<PresenceState> presence(long accountId, Lock lock) {
		return this.jdbc
			.sql("SELECT account_id, status, since, idle_since, wrap_up_until FROM volunteer_presence "
					+ "WHERE account_id = ?" + lock.clause)
			.param(accountId)
			.query(VolunteerStore::mapPresence)
			.optional();
	}

	void writePresence(long accountId, Presence status, Instant since, Instant idleSince) {
		this.jdbc.sql("UPDATE volunteer_presence SET status = ?, since = ?, idle_since = ? WHERE account_id = ?")
			.params(status.name(), Timestamp.from(since), (idleSince != null) ? Timestamp.from(idleSince) : null,
					accountId)
			.update();
	}

	/**
	 * @return whether the volunteer has a presence row to hold it
	 */
	boolean wrapUpUntil(long accountId, Instant until) {
		return this.jdbc.sql("UPDATE volunteer_presence SET wrap_up_until = ? WHERE account_id = ?")
			.params((until != null) ? Timestamp.from(until) : null, accountId)
			.update() > 0;
	}

	/**
	 * Routing profiles of the volunteers a condition on {@code v} (volunteer) and
	 * {@code p} (presence) selects, the longest idle first.
	 */
	List<RoutingProfile> profiles(String condition, Object... params) {
		List<RoutingProfile> profiles = this.jdbc.sql("""
				SELECT v.account_id, v.departement_code, d.region_code, v.languages, v.capacity, v.serves_nationally,
				       v.approved_at IS NOT NULL AND v.trained_at IS NOT NULL AS qualified,
				       v.phone_cipher IS NOT NULL AS reachable_by_phone, v.training_phone
				FROM volunteer v JOIN volunteer_presence p ON p.account_id = v.account_id
				JOIN departement d ON d.code = v.departement_code
				""" + "WHERE " + condition + " ORDER BY p.idle_since, v.account_id")
			.params(params)
			.query((rs, row) -> new RoutingProfile(rs.getLong("account_id"), rs.getString("departement_code"),
					rs.getString("region_code"), Set.of(), Set.of(rs.getString("languages").split(",")),
					rs.getInt("capacity"), Set.of(), Set.of(), rs.getBoolean("serves_nationally"),
					rs.getBoolean("qualified"), rs.getBoolean("reachable_by_phone"), rs.getBoolean("training_phone")))
			.list();
		if (profiles.isEmpty()) {
			return profiles;
		}
		Map<Long, Set<String>> skills = new HashMap<>();
		Map<Long, Set<String>> departements = new HashMap<>();
		Map<Long, Set<String>> regions = new HashMap<>();
		String ids = profiles.stream().map((p) -> String.valueOf(p.accountId())).collect(Collectors.joining(","));
		this.jdbc.sql("SELECT account_id, topic_code FROM volunteer_skill WHERE account_id IN (" + ids + ")")
			.query((rs, row) -> skills.computeIfAbsent(rs.getLong(1), (id) -> new TreeSet<>()).add(rs.getString(2)))
			.list();
		this.jdbc.sql("SELECT account_id, kind, code FROM volunteer_territory WHERE account_id IN (" + ids + ")")
			.query((rs, row) -> ("D".equals(rs.getString(2)) ? departements : regions)
				.computeIfAbsent(rs.getLong(1), (id) -> new TreeSet<>())
				.add(rs.getString(3)))
			.list();
		List<RoutingProfile> complete = new ArrayList<>(profiles.size());
		for (RoutingProfile p : profiles) {
			complete.add(new RoutingProfile(p.accountId(), p.departementCode(), p.regionCode(),
					Set.copyOf(skills.getOrDefault(p.accountId(), Set.of())), p.languages(), p.capacity(),
					Set.copyOf(departements.getOrDefault(p.accountId(), Set.of())),
					Set.copyOf(regions.getOrDefault(p.accountId(), Set.of())), p.servesNationally(), p.qualified(),
					p.reachableByPhone(), p.practising()));
		}
		return complete;
	}

	Set<String> skills(long accountId) {
		return new TreeSet<>(this.jdbc.sql("SELECT topic_code FROM volunteer_skill WHERE account_id = ?")
			.param(accountId)
			.query(String.class)
			.list());
	}

	void replaceSkills(long accountId, Set<String> skills) {
		this.jdbc.sql("DELETE FROM volunteer_skill WHERE account_id = ?").param(accountId).update();
		for (String skill : skills) {
			this.jdbc.sql("INSERT INTO volunteer_skill (account_id, topic_code) VALUES (?, ?)")
				.params(accountId, skill)
				.update();
		}
	}

	List<Shift> shifts(long accountId) {
		return this.jdbc.sql(
				"SELECT day_of_week, starts, ends FROM volunteer_shift WHERE account_id = ? ORDER BY day_of_week, starts")
			.param(accountId)
			.query((rs, row) -> new Shift(DayOfWeek.of(rs.getInt("day_of_week")), rs.getTime("starts").toLocalTime(),
					rs.getTime("ends").toLocalTime()))
			.list();
	}

	void replaceShifts(long accountId, List<Shift> shifts, boolean availableAtShiftStart) {
		this.jdbc.sql("DELETE FROM volunteer_shift WHERE account_id = ?").param(accountId).update();
		for (Shift shift : shifts) {
			this.jdbc.sql("INSERT INTO volunteer_shift (account_id, day_of_week, starts, ends) VALUES (?, ?, ?, ?)")
				.params(accountId, shift.day().getValue(), shift.starts(), shift.ends())
				.update();
		}
		this.jdbc.sql("UPDATE volunteer SET available_at_shift_start = ? WHERE account_id = ?")
			.params(availableAtShiftStart, accountId)
			.update();
	}

	boolean availableAtShiftStart(long accountId) {
		return this.jdbc.sql("SELECT available_at_shift_start FROM volunteer WHERE account_id = ?")
			.param(accountId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/**
	 * A shift of a qualified volunteer, offline, who goes available when their shifts
	 * start.
	 */
	record ShiftStart(long accountId, int dayOfWeek, int startSecond, String departementCode) {
	}

	List<ShiftStart> shiftsOfVolunteersWaitingForThem() {
		return this.jdbc.sql("""
				SELECT v.account_id, s.day_of_week, TIME_TO_SEC(s.starts) AS starts, v.departement_code
				FROM volunteer v JOIN volunteer_shift s ON s.account_id = v.account_id
				JOIN volunteer_presence p ON p.account_id = v.account_id
				WHERE v.available_at_shift_start AND p.status = 'OFFLINE'
				  AND v.approved_at IS NOT NULL AND v.trained_at IS NOT NULL""")
			.query((rs, row) -> new ShiftStart(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getString(4)))
			.list();
	}

	private static PresenceState mapPresence(ResultSet rs, int row) throws SQLException {
		Timestamp idle = rs.getTimestamp("idle_since");
		Timestamp wrapUp = rs.getTimestamp("wrap_up_until");
		return new PresenceState(rs.getLong("account_id"), Presence.valueOf(rs.getString("status")),
				rs.getTimestamp("since").toInstant(), (idle != null) ? idle.toInstant() : null,
				(wrapUp != null) ? wrapUp.toInstant() : null);
	}

}
