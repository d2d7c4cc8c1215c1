package fr.passerelle.statistics;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * The records of one day (Paris time) that its figures are computed from, practice left
 * out: read by {@link FactsReader}, counted by {@link DayRollup}.
 *
 * @param day the day
 * @param now when they were read: what has not happened yet is not counted
 * @param calls calls to the hotline that started that day
 * @param requests requests for help made that day
 * @param outcomes the answers of their outcome forms
 * @param volunteers every volunteer, with where they live
 * @param presence presence periods that overlap the day
 * @param inCall volunteers' calls (from their answer to their end) that overlap the day
 * @param conversations conversations with a citizen that started that day
 * @param dials calls placed to citizens that day, for a callback
 * @param shifts weekly shifts of the volunteers who may take calls
 */
record DayFacts(LocalDate day, Instant now, List<CallFact> calls, List<RequestFact> requests,
		List<OutcomeFact> outcomes, List<VolunteerFact> volunteers, List<PresenceFact> presence,
		List<InCallFact> inCall, List<ConversationFact> conversations, List<DialFact> dials, List<ShiftFact> shifts) {

	/**
	 * A call to the hotline (the caller's leg).
	 *
	 * @param outcome as recorded ({@code ANSWERED}, {@code ABANDONED}…), {@code null}
	 * while it lasts
	 * @param route whether the caller waited on the line or why not ({@code null} when
	 * they never got that far)
	 * @param request whether a request came of it
	 * @param regionCode the request's, {@code null} without one
	 */
	record CallFact(Instant startedAt, Instant queuedAt, Instant dequeuedAt, Instant endedAt, String outcome,
			String route, boolean request, String regionCode, String departementCode, String topicCode) {
	}

	/**
	 * A request for help.
	 *
	 * @param source {@code PHONE}, {@code WEB_FORM} or {@code VOLUNTEER}
	 * @param live whether it began as a caller waiting on the line
	 * @param turnedIntoCallback when a waiting caller asked to be called back instead
	 * @param repeat whether the same number had asked within 7 days before
	 * @param attempts when a volunteer talked to the citizen or an attempt failed
	 * @param dials when the citizen was dialled
	 */
	record RequestFact(long id, Instant createdAt, String source, boolean live, Instant turnedIntoCallback,
			String regionCode, String departementCode, String topicCode, String status, Instant closedAt,
			boolean repeat, List<Instant> attempts, List<Instant> dials) {
	}

	/** One answer of an outcome form: a code chosen for a question. */
	record OutcomeFact(String regionCode, String question, String code) {
	}

	record VolunteerFact(long id, String regionCode, String departementCode, ZoneId zone) {
	}

	/**
	 * @param state {@code AVAILABLE}, {@code BUSY}, {@code PAUSED} or {@code WRAP_UP}
	 * @param to {@code null} while it lasts
	 */
	record PresenceFact(long volunteerId, String state, Instant from, Instant to) {
	}

	/**
	 * @param to {@code null} while the call lasts
	 */
	record InCallFact(long volunteerId, Instant from, Instant to) {
	}

	/**
	 * @param live a caller put through from the queue, rather than a callback
	 */
	record ConversationFact(long volunteerId, boolean live) {
	}

	/**
	 * @param reached whether the citizen picked up
	 */
	record DialFact(long volunteerId, boolean reached) {
	}

	record ShiftFact(long volunteerId, DayOfWeek dayOfWeek, LocalTime starts, LocalTime ends) {
	}

}
