package fr.passerelle.statistics;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The service now, for the whole country or one région: who waits, where the volunteers
 * are, today's figures against their targets, the same for each région (or département),
 * and the alerts that are up. Counts only: nothing about anybody.
 *
 * @param scope {@code FR} or a région's code
 * @param region {@code null} for the whole country
 * @param todayCountedAt when today's figures were counted (a few seconds ago at most)
 * @param firstAttemptWithin24hRate over the callback requests of the last 7 days whose 24
 * hours are known
 * @param status each coloured figure against its target: {@code GOOD}, {@code WARNING} or
 * {@code BAD} (absent when there is nothing to judge)
 * @param areas the régions (for the whole country) or the départements (for a région)
 */
public record Wallboard(String scope, String region, Instant updatedAt, Queue queue, Volunteers volunteers, Today today,
		Instant todayCountedAt, Double firstAttemptWithin24hRate, Goals targets, Map<String, String> status,
		List<Area> areas, List<Alert> alerts) {

	/**
	 * @param callersWaiting callers on the line waiting for a volunteer
	 * @param longestWaitSince since when the one who has waited longest waits
	 * @param callbacksDue callback requests waiting for a volunteer now
	 * @param oldestCallbackSince since when the oldest waits
	 */
	public record Queue(int callersWaiting, Instant longestWaitSince, int callbacksDue, Instant oldestCallbackSince) {
	}

	/**
	 * Volunteers who may take calls, by where they are now.
	 *
	 * @param wrapUp finishing a request (the wrap-up time, or holding as many requests as
	 * they can without being on the phone)
	 * @param onShiftOffline offline during one of the shifts they declared
	 */
	public record Volunteers(int available, int inCall, int wrapUp, int onBreak, int onShiftOffline) {
	}

	/** Today's figures (Paris time), as the summary defines them. */
	public record Today(long calls, long offered, long answered, long abandoned, long shortAbandoned,
			Double abandonmentRate, Double serviceLevel, long missed, long callbackRequests) {
	}

	/** The targets national coordinators set. */
	public record Goals(int serviceLevelThresholdSeconds, double serviceLevel, double abandonmentRate,
			double firstAttemptWithin24hRate) {
	}

	/** A région, or a département, of the wallboard. */
	public record Area(String code, String name, Queue queue, Volunteers volunteers, Today today) {
	}

	/**
	 * An alert that is up.
	 *
	 * @param rule {@code NOBODY_AVAILABLE} (callers wait and nobody who could answer is
	 * available) or {@code ABANDONMENT} (the last hour's abandonment rate passed its
	 * target)
	 * @param scope {@code FR} or a région's code
	 */
	public record Alert(String rule, String scope, Instant since) {
	}

}
