package fr.passerelle.statistics;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.StaffAccount;
import fr.passerelle.statistics.DayCells.OutcomeKey;
import fr.passerelle.statistics.DayCells.WaitKey;

import org.springframework.stereotype.Service;

/**
 * The figures of a period broken down by day, hour of the week, theme, département or
 * volunteer, and the outcome forms summed up: the rollups of the past days, and today
 * counted from the records, as for the summary.
 */
@Service
class Breakdowns {

	private final RollupStore store;

	private final TodayFigures todayFigures;

	private final AccountManagement accounts;

	private final Targets targets;

	private final Clock clock;

	Breakdowns(RollupStore store, TodayFigures todayFigures, AccountManagement accounts, Targets targets, Clock clock) {
		this.targets = targets;
		this.store = store;
		this.todayFigures = todayFigures;
		this.accounts = accounts;
		this.clock = clock;
	}

	/** Each day of the period, with its service level and waits. */
	List<Row> byDay(Period period, Scope scope) {
		Span span = span(period);
		Map<String, Tally<CallMeasure>> calls = this.store.cells("statistics_calls", CallMeasure.class, Cell.DAY,
				period.from(), span.lastKept(), scope.key(), true);
		Map<String, Tally<RequestMeasure>> requests = this.store.cells("statistics_requests", RequestMeasure.class,
				Cell.DAY, period.from(), span.lastKept(), scope.key(), true);
		Map<String, SortedMap<Integer, Long>> answered = this.store.waitsByDay(period.from(), span.lastKept(),
				scope.key(), WaitKey.ANSWERED);
		Map<String, SortedMap<Integer, Long>> abandoned = this.store.waitsByDay(period.from(), span.lastKept(),
				scope.key(), WaitKey.ABANDONED);
		if (span.live() != null) {
			String today = span.today().toString();
			merge(calls, today, span.live().calls.get(Cell.day(scope.key())));
			merge(requests, today, span.live().requests.get(Cell.day(scope.key())));
			answered.put(today, waits(span.live(), scope, WaitKey.ANSWERED));
			abandoned.put(today, waits(span.live(), scope, WaitKey.ABANDONED));
		}
		List<Row> rows = new ArrayList<>();
		for (LocalDate day = period.from(); !day.isAfter(period.to()); day = day.plusDays(1)) {
			String key = day.toString();
			rows.add(Row.of(key, calls.get(key), requests.get(key), answered.getOrDefault(key, new TreeMap<>()),
					abandoned.getOrDefault(key, new TreeMap<>()), span.threshold()));
		}
		return rows;
	}

	/** Each theme that had calls or requests. */
	List<Row> byTheme(Period period, Scope scope) {
		return byItem(period, scope, Cell.THEME, scope.key(), (cell) -> cell.scope().equals(scope.key()));
	}

	/** Each département (of the région, for a région) that had calls or requests. */
	List<Row> byDepartement(Period period, Scope scope) {
		return byItem(period, scope, Cell.DEPARTEMENT, scope.regionCode(),
				(cell) -> scope.regionCode() == null || cell.scope().equals(scope.regionCode()));
	}

