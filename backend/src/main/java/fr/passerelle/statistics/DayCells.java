package fr.passerelle.statistics;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A day's figures, as {@link DayRollup} counts them and the rollup tables keep them.
 */
final class DayCells {

	final LocalDate day;

	final Map<Cell, Tally<CallMeasure>> calls = new LinkedHashMap<>();

	/** Waits by scope and kind ({@code A} answered, {@code B} abandoned after 5 s). */
	final Map<WaitKey, SortedMap<Integer, Long>> waits = new LinkedHashMap<>();

	final Map<Cell, Tally<RequestMeasure>> requests = new LinkedHashMap<>();

	final Map<OutcomeKey, Long> outcomes = new LinkedHashMap<>();

	final Map<Long, VolunteerDay> volunteers = new LinkedHashMap<>();

	DayCells(LocalDate day) {
		this.day = day;
	}

	Tally<CallMeasure> calls(Cell cell) {
		return this.calls.computeIfAbsent(cell, (key) -> new Tally<>(CallMeasure.class));
	}

	Tally<RequestMeasure> requests(Cell cell) {
		return this.requests.computeIfAbsent(cell, (key) -> new Tally<>(RequestMeasure.class));
	}

	void waited(String scope, char kind, long millis) {
		this.waits.computeIfAbsent(new WaitKey(scope, kind), (key) -> new TreeMap<>())
			.merge(WaitBuckets.bucketOf(millis), 1L, Long::sum);
	}

	void answered(String scope, String question, String code) {
		this.outcomes.merge(new OutcomeKey(scope, question, code), 1L, Long::sum);
	}

	record WaitKey(String scope, char kind) {

		static final char ANSWERED = 'A';

		static final char ABANDONED = 'B';

	}

	record OutcomeKey(String scope, String question, String code) {
	}

	record VolunteerDay(String regionCode, Tally<VolunteerMeasure> tally) {
	}

}
