package fr.passerelle.statistics;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The rollup tables: a day's cells written whole, and periods summed from them.
 */
@Repository
class RollupStore {

	private final JdbcTemplate jdbc;

	RollupStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Replaces what is kept of a day by these cells: the requests' and, unless
	 * {@code withCalls} is false (the calls' records are gone), the calls' and
	 * volunteers' too.
	 */
	void replace(DayCells cells, boolean withCalls) {
		Date day = Date.valueOf(cells.day);
		this.jdbc.update("DELETE FROM statistics_requests WHERE day = ?", day);
		this.jdbc.update("DELETE FROM statistics_outcomes WHERE day = ?", day);
		insertCells("statistics_requests", RequestMeasure.values(), day, cells.requests);
		List<Object[]> outcomes = new ArrayList<>();
		cells.outcomes.forEach((key, count) -> outcomes
			.add(new Object[] { day, key.scope(), key.question(), truncate(key.code(), 60), count }));
		this.jdbc.batchUpdate(
				"INSERT INTO statistics_outcomes (day, scope, question, code, requests) VALUES (?, ?, ?, ?, ?) "
						+ "ON DUPLICATE KEY UPDATE requests = requests + VALUES(requests)",
				outcomes);
		if (!withCalls) {
			return;
		}
		this.jdbc.update("DELETE FROM statistics_calls WHERE day = ?", day);
		this.jdbc.update("DELETE FROM statistics_waits WHERE day = ?", day);
		this.jdbc.update("DELETE FROM statistics_volunteers WHERE day = ?", day);
		insertCells("statistics_calls", CallMeasure.values(), day, cells.calls);
		List<Object[]> waits = new ArrayList<>();
		cells.waits.forEach((key, buckets) -> buckets.forEach((bucket, count) -> waits
			.add(new Object[] { day, key.scope(), String.valueOf(key.kind()), bucket, count })));
		this.jdbc.batchUpdate("INSERT INTO statistics_waits (day, scope, kind, bucket, calls) VALUES (?, ?, ?, ?, ?)",
				waits);
		String columns = columns(VolunteerMeasure.values());
		List<Object[]> volunteers = new ArrayList<>();
		cells.volunteers.forEach((id, volunteer) -> {
			List<Object> row = new ArrayList<>(List.of(day, id, volunteer.regionCode()));
			Arrays.stream(VolunteerMeasure.values()).forEach((m) -> row.add(volunteer.tally().get(m)));
			volunteers.add(row.toArray());
		});
		this.jdbc.batchUpdate("INSERT INTO statistics_volunteers (day, volunteer_id, region_code, " + columns
				+ ") VALUES (?, ?, ?" + ", ?".repeat(VolunteerMeasure.values().length) + ")", volunteers);
	}

	private <M extends Enum<M> & Measure> void insertCells(String table, M[] measures, Date day,
			Map<Cell, Tally<M>> cells) {
		List<Object[]> rows = new ArrayList<>();
		cells.forEach((cell, tally) -> {
			List<Object> row = new ArrayList<>(List.of(String.valueOf(cell.dim()), day, cell.scope(), cell.item()));
			Arrays.stream(measures).forEach((m) -> row.add(tally.get(m)));
			rows.add(row.toArray());
		});
		this.jdbc.batchUpdate("INSERT INTO " + table + " (dim, day, scope, item, " + columns(measures)
				+ ") VALUES (?, ?, ?, ?" + ", ?".repeat(measures.length) + ")", rows);
	}

	/**
	 * The cells of one breakdown ({@code dim}) over a period, summed by item (for
	 * {@link Cell#DAY}, by day).
	 * @param scope {@link Cell#NATIONAL} or a région's code; for départements, a région's
	 * code or {@code null} for all
	 */
	<M extends Enum<M> & Measure> Map<String, Tally<M>> cells(String table, Class<M> type, char dim, LocalDate from,
			LocalDate to, String scope, boolean byDay) {
		if (from.isAfter(to)) {
			return new LinkedHashMap<>();
		}
		M[] measures = type.getEnumConstants();
		String key = byDay ? "day" : "item";
		List<Object> params = new ArrayList<>(List.of(String.valueOf(dim), Date.valueOf(from), Date.valueOf(to)));
		String where = "dim = ? AND day BETWEEN ? AND ?";
		if (scope != null) {
			where += " AND scope = ?";
			params.add(scope);
		}
		String sql = "SELECT " + key + ", "
				+ Arrays.stream(measures).map(Measure::aggregate).collect(Collectors.joining(", ")) + " FROM " + table
				+ " WHERE " + where + " GROUP BY " + key;
		Map<String, Tally<M>> sums = new LinkedHashMap<>();
		this.jdbc.query(sql, (rs) -> {
			Tally<M> tally = new Tally<>(type);
			for (M measure : measures) {
				tally.add(measure, rs.getLong(measure.ordinal() + 2));
			}
			sums.put(rs.getString(1), tally);
		}, params.toArray());
		return sums;
	}

	/** The cells of one breakdown over a period, summed by scope. */
	<M extends Enum<M> & Measure> Map<String, Tally<M>> byScope(String table, Class<M> type, char dim, LocalDate from,
			LocalDate to) {
		Map<String, Tally<M>> sums = new LinkedHashMap<>();
		if (from.isAfter(to)) {
			return sums;
		}
		M[] measures = type.getEnumConstants();
		this.jdbc
			.query("SELECT scope, " + Arrays.stream(measures).map(Measure::aggregate).collect(Collectors.joining(", "))
					+ " FROM " + table + " WHERE dim = ? AND day BETWEEN ? AND ? GROUP BY scope", (rs) -> {
						Tally<M> tally = new Tally<>(type);
						for (M measure : measures) {
							tally.add(measure, rs.getLong(measure.ordinal() + 2));
						}
						sums.put(rs.getString(1), tally);
					}, String.valueOf(dim), Date.valueOf(from), Date.valueOf(to));
		return sums;
	}

	/** Waits of a kind over a period and scope, by bucket. */
	SortedMap<Integer, Long> waits(LocalDate from, LocalDate to, String scope, char kind) {
		SortedMap<Integer, Long> buckets = new TreeMap<>();
		if (!from.isAfter(to)) {
			this.jdbc.query("""
					SELECT bucket, SUM(calls) FROM statistics_waits
					WHERE scope = ? AND kind = ? AND day BETWEEN ? AND ? GROUP BY bucket""", (rs) -> {
				buckets.put(rs.getInt(1), rs.getLong(2));
			}, scope, String.valueOf(kind), Date.valueOf(from), Date.valueOf(to));
		}
		return buckets;
	}

	/** Waits of a kind over a period and scope, by day and bucket. */
	Map<String, SortedMap<Integer, Long>> waitsByDay(LocalDate from, LocalDate to, String scope, char kind) {
		Map<String, SortedMap<Integer, Long>> days = new TreeMap<>();
		if (!from.isAfter(to)) {
			this.jdbc.query("""
					SELECT day, bucket, calls FROM statistics_waits
					WHERE scope = ? AND kind = ? AND day BETWEEN ? AND ?""", (rs) -> {
				days.computeIfAbsent(rs.getString(1), (day) -> new TreeMap<>()).put(rs.getInt(2), rs.getLong(3));
			}, scope, String.valueOf(kind), Date.valueOf(from), Date.valueOf(to));
		}
		return days;
	}

	/** The hours of each day of a period ({@link Cell#HOUR} cells), by day and hour. */
	<M extends Enum<M> & Measure> Map<String, Map<String, Tally<M>>> hourCells(String table, Class<M> type,
			LocalDate from, LocalDate to, String scope) {
		Map<String, Map<String, Tally<M>>> days = new TreeMap<>();
		if (from.isAfter(to)) {
			return days;
		}
		M[] measures = type.getEnumConstants();
		this.jdbc.query("SELECT day, item, " + columns(measures) + " FROM " + table
				+ " WHERE dim = 'H' AND scope = ? AND day BETWEEN ? AND ?", (rs) -> {
					Tally<M> tally = new Tally<>(type);
					for (M measure : measures) {
						tally.add(measure, rs.getLong(measure.ordinal() + 3));
					}
					days.computeIfAbsent(rs.getString(1), (day) -> new TreeMap<>()).put(rs.getString(2), tally);
				}, scope, Date.valueOf(from), Date.valueOf(to));
		return days;
	}

	/** The outcome forms' answers over a period: by question, by code. */
	Map<String, Map<String, Long>> outcomes(LocalDate from, LocalDate to, String scope) {
		Map<String, Map<String, Long>> answers = new TreeMap<>();
		if (!from.isAfter(to)) {
			this.jdbc.query("""
					SELECT question, code, SUM(requests) FROM statistics_outcomes
					WHERE scope = ? AND day BETWEEN ? AND ? GROUP BY question, code""", (rs) -> {
				answers.computeIfAbsent(rs.getString(1), (question) -> new TreeMap<>())
					.put(rs.getString(2), rs.getLong(3));
			}, scope, Date.valueOf(from), Date.valueOf(to));
		}
		return answers;
	}

	/**
	 * Sums each volunteer's days of a month (one that has ended) into their month's line.
	 * @param month its first day
	 */
	void sumVolunteerMonth(LocalDate month) {
		VolunteerMeasure[] measures = VolunteerMeasure.values();
		this.jdbc.update("DELETE FROM statistics_volunteer_months WHERE month = ?", Date.valueOf(month));
		this.jdbc.update(
				"INSERT INTO statistics_volunteer_months (month, volunteer_id, region_code, " + columns(measures)
						+ ") SELECT ?, volunteer_id, region_code, "
						+ Arrays.stream(measures).map(Measure::aggregate).collect(Collectors.joining(", "))
						+ " FROM statistics_volunteers WHERE day BETWEEN ? AND ? GROUP BY volunteer_id, region_code",
				Date.valueOf(month), Date.valueOf(month), Date.valueOf(month.plusMonths(1).minusDays(1)));
	}

	/**
	 * Volunteers' days over a period, summed by volunteer.
	 * @param regionCode the volunteers of a région, or {@code null} for all
	 * @param volunteerId one volunteer, or {@code null} for all
	 */
	Map<Long, Tally<VolunteerMeasure>> volunteers(LocalDate from, LocalDate to, String regionCode, Long volunteerId) {
		Map<Long, Tally<VolunteerMeasure>> sums = new LinkedHashMap<>();
		volunteerSums(from, to, regionCode, volunteerId, true, (id, tally) -> sums.put(id, tally));
		return sums;
	}

	/**
	 * Every volunteer's days over a period, summed (with the anonymous lines of the days
	 * whose volunteers are forgotten).
	 * @param regionCode the volunteers of a région, or {@code null} for all
	 */
	Tally<VolunteerMeasure> volunteerTotals(LocalDate from, LocalDate to, String regionCode) {
		Tally<VolunteerMeasure> totals = new Tally<>(VolunteerMeasure.class);
		volunteerSums(from, to, regionCode, null, false, (id, tally) -> totals.merge(tally));
		return totals;
	}

	/**
	 * Reads the whole months of a period from the volunteers' monthly lines where they
	 * are summed, and the other days from the daily lines, in one query.
	 */
	private void volunteerSums(LocalDate from, LocalDate to, String regionCode, Long volunteerId, boolean byVolunteer,
			BiConsumer<Long, Tally<VolunteerMeasure>> each) {
		if (from.isAfter(to)) {
			return;
		}
		List<Date> summed = this.jdbc.queryForList(
				"SELECT volunteer_months_until FROM statistics_rollup_state WHERE id = 1 AND volunteer_months_until IS NOT NULL",
				Date.class);
		VolunteerMonths.Split split = VolunteerMonths.split(from, to,
				summed.isEmpty() ? null : summed.get(0).toLocalDate());
		VolunteerMeasure[] measures = VolunteerMeasure.values();
		String filter = ((regionCode != null) ? " AND region_code = ?" : "")
				+ ((volunteerId != null) ? " AND volunteer_id = ?" : "");
		List<String> parts = new ArrayList<>();
		List<Object> params = new ArrayList<>();
		if (split.months() != null) {
			parts.add("SELECT volunteer_id, " + columns(measures)
					+ " FROM statistics_volunteer_months WHERE month BETWEEN ? AND ?" + filter);
			params.add(Date.valueOf(split.months().from()));
			params.add(Date.valueOf(split.months().to()));
			addFilter(params, regionCode, volunteerId);
		}
		for (Period days : split.days()) {
			parts.add("SELECT volunteer_id, " + columns(measures)
					+ " FROM statistics_volunteers WHERE day BETWEEN ? AND ?" + filter);
			params.add(Date.valueOf(days.from()));
			params.add(Date.valueOf(days.to()));
			addFilter(params, regionCode, volunteerId);
		}
		String sums = Arrays.stream(measures).map(Measure::aggregate).collect(Collectors.joining(", "));
		String sql = "SELECT " + (byVolunteer ? "volunteer_id" : "0") + ", " + sums + " FROM ("
				+ String.join(" UNION ALL ", parts) + ") v" + (byVolunteer ? " GROUP BY volunteer_id" : "");
		this.jdbc.query(sql, (rs) -> {
			Tally<VolunteerMeasure> tally = new Tally<>(VolunteerMeasure.class);
			for (VolunteerMeasure measure : measures) {
				tally.add(measure, rs.getLong(measure.ordinal() + 2));
			}
			each.accept(rs.getLong(1), tally);
		}, params.toArray());
	}

	private static void addFilter(List<Object> params, String regionCode, Long volunteerId) {
		if (regionCode != null) {
			params.add(regionCode);
		}
		if (volunteerId != null) {
			params.add(volunteerId);
		}
	}

	private static String columns(Measure[] measures) {
		return Arrays.stream(measures).map(Measure::column).collect(Collectors.joining(", "));
	}

	private static String truncate(String text, int length) {
		return (text.length() <= length) ? text : text.substring(0, length);
	}

}