	/**
	 * Each hour of the week (Monday 00 to Sunday 23, Paris time) over the period: demand,
	 * what was missed, and the volunteers on shift and available then, on average.
	 */
	List<HourRow> byHourOfWeek(Period period, Scope scope) {
		Span span = span(period);
		Map<String, Map<String, Tally<CallMeasure>>> calls = this.store.hourCells("statistics_calls", CallMeasure.class,
				period.from(), span.lastKept(), scope.key());
		Map<String, Map<String, Tally<RequestMeasure>>> requests = this.store.hourCells("statistics_requests",
				RequestMeasure.class, period.from(), span.lastKept(), scope.key());
		if (span.live() != null) {
			String today = span.today().toString();
			span.live().calls.forEach((cell, tally) -> {
				if (cell.dim() == Cell.HOUR && cell.scope().equals(scope.key())) {
					merge(calls.computeIfAbsent(today, (d) -> new TreeMap<>()), cell.item(), tally);
				}
			});
			span.live().requests.forEach((cell, tally) -> {
				if (cell.dim() == Cell.HOUR && cell.scope().equals(scope.key())) {
					merge(requests.computeIfAbsent(today, (d) -> new TreeMap<>()), cell.item(), tally);
				}
			});
		}
		Map<String, Tally<CallMeasure>> callsByHour = new TreeMap<>();
		Map<String, Tally<RequestMeasure>> requestsByHour = new TreeMap<>();
		Map<DayOfWeek, Integer> days = new TreeMap<>();
		for (LocalDate day = period.from(); !day.isAfter(period.to()); day = day.plusDays(1)) {
			days.merge(day.getDayOfWeek(), 1, Integer::sum);
			String prefix = day.getDayOfWeek().getValue() + "-";
			calls.getOrDefault(day.toString(), Map.of())
				.forEach((hour, tally) -> merge(callsByHour, prefix + hour, tally));
			requests.getOrDefault(day.toString(), Map.of())
				.forEach((hour, tally) -> merge(requestsByHour, prefix + hour, tally));
		}
		List<HourRow> rows = new ArrayList<>();
		for (DayOfWeek dayOfWeek : DayOfWeek.values()) {
			for (int hour = 0; hour < 24; hour++) {
				String key = dayOfWeek.getValue() + "-" + String.format("%02d", hour);
				rows.add(HourRow.of(dayOfWeek, hour, days.getOrDefault(dayOfWeek, 0), callsByHour.get(key),
						requestsByHour.get(key)));
			}
		}
		return rows;
	}

	/**
	 * Each volunteer who worked during the period (of the région, for a région), by name;
	 * the days older than 13 months count only in the totals.
	 */
	List<VolunteerRow> byVolunteer(Period period, Scope scope) {
		return volunteers(period, scope.regionCode(), null);
	}

	/** One volunteer's own line. */
	VolunteerRow ofVolunteer(Period period, long volunteerId) {
		return volunteers(period, null, volunteerId).stream()
			.findFirst()
			.orElseGet(() -> VolunteerRow.of(volunteerId, null, new Tally<>(VolunteerMeasure.class)));
	}

	/** The outcome forms of the period's requests: how often each code was chosen. */
	Outcomes outcomes(Period period, Scope scope) {
		Span span = span(period);
		Map<String, Map<String, Long>> answers = this.store.outcomes(period.from(), span.lastKept(), scope.key());
		if (span.live() != null) {
			span.live().outcomes.forEach((OutcomeKey key, Long count) -> {
				if (key.scope().equals(scope.key())) {
					answers.computeIfAbsent(key.question(), (q) -> new TreeMap<>()).merge(key.code(), count, Long::sum);
				}
			});
		}
		long forms = answers.getOrDefault(FactsReader.FORM, Map.of()).getOrDefault(FactsReader.RECORDED, 0L);
		answers.remove(FactsReader.FORM);
		return new Outcomes(forms, answers);
	}

	/**
	 * @param volunteerId one volunteer's line, or {@code null} for everyone's
	 */
	private List<VolunteerRow> volunteers(Period period, String regionCode, Long volunteerId) {
		Span span = span(period);
		Map<Long, Tally<VolunteerMeasure>> days = this.store.volunteers(period.from(), span.lastKept(), regionCode,
				volunteerId);
		if (span.live() != null) {
			span.live().volunteers.forEach((id, volunteer) -> {
				if ((regionCode == null || regionCode.equals(volunteer.regionCode()))
						&& (volunteerId == null || volunteerId.equals(id))) {
					days.computeIfAbsent(id, (key) -> new Tally<>(VolunteerMeasure.class)).merge(volunteer.tally());
				}
			});
		}
		days.remove(0L);
		Map<Long, StaffAccount> names = this.accounts.findAll(days.keySet());
		return days.entrySet()
			.stream()
			.map((entry) -> VolunteerRow.of(entry.getKey(),
					names.containsKey(entry.getKey()) ? names.get(entry.getKey()).displayName() : null,
					entry.getValue()))
			.sorted(Comparator.comparing(VolunteerRow::name, Comparator.nullsLast(Comparator.naturalOrder()))
				.thenComparing(VolunteerRow::id))
			.toList();
	}

