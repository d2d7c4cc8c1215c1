package fr.passerelle.statistics;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

import fr.passerelle.statistics.DayCells.WaitKey;
import fr.passerelle.statistics.LiveState.Snapshot;
import fr.passerelle.statistics.LiveState.VolunteerNow;
import fr.passerelle.statistics.LiveState.Waiting;
import fr.passerelle.territory.Departement;
import fr.passerelle.territory.Region;
import fr.passerelle.territory.Territories;

import org.springframework.stereotype.Service;

/**
 * The wallboards: the whole country's (with a line per région) and each région's (with a
 * line per département), all from one reading of what stands now and of today's figures
 * (counted at most a few seconds before: {@link TodayFigures}).
 */
@Service
public class Wallboards {

	/** How far below its target (in points) a figure is a warning rather than bad. */
	static final double WARNING_MARGIN = 0.1;

	private final LiveState live;

	private final TodayFigures todayFigures;

	private final RollupStore store;

	private final Targets targets;

	private final Alerts alerts;

	private final Territories territories;

	private final Clock clock;

	Wallboards(LiveState live, TodayFigures todayFigures, RollupStore store, Targets targets, Alerts alerts,
			Territories territories, Clock clock) {
		this.live = live;
		this.todayFigures = todayFigures;
		this.store = store;
		this.targets = targets;
		this.alerts = alerts;
		this.territories = territories;
		this.clock = clock;
	}

	/**
	 * Every wallboard, by scope ({@code FR} and each région's code).
	 */
	public Map<String, Wallboard> all() {
		Reading reading = read();
		Map<String, Wallboard> boards = new LinkedHashMap<>();
		boards.put(Cell.NATIONAL, board(reading, Scope.NATIONAL));
		for (Region region : this.territories.regions()) {
			boards.put(region.code(), board(reading, new Scope(region.code())));
		}
		return boards;
	}

	/** One wallboard: the whole country's, or a région's. */
	Wallboard of(Scope scope) {
		return board(read(), scope);
	}

	private Reading read() {
		Instant now = this.clock.instant();
		LocalDate today = ParisTime.day(now);
		Period week = new Period(today.minusDays(7), today.minusDays(1));
		Map<String, Double> firstAttempts = new TreeMap<>();
		this.store.byScope("statistics_requests", RequestMeasure.class, Cell.DAY, week.from(), week.to())
			.forEach((scope, tally) -> firstAttempts.put(scope, Summary
				.rate(tally.get(RequestMeasure.FIRST_ATTEMPT_24H), tally.get(RequestMeasure.FIRST_ATTEMPT_24H_KNOWN))));
		return new Reading(now, this.live.read(now), this.todayFigures.read(), this.targets.current(),
				this.alerts.current(), firstAttempts);
	}

	private Wallboard board(Reading reading, Scope scope) {
		String key = scope.key();
		Predicate<String> inScope = (region) -> scope.regionCode() == null || scope.regionCode().equals(region);
		Wallboard.Queue queue = queue(reading.snapshot(), (w) -> inScope.test(w.regionCode()));
		Wallboard.Volunteers volunteers = volunteers(reading.snapshot(), (v) -> inScope.test(v.regionCode()));
		int threshold = reading.goals().serviceLevelThresholdSeconds();
		Wallboard.Today today = today(reading.cells(), Cell.day(key), key, threshold);
		List<Wallboard.Area> areas = new ArrayList<>();
		if (scope.regionCode() == null) {
			for (Region region : this.territories.regions()) {
				areas.add(new Wallboard.Area(region.code(), region.name(),
						queue(reading.snapshot(), (w) -> region.code().equals(w.regionCode())),
						volunteers(reading.snapshot(), (v) -> region.code().equals(v.regionCode())),
						today(reading.cells(), Cell.day(region.code()), region.code(), threshold)));
			}
		}
		else {
			for (Departement departement : this.territories.departements()) {
				if (departement.regionCode().equals(scope.regionCode())) {
					areas.add(new Wallboard.Area(departement.code(), departement.name(),
							queue(reading.snapshot(), (w) -> departement.code().equals(w.departementCode())),
							volunteers(reading.snapshot(), (v) -> departement.code().equals(v.departementCode())),
							today(reading.cells(), Cell.departement(scope.regionCode(), departement.code()), null,
									threshold)));
				}
			}
			areas.sort(Comparator.comparing(Wallboard.Area::code));
		}
		Double firstAttempts = reading.firstAttempts().get(key);
		Targets.Current goals = reading.goals();
		Map<String, String> status = new LinkedHashMap<>();
		judge(status, "serviceLevel", today.serviceLevel(), goals.serviceLevel(), true);
		judge(status, "abandonmentRate", today.abandonmentRate(), goals.abandonmentRate(), false);
		judge(status, "firstAttemptWithin24hRate", firstAttempts, goals.firstAttempt24hRate(), true);
		List<Wallboard.Alert> alerts = reading.alerts()
			.stream()
			.filter((alert) -> scope.regionCode() == null || alert.scope().equals(key))
			.toList();
		return new Wallboard(key, scope.regionCode(), reading.now(), queue, volunteers, today, reading.today().at(),
				firstAttempts, new Wallboard.Goals(goals.serviceLevelThresholdSeconds(), goals.serviceLevel(),
						goals.abandonmentRate(), goals.firstAttempt24hRate()),
				status, areas, alerts);
	}

