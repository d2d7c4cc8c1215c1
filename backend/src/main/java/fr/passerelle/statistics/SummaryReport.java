package fr.passerelle.statistics;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.SortedMap;
import java.util.TreeMap;

import fr.passerelle.statistics.DayCells.WaitKey;

import org.springframework.stereotype.Service;

/**
 * The summary of a period: the rollups of its past days, and today counted from the
 * records (so that a call that ended a few seconds ago is in it: {@link TodayFigures}).
 */
@Service
class SummaryReport {

	private final RollupStore store;

	private final TodayFigures todayFigures;

	private final Targets targets;

	private final Clock clock;

	SummaryReport(RollupStore store, TodayFigures todayFigures, Targets targets, Clock clock) {
		this.store = store;
		this.todayFigures = todayFigures;
		this.targets = targets;
		this.clock = clock;
	}

	Summary summary(Period period, Scope scope) {
		Instant now = this.clock.instant();
		LocalDate today = ParisTime.day(now);
		LocalDate lastKept = period.to().isBefore(today) ? period.to() : today.minusDays(1);
		String key = scope.key();
		Tally<CallMeasure> calls = new Tally<>(CallMeasure.class);
		this.store.cells("statistics_calls", CallMeasure.class, Cell.DAY, period.from(), lastKept, key, false)
			.values()
			.forEach(calls::merge);
		Tally<RequestMeasure> requests = new Tally<>(RequestMeasure.class);
		this.store.cells("statistics_requests", RequestMeasure.class, Cell.DAY, period.from(), lastKept, key, false)
			.values()
			.forEach(requests::merge);
		SortedMap<Integer, Long> answered = this.store.waits(period.from(), lastKept, key, WaitKey.ANSWERED);
		SortedMap<Integer, Long> abandoned = this.store.waits(period.from(), lastKept, key, WaitKey.ABANDONED);
		Tally<VolunteerMeasure> volunteers = this.store.volunteerTotals(period.from(), lastKept, scope.regionCode());
		if (!period.from().isAfter(today) && !period.to().isBefore(today)) {
			TodayFigures.Counted counted = this.todayFigures.read();
			DayCells live = counted.cells();
			now = counted.at();
			Tally<CallMeasure> todayCalls = live.calls.get(Cell.day(key));
			if (todayCalls != null) {
				calls.merge(todayCalls);
			}
			Tally<RequestMeasure> todayRequests = live.requests.get(Cell.day(key));
			if (todayRequests != null) {
				requests.merge(todayRequests);
			}
			add(answered, live.waits.get(new WaitKey(key, WaitKey.ANSWERED)));
			add(abandoned, live.waits.get(new WaitKey(key, WaitKey.ABANDONED)));
			live.volunteers.values()
				.stream()
				.filter((volunteer) -> scope.regionCode() == null || scope.regionCode().equals(volunteer.regionCode()))
				.forEach((volunteer) -> volunteers.merge(volunteer.tally()));
		}
		return Summary.of(period, scope, now, calls, answered, abandoned, requests, volunteers,
				this.targets.current().serviceLevelThresholdSeconds());
	}

	/** A summary of nothing: its figures, all zero or empty. */
	Summary empty() {
		Tally<CallMeasure> calls = new Tally<>(CallMeasure.class);
		return Summary.of(new Period(Period.EARLIEST, Period.EARLIEST), Scope.NATIONAL, this.clock.instant(), calls,
				new TreeMap<>(), new TreeMap<>(), new Tally<>(RequestMeasure.class),
				new Tally<>(VolunteerMeasure.class), this.targets.current().serviceLevelThresholdSeconds());
	}

	private static void add(SortedMap<Integer, Long> into, SortedMap<Integer, Long> more) {
		if (more != null) {
			more.forEach((bucket, count) -> into.merge(bucket, count, Long::sum));
		}
	}

}