	private List<Row> byItem(Period period, Scope scope, char dim, String storeScope, Predicate<Cell> liveCell) {
		Span span = span(period);
		Map<String, Tally<CallMeasure>> calls = this.store.cells("statistics_calls", CallMeasure.class, dim,
				period.from(), span.lastKept(), storeScope, false);
		Map<String, Tally<RequestMeasure>> requests = this.store.cells("statistics_requests", RequestMeasure.class, dim,
				period.from(), span.lastKept(), storeScope, false);
		if (span.live() != null) {
			span.live().calls.forEach((cell, tally) -> {
				if (cell.dim() == dim && liveCell.test(cell)) {
					merge(calls, cell.item(), tally);
				}
			});
			span.live().requests.forEach((cell, tally) -> {
				if (cell.dim() == dim && liveCell.test(cell)) {
					merge(requests, cell.item(), tally);
				}
			});
		}
		Map<String, Row> rows = new TreeMap<>();
		for (String key : union(calls.keySet(), requests.keySet())) {
			Row row = Row.of(key, calls.get(key), requests.get(key), null, null, span.threshold());
			if (row.calls() > 0 || row.requests() > 0) {
				rows.put(key, row);
			}
		}
		return new ArrayList<>(rows.values());
	}

	private Span span(Period period) {
		LocalDate today = ParisTime.day(this.clock.instant());
		LocalDate lastKept = period.to().isBefore(today) ? period.to() : today.minusDays(1);
		boolean includesToday = !period.from().isAfter(today) && !period.to().isBefore(today);
		return new Span(today, lastKept, includesToday ? this.todayFigures.read().cells() : null,
				this.targets.current().serviceLevelThresholdSeconds());
	}

	private static SortedMap<Integer, Long> waits(DayCells live, Scope scope, char kind) {
		SortedMap<Integer, Long> waits = live.waits.get(new WaitKey(scope.key(), kind));
		return (waits != null) ? waits : new TreeMap<>();
	}

	private static <M extends Enum<M> & Measure> void merge(Map<String, Tally<M>> into, String key, Tally<M> more) {
		if (more != null) {
			Tally<M> tally = into.get(key);
			if (tally == null) {
				into.put(key, more);
			}
			else {
				tally.merge(more);
			}
		}
	}

	private static List<String> union(Set<String> a, Set<String> b) {
		Set<String> all = new TreeSet<>(a);
		all.addAll(b);
		return new ArrayList<>(all);
	}

	/**
	 * @param lastKept the last day read from the rollups
	 * @param live today's figures, when the period includes today
	 */
	private record Span(LocalDate today, LocalDate lastKept, DayCells live, int threshold) {
	}

	/**
	 * The figures of one day, theme or département. The service level and the waits'
	 * percentiles are known by day only.
	 */
	record Row(String key, long calls, long offered, long answered, long abandoned, long shortAbandoned,
			Double abandonmentRate, Double serviceLevel, Double meanWaitSeconds, Integer p90WaitSeconds,
			Integer maxWaitSeconds, long missed, long requests, long callbackRequests, Double firstAttemptWithin24hRate,
			long closedRequests, Double resolutionRate, Double redirectionRate, long repeatCallers) {

		static Row of(String key, Tally<CallMeasure> calls, Tally<RequestMeasure> requests,
				SortedMap<Integer, Long> answeredWaits, SortedMap<Integer, Long> abandonedWaits, int threshold) {
			Tally<CallMeasure> c = (calls != null) ? calls : new Tally<>(CallMeasure.class);
			Tally<RequestMeasure> r = (requests != null) ? requests : new Tally<>(RequestMeasure.class);
			long answered = c.get(CallMeasure.ANSWERED);
			long offered = c.get(CallMeasure.OFFERED);
			long closed = r.get(RequestMeasure.CLOSED);
			boolean waits = answeredWaits != null;
			return new Row(key, c.get(CallMeasure.CALLS), offered, answered, c.get(CallMeasure.ABANDONED),
					c.get(CallMeasure.SHORT_ABANDONED),
					Summary.rate(c.get(CallMeasure.ABANDONED), offered - c.get(CallMeasure.SHORT_ABANDONED)),
					waits ? Summary.rate(WaitBuckets.atMost(answeredWaits, threshold),
							answered + WaitBuckets.over(abandonedWaits, threshold)) : null,
					(answered > 0) ? Summary.round(c.get(CallMeasure.ANSWERED_WAIT_MS) / 1000.0 / answered, 1) : null,
					waits ? WaitBuckets.percentile(answeredWaits, 0.9) : null,
					(answered > 0) ? (int) (c.get(CallMeasure.ANSWERED_WAIT_MAX_MS) / 1000) : null,
					c.get(CallMeasure.MISSED), r.get(RequestMeasure.REQUESTS), r.get(RequestMeasure.CALLBACKS),
					Summary.rate(r.get(RequestMeasure.FIRST_ATTEMPT_24H),
							r.get(RequestMeasure.FIRST_ATTEMPT_24H_KNOWN)),
					closed, Summary.rate(r.get(RequestMeasure.RESOLVED), closed),
					Summary.rate(r.get(RequestMeasure.REDIRECTED), closed), r.get(RequestMeasure.REPEAT_REQUESTS));
		}

	}

