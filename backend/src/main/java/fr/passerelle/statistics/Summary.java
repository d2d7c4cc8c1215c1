package fr.passerelle.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The figures of a period and scope (DESIGN.md §7; each defined in {@link DayRollup} and
 * on screen). Rates are fractions between 0 and 1, or {@code null} when there is nothing
 * to divide by.
 */
@Schema(description = "The figures of a period (days in Paris time) for the whole country or a région")
record Summary(LocalDate from, LocalDate to, @Schema(description = "null for the whole country") String region,
		Instant computedAt, long calls, long offered, long answered, long abandoned, long shortAbandoned,
		Double abandonmentRate, Double serviceLevel, int serviceLevelThresholdSeconds,
		SpeedOfAnswer speedOfAnswerSeconds, long queueCallbacks, long menuCallbacks, long leftInMenu, long closedHours,
		long missed, long callbackRequests, Map<String, Long> callbackRequestsByChannel,
		Double firstAttemptWithin24hRate, Double firstAttemptWithin48hRate, Double attemptsPerCallback,
		Double unreachableRate, long requests, long closedRequests, Double resolutionRate, Double redirectionRate,
		long repeatCallers, Double handlingTimeSeconds, Double occupancy) {

	static Summary of(Period period, Scope scope, Instant computedAt, Tally<CallMeasure> calls,
			SortedMap<Integer, Long> answeredWaits, SortedMap<Integer, Long> abandonedWaits,
			Tally<RequestMeasure> requests, Tally<VolunteerMeasure> volunteers, int threshold) {
		long answered = calls.get(CallMeasure.ANSWERED);
		long abandoned = calls.get(CallMeasure.ABANDONED);
		long shortAbandoned = calls.get(CallMeasure.SHORT_ABANDONED);
		long offered = calls.get(CallMeasure.OFFERED);
		SpeedOfAnswer speed = new SpeedOfAnswer(
				(answered > 0) ? round(calls.get(CallMeasure.ANSWERED_WAIT_MS) / 1000.0 / answered, 1) : null,
				WaitBuckets.percentile(answeredWaits, 0.5), WaitBuckets.percentile(answeredWaits, 0.9),
				(answered > 0) ? (int) (calls.get(CallMeasure.ANSWERED_WAIT_MAX_MS) / 1000) : null);
		Map<String, Long> channels = new LinkedHashMap<>();
		channels.put("PHONE", requests.get(RequestMeasure.CALLBACKS_PHONE));
		channels.put("WEB", requests.get(RequestMeasure.CALLBACKS_WEB));
		channels.put("QUEUE", requests.get(RequestMeasure.CALLBACKS_QUEUE));
		channels.put("FOLLOW_UP", requests.get(RequestMeasure.CALLBACKS_FOLLOW_UP));
		long closedCallbacks = requests.get(RequestMeasure.CALLBACKS_CLOSED);
		long closed = requests.get(RequestMeasure.CLOSED);
		long conversations = volunteers.get(VolunteerMeasure.ANSWERED)
				+ volunteers.get(VolunteerMeasure.CALLBACKS_REACHED);
		return new Summary(period.from(), period.to(), scope.regionCode(), computedAt, calls.get(CallMeasure.CALLS),
				offered, answered, abandoned, shortAbandoned, rate(abandoned, offered - shortAbandoned),
				rate(WaitBuckets.atMost(answeredWaits, threshold),
						answered + WaitBuckets.over(abandonedWaits, threshold)),
				threshold, speed, calls.get(CallMeasure.QUEUE_CALLBACKS), calls.get(CallMeasure.MENU_CALLBACKS),
				calls.get(CallMeasure.LEFT_IN_MENU), calls.get(CallMeasure.CLOSED_HOURS), calls.get(CallMeasure.MISSED),
				requests.get(RequestMeasure.CALLBACKS), channels,
				rate(requests.get(RequestMeasure.FIRST_ATTEMPT_24H),
						requests.get(RequestMeasure.FIRST_ATTEMPT_24H_KNOWN)),
				rate(requests.get(RequestMeasure.FIRST_ATTEMPT_48H),
						requests.get(RequestMeasure.FIRST_ATTEMPT_48H_KNOWN)),
				(closedCallbacks > 0)
						? round((double) requests.get(RequestMeasure.CALLBACK_ATTEMPTS) / closedCallbacks, 2) : null,
				rate(requests.get(RequestMeasure.CALLBACKS_UNREACHABLE), closedCallbacks),
				requests.get(RequestMeasure.REQUESTS), closed, rate(requests.get(RequestMeasure.RESOLVED), closed),
				rate(requests.get(RequestMeasure.REDIRECTED), closed), requests.get(RequestMeasure.REPEAT_REQUESTS),
				(conversations > 0)
						? round((double) volunteers.get(VolunteerMeasure.HANDLING_SECONDS) / conversations, 1) : null,
				rate(volunteers.get(VolunteerMeasure.HANDLING_SECONDS),
						volunteers.get(VolunteerMeasure.WORKING_SECONDS)));
	}

	/**
	 * The figures by name, in the order of the screen and of the CSV export (nested ones
	 * as {@code speedOfAnswerSeconds.p90}).
	 */
	Map<String, Object> figures() {
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("calls", this.calls);
		figures.put("offered", this.offered);
		figures.put("answered", this.answered);
		figures.put("abandoned", this.abandoned);
		figures.put("shortAbandoned", this.shortAbandoned);
		figures.put("abandonmentRate", this.abandonmentRate);
		figures.put("serviceLevel", this.serviceLevel);
		figures.put("serviceLevelThresholdSeconds", this.serviceLevelThresholdSeconds);
		figures.put("speedOfAnswerSeconds.mean", this.speedOfAnswerSeconds.mean());
		figures.put("speedOfAnswerSeconds.p50", this.speedOfAnswerSeconds.p50());
		figures.put("speedOfAnswerSeconds.p90", this.speedOfAnswerSeconds.p90());
		figures.put("speedOfAnswerSeconds.max", this.speedOfAnswerSeconds.max());
		figures.put("queueCallbacks", this.queueCallbacks);
		figures.put("menuCallbacks", this.menuCallbacks);
		figures.put("leftInMenu", this.leftInMenu);
		figures.put("closedHours", this.closedHours);
		figures.put("missed", this.missed);
		figures.put("callbackRequests", this.callbackRequests);
		this.callbackRequestsByChannel
			.forEach((channel, count) -> figures.put("callbackRequestsByChannel." + channel, count));
		figures.put("firstAttemptWithin24hRate", this.firstAttemptWithin24hRate);
		figures.put("firstAttemptWithin48hRate", this.firstAttemptWithin48hRate);
		figures.put("attemptsPerCallback", this.attemptsPerCallback);
		figures.put("unreachableRate", this.unreachableRate);
		figures.put("requests", this.requests);
		figures.put("closedRequests", this.closedRequests);
		figures.put("resolutionRate", this.resolutionRate);
		figures.put("redirectionRate", this.redirectionRate);
		figures.put("repeatCallers", this.repeatCallers);
		figures.put("handlingTimeSeconds", this.handlingTimeSeconds);
		figures.put("occupancy", this.occupancy);
		return figures;
	}

	static Double rate(long part, long whole) {
		return (whole > 0) ? round((double) part / whole, 4) : null;
	}

	static double round(double value, int places) {
		return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).doubleValue();
	}

	/**
	 * How long answered callers waited in the queue, in seconds: the mean, and the wait
	 * under which half (p50) and nine in ten (p90) were answered, and the longest (whole
	 * seconds; to 5 s beyond 2 minutes); {@code null} without any call answered.
	 */
	record SpeedOfAnswer(Double mean, Integer p50, Integer p90, Integer max) {
	}

}