	/**
	 * {@code GOOD} when the figure meets its target, {@code WARNING} within
	 * {@value #WARNING_MARGIN} of it, {@code BAD} beyond.
	 */
	static void judge(Map<String, String> status, String figure, Double value, double target, boolean atLeast) {
		if (value == null) {
			return;
		}
		double gap = atLeast ? target - value : value - target;
		status.put(figure, (gap <= 0) ? "GOOD" : (gap <= WARNING_MARGIN) ? "WARNING" : "BAD");
	}

	private static Wallboard.Queue queue(Snapshot snapshot, Predicate<Waiting> which) {
		int callers = 0;
		int callbacks = 0;
		Instant longest = null;
		Instant oldest = null;
		for (Waiting waiting : snapshot.waiting()) {
			if (!which.test(waiting)) {
				continue;
			}
			if (waiting.live()) {
				callers += waiting.count();
				longest = earliest(longest, waiting.oldest());
			}
			else {
				callbacks += waiting.count();
				oldest = earliest(oldest, waiting.oldest());
			}
		}
		return new Wallboard.Queue(callers, longest, callbacks, oldest);
	}

	private static Wallboard.Volunteers volunteers(Snapshot snapshot, Predicate<VolunteerNow> which) {
		int[] counts = new int[LiveState.VolunteerState.values().length];
		snapshot.volunteers().stream().filter(which).forEach((v) -> counts[v.state().ordinal()]++);
		return new Wallboard.Volunteers(counts[LiveState.VolunteerState.AVAILABLE.ordinal()],
				counts[LiveState.VolunteerState.IN_CALL.ordinal()], counts[LiveState.VolunteerState.WRAP_UP.ordinal()],
				counts[LiveState.VolunteerState.ON_BREAK.ordinal()],
				counts[LiveState.VolunteerState.ON_SHIFT_OFFLINE.ordinal()]);
	}

	/**
	 * @param waitScope the scope whose waits give the service level, {@code null} where
	 * they are not kept (a département)
	 */
	private static Wallboard.Today today(DayCells cells, Cell cell, String waitScope, int threshold) {
		Tally<CallMeasure> calls = cells.calls.getOrDefault(cell, new Tally<>(CallMeasure.class));
		Tally<RequestMeasure> requests = cells.requests.getOrDefault(cell, new Tally<>(RequestMeasure.class));
		long offered = calls.get(CallMeasure.OFFERED);
		long answered = calls.get(CallMeasure.ANSWERED);
		Double serviceLevel = null;
		if (waitScope != null) {
			SortedMap<Integer, Long> answeredWaits = cells.waits.getOrDefault(new WaitKey(waitScope, WaitKey.ANSWERED),
					new TreeMap<>());
			SortedMap<Integer, Long> abandonedWaits = cells.waits
				.getOrDefault(new WaitKey(waitScope, WaitKey.ABANDONED), new TreeMap<>());
			serviceLevel = Summary.rate(WaitBuckets.atMost(answeredWaits, threshold),
					answered + WaitBuckets.over(abandonedWaits, threshold));
		}
		return new Wallboard.Today(calls.get(CallMeasure.CALLS), offered, answered, calls.get(CallMeasure.ABANDONED),
				calls.get(CallMeasure.SHORT_ABANDONED),
				Summary.rate(calls.get(CallMeasure.ABANDONED), offered - calls.get(CallMeasure.SHORT_ABANDONED)),
				serviceLevel, calls.get(CallMeasure.MISSED), requests.get(RequestMeasure.CALLBACKS));
	}

	private static Instant earliest(Instant a, Instant b) {
		return (a == null || b.isBefore(a)) ? b : a;
	}

	private record Reading(Instant now, Snapshot snapshot, TodayFigures.Counted today, Targets.Current goals,
			List<Wallboard.Alert> alerts, Map<String, Double> firstAttempts) {

		DayCells cells() {
			return this.today.cells();
		}

	}

}