	/**
	 * One hour of the week over the period.
	 *
	 * @param dayOfWeek 1 (Monday) to 7 (Sunday)
	 * @param hour 0 to 23, Paris time
	 * @param occurrences how many times that hour came in the period
	 * @param volunteersOnShift volunteers on shift then, on average
	 * @param volunteersAvailable volunteers available then, on average
	 */
	record HourRow(int dayOfWeek, int hour, int occurrences, long calls, long offered, long answered, long abandoned,
			long missed, long callbackRequests, double volunteersOnShift, double volunteersAvailable) {

		static HourRow of(DayOfWeek dayOfWeek, int hour, int occurrences, Tally<CallMeasure> calls,
				Tally<RequestMeasure> requests) {
			Tally<CallMeasure> c = (calls != null) ? calls : new Tally<>(CallMeasure.class);
			Tally<RequestMeasure> r = (requests != null) ? requests : new Tally<>(RequestMeasure.class);
			double hours = 3600.0 * Math.max(1, occurrences);
			return new HourRow(dayOfWeek.getValue(), hour, occurrences, c.get(CallMeasure.CALLS),
					c.get(CallMeasure.OFFERED), c.get(CallMeasure.ANSWERED), c.get(CallMeasure.ABANDONED),
					c.get(CallMeasure.MISSED), r.get(RequestMeasure.CALLBACKS),
					Summary.round(c.get(CallMeasure.ON_SHIFT_SECONDS) / hours, 1),
					Summary.round(c.get(CallMeasure.AVAILABLE_SECONDS) / hours, 1));
		}

	}

	/**
	 * One volunteer's figures over the period.
	 *
	 * @param name {@code null} for an account that no longer exists
	 * @param answered callers put through to them from the queue
	 * @param callbacksMade calls placed to citizens for callbacks
	 * @param callbacksReached of which the citizen picked up
	 * @param availableHours hours available (or busy)
	 * @param handlingTimeSeconds (in a call + wrapping up) per conversation
	 * @param occupancy in a call or wrapping up ÷ working time
	 */
	record VolunteerRow(long id, String name, long answered, long callbacksMade, long callbacksReached,
			double availableHours, Double handlingTimeSeconds, Double occupancy) {

		static VolunteerRow of(long id, String name, Tally<VolunteerMeasure> tally) {
			long conversations = tally.get(VolunteerMeasure.ANSWERED) + tally.get(VolunteerMeasure.CALLBACKS_REACHED);
			return new VolunteerRow(id, name, tally.get(VolunteerMeasure.ANSWERED),
					tally.get(VolunteerMeasure.CALLBACKS_MADE), tally.get(VolunteerMeasure.CALLBACKS_REACHED),
					Summary.round(tally.get(VolunteerMeasure.AVAILABLE_SECONDS) / 3600.0, 1),
					(conversations > 0)
							? Summary.round((double) tally.get(VolunteerMeasure.HANDLING_SECONDS) / conversations, 1)
							: null,
					Summary.rate(tally.get(VolunteerMeasure.HANDLING_SECONDS),
							tally.get(VolunteerMeasure.WORKING_SECONDS)));
		}

	}

	/**
	 * @param forms outcome forms recorded for the period's requests
	 * @param answers by question ({@code procedure_themes}, {@code autonomy}…), how many
	 * forms chose each code of the national activity report
	 */
	record Outcomes(long forms, Map<String, Map<String, Long>> answers) {
	}

}
