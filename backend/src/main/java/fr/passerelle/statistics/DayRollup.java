package fr.passerelle.statistics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

import fr.passerelle.statistics.DayFacts.CallFact;
import fr.passerelle.statistics.DayFacts.ConversationFact;
import fr.passerelle.statistics.DayFacts.DialFact;
import fr.passerelle.statistics.DayFacts.InCallFact;
import fr.passerelle.statistics.DayFacts.OutcomeFact;
import fr.passerelle.statistics.DayFacts.PresenceFact;
import fr.passerelle.statistics.DayFacts.RequestFact;
import fr.passerelle.statistics.DayFacts.ShiftFact;
import fr.passerelle.statistics.DayFacts.VolunteerFact;
import fr.passerelle.statistics.DayCells.WaitKey;

/**
 * Counts a day's records into its figures: the one place where each count is defined
 * (DESIGN.md §7; the screens show the same definitions).
 * <p>
 * <b>Calls</b> are the callers' calls to the hotline, counted on the day (Paris time)
 * they started, in the région and département of the request they led to (only in the
 * national figures without one). <i>Offered</i>: the caller reached the queue.
 * <i>Answered</i>: put through to a volunteer from the queue; its wait runs from joining
 * the queue to leaving it, and its talk time from then to the end of the call.
 * <i>Abandoned</i>: the caller hung up while waiting, after 5 s or more; under 5 s it is
 * a <i>short abandon</i>. A caller who asked to be called back while waiting is neither
 * (<i>callback from the queue</i>). <i>Callback from the menu</i>: the call led to a
 * callback request without waiting. <i>Left in the menu</i>: the call ended without a
 * request. <i>Closed hours</i>: a callback request made outside opening hours. <i>Missed
 * for want of a volunteer</i>: during opening hours, the caller could not wait (nobody
 * eligible available, or too many callers already waiting) or hung up after 5 s of
 * waiting.
 * <p>
 * <b>Requests</b> are counted on the day they were made, whatever became of them since. A
 * <i>callback request</i> is a request made as one (on the phone, on the site, or opened
 * by a volunteer as a follow-up) or a waiting caller who asked to be called back (from
 * the queue). Its <i>first attempt</i> is the first time the platform dialled the
 * citizen, a volunteer talked to them, or an attempt was recorded, after the request;
 * <i>within 24 h</i> counts calendar hours (nights and week-ends included) and is known
 * once the attempt was made or 24 h passed; a request closed before any attempt and
 * before the 24 h were over is left out. <i>Attempts per callback</i> count, over the
 * callback requests closed, the conversations and failed attempts. <i>Repeat</i>: the
 * same number had asked within 7 days before.
 * <p>
 * <b>Volunteers</b>: time <i>available</i> (available, or busy with as many requests as
 * they can hold), <i>in a call</i> (from answering the platform's call to its end),
 * <i>wrapping up</i> after a request, on a <i>break</i>; <i>handling</i> is in a call or
 * wrapping up, <i>working</i> is available, in a call or wrapping up (each counted once
 * where they overlap). <i>Answered</i>: callers put through from the queue; <i>callbacks
 * made</i>: calls placed to citizens, <i>reached</i> when they picked up.
 * <p>
 * <b>Coverage</b>, per hour: volunteers <i>on shift</i> (the weekly shifts they declared,
 * in their own time zone) and <i>available</i>, as volunteer-seconds in that hour.
 */
final class DayRollup {

	static final Duration SHORT_ABANDON = Duration.ofSeconds(5);

	private static final Set<String> CLOSED = Set.of("RESOLVED", "REDIRECTED", "UNREACHABLE", "CANCELLED");

	private static final Set<String> AVAILABLE = Set.of("AVAILABLE", "BUSY");

	private DayRollup() {
	}

	static DayCells count(DayFacts facts) {
		DayCells cells = new DayCells(facts.day());
		facts.calls().forEach((call) -> countCall(cells, call));
		facts.requests().forEach((request) -> countRequest(cells, request, facts.now()));
		for (OutcomeFact answer : facts.outcomes()) {
			cells.answered(Cell.NATIONAL, answer.question(), answer.code());
			cells.answered(answer.regionCode(), answer.question(), answer.code());
		}
		countVolunteers(cells, facts);
		return cells;
	}

	private static void countCall(DayCells cells, CallFact call) {
		Tally<CallMeasure> tally = new Tally<>(CallMeasure.class);
		tally.increment(CallMeasure.CALLS);
		List<String> scopes = scopes(call.regionCode());
		if (call.queuedAt() != null) {
			tally.increment(CallMeasure.OFFERED);
			Instant left = (call.dequeuedAt() != null) ? call.dequeuedAt() : call.endedAt();
			long waited = (left != null) ? Duration.between(call.queuedAt(), left).toMillis() : -1;
			String outcome = Objects.toString(call.outcome(), "");
			if (outcome.equals("ANSWERED") && waited >= 0) {
				tally.increment(CallMeasure.ANSWERED);
				tally.add(CallMeasure.ANSWERED_WAIT_MS, waited);
				tally.add(CallMeasure.ANSWERED_WAIT_MAX_MS, waited);
				if (call.endedAt() != null) {
					tally.add(CallMeasure.TALK_SECONDS, Duration.between(left, call.endedAt()).toSeconds());
				}
				scopes.forEach((scope) -> cells.waited(scope, WaitKey.ANSWERED, waited));
			}
			else if ((outcome.equals("ABANDONED") || outcome.equals("SHORT_ABANDON")) && waited >= 0) {
				if (waited < SHORT_ABANDON.toMillis()) {
					tally.increment(CallMeasure.SHORT_ABANDONED);
				}
				else {
					tally.increment(CallMeasure.ABANDONED);
					tally.increment(CallMeasure.MISSED);
					scopes.forEach((scope) -> cells.waited(scope, WaitKey.ABANDONED, waited));
				}
			}
			else if (outcome.equals("CALLBACK_REQUESTED")) {
				tally.increment(CallMeasure.QUEUE_CALLBACKS);
			}
		}
		else if (call.request()) {
			tally.increment(CallMeasure.MENU_CALLBACKS);
			String route = Objects.toString(call.route(), "");
			if (route.equals("CLOSED")) {
				tally.increment(CallMeasure.CLOSED_HOURS);
			}
			else if (route.equals("NO_VOLUNTEER") || route.equals("QUEUE_FULL")) {
				tally.increment(CallMeasure.MISSED);
			}
		}
		else if (call.endedAt() != null) {
			tally.increment(CallMeasure.LEFT_IN_MENU);
		}
		int hour = ParisTime.hour(call.startedAt());
		for (String scope : scopes) {
			cells.calls(Cell.day(scope)).merge(tally);
			cells.calls(Cell.hour(scope, hour)).merge(tally);
			if (call.topicCode() != null) {
				cells.calls(Cell.theme(scope, call.topicCode())).merge(tally);
			}
		}
		if (call.regionCode() != null) {
			cells.calls(Cell.departement(call.regionCode(), call.departementCode())).merge(tally);
		}
	}

	private static void countRequest(DayCells cells, RequestFact request, Instant now) {
		Tally<RequestMeasure> tally = new Tally<>(RequestMeasure.class);
		tally.increment(RequestMeasure.REQUESTS);
		if (request.live()) {
			tally.increment(RequestMeasure.LIVE_CALLS);
		}
		boolean closed = CLOSED.contains(request.status());
		Instant requested = (request.turnedIntoCallback() != null) ? request.turnedIntoCallback()
				: request.live() ? null : request.createdAt();
		if (requested != null) {
			tally.increment(RequestMeasure.CALLBACKS);
			tally.increment((request.turnedIntoCallback() != null) ? RequestMeasure.CALLBACKS_QUEUE
					: switch (request.source()) {
						case "PHONE" -> RequestMeasure.CALLBACKS_PHONE;
						case "WEB_FORM" -> RequestMeasure.CALLBACKS_WEB;
						default -> RequestMeasure.CALLBACKS_FOLLOW_UP;
					});
			List<Instant> attempts = request.attempts().stream().filter((at) -> !at.isBefore(requested)).toList();
			Instant first = Stream.concat(attempts.stream(), request.dials().stream())
				.filter((at) -> !at.isBefore(requested))
				.min(Instant::compareTo)
				.orElse(null);
			firstAttempt(tally, requested, first, closed ? request.closedAt() : null, now, Duration.ofHours(24),
					RequestMeasure.FIRST_ATTEMPT_24H_KNOWN, RequestMeasure.FIRST_ATTEMPT_24H);
			firstAttempt(tally, requested, first, closed ? request.closedAt() : null, now, Duration.ofHours(48),
					RequestMeasure.FIRST_ATTEMPT_48H_KNOWN, RequestMeasure.FIRST_ATTEMPT_48H);
			if (closed) {
				tally.increment(RequestMeasure.CALLBACKS_CLOSED);
				tally.add(RequestMeasure.CALLBACK_ATTEMPTS, attempts.size());
				if (request.status().equals("UNREACHABLE")) {
					tally.increment(RequestMeasure.CALLBACKS_UNREACHABLE);
				}
			}
		}
		if (closed) {
			tally.increment(RequestMeasure.CLOSED);
			tally.increment(RequestMeasure.valueOf(request.status()));
		}
		if (request.repeat()) {
			tally.increment(RequestMeasure.REPEAT_REQUESTS);
		}
		int hour = ParisTime.hour(request.createdAt());
		for (String scope : scopes(request.regionCode())) {
			cells.requests(Cell.day(scope)).merge(tally);
			cells.requests(Cell.hour(scope, hour)).merge(tally);
			cells.requests(Cell.theme(scope, request.topicCode())).merge(tally);
		}
		cells.requests(Cell.departement(request.regionCode(), request.departementCode())).merge(tally);
	}

	/**
	 * Whether the first attempt came within {@code delay} of the request, once that is
	 * known: the attempt was made, or the delay is over. A request closed without any
	 * attempt before the delay was over is left out.
	 */
	private static void firstAttempt(Tally<RequestMeasure> tally, Instant requested, Instant first, Instant closedAt,
			Instant now, Duration delay, RequestMeasure known, RequestMeasure met) {
		Instant deadline = requested.plus(delay);
		if (first != null && !first.isAfter(deadline)) {
			tally.increment(known);
			tally.increment(met);
		}
		else if (first == null && closedAt != null && !closedAt.isAfter(deadline)) {
			return;
		}
		else if (!now.isBefore(deadline)) {
			tally.increment(known);
		}
	}

	private static void countVolunteers(DayCells cells, DayFacts facts) {
		long dayStart = ParisTime.start(facts.day()).toEpochMilli();
		long dayEnd = Math.min(ParisTime.end(facts.day()).toEpochMilli(), facts.now().toEpochMilli());
		Map<Long, List<PresenceFact>> presence = group(facts.presence(), PresenceFact::volunteerId);
		Map<Long, List<InCallFact>> inCall = group(facts.inCall(), InCallFact::volunteerId);
		Map<Long, List<ConversationFact>> conversations = group(facts.conversations(), ConversationFact::volunteerId);
		Map<Long, List<DialFact>> dials = group(facts.dials(), DialFact::volunteerId);
		Map<Long, List<ShiftFact>> shifts = group(facts.shifts(), ShiftFact::volunteerId);
		for (VolunteerFact volunteer : facts.volunteers()) {
			long id = volunteer.id();
			List<PresenceFact> periods = presence.getOrDefault(id, List.of());
			Intervals available = spans(periods, (p) -> AVAILABLE.contains(p.state()), facts.now()).within(dayStart,
					dayEnd);
			Intervals paused = spans(periods, (p) -> p.state().equals("PAUSED"), facts.now()).within(dayStart, dayEnd);
			Intervals wrapUp = spans(periods, (p) -> p.state().equals("WRAP_UP"), facts.now()).within(dayStart, dayEnd);
			Intervals calls = Intervals
				.of(inCall.getOrDefault(id, List.of())
					.stream()
					.map((call) -> new long[] { call.from().toEpochMilli(),
							((call.to() != null) ? call.to() : facts.now()).toEpochMilli() })
					.toList())
				.within(dayStart, dayEnd);
			Tally<VolunteerMeasure> tally = new Tally<>(VolunteerMeasure.class);
			tally.add(VolunteerMeasure.AVAILABLE_SECONDS, available.seconds());
			tally.add(VolunteerMeasure.PAUSED_SECONDS, paused.seconds());
			tally.add(VolunteerMeasure.WRAP_UP_SECONDS, wrapUp.seconds());
			tally.add(VolunteerMeasure.IN_CALL_SECONDS, calls.seconds());
			tally.add(VolunteerMeasure.HANDLING_SECONDS, calls.union(wrapUp).seconds());
			tally.add(VolunteerMeasure.WORKING_SECONDS, available.union(calls).union(wrapUp).seconds());
			for (ConversationFact conversation : conversations.getOrDefault(id, List.of())) {
				if (conversation.live()) {
					tally.increment(VolunteerMeasure.ANSWERED);
				}
			}
			for (DialFact dial : dials.getOrDefault(id, List.of())) {
				tally.increment(VolunteerMeasure.CALLBACKS_MADE);
				if (dial.reached()) {
					tally.increment(VolunteerMeasure.CALLBACKS_REACHED);
				}
			}
			if (!tally.isEmpty()) {
				cells.volunteers.put(id, new DayCells.VolunteerDay(volunteer.regionCode(), tally));
			}
			Intervals onShift = shiftSpans(shifts.getOrDefault(id, List.of()), volunteer, facts.day()).within(dayStart,
					dayEnd);
			coverage(cells, volunteer.regionCode(), available, onShift, facts.day());
		}
	}

	/** Adds a volunteer's time on shift and available to each hour of the day. */
	private static void coverage(DayCells cells, String regionCode, Intervals available, Intervals onShift,
			LocalDate day) {
		if (available.millis() == 0 && onShift.millis() == 0) {
			return;
		}
		for (Instant hour = ParisTime.start(day); hour.isBefore(ParisTime.end(day)); hour = hour.plusSeconds(3600)) {
			long from = hour.toEpochMilli();
			long to = from + 3_600_000;
			long availableSeconds = available.within(from, to).seconds();
			long shiftSeconds = onShift.within(from, to).seconds();
			if (availableSeconds == 0 && shiftSeconds == 0) {
				continue;
			}
			for (String scope : scopes(regionCode)) {
				for (Cell cell : List.of(Cell.day(scope), Cell.hour(scope, ParisTime.hour(hour)))) {
					Tally<CallMeasure> tally = cells.calls(cell);
					tally.add(CallMeasure.AVAILABLE_SECONDS, availableSeconds);
					tally.add(CallMeasure.ON_SHIFT_SECONDS, shiftSeconds);
				}
			}
		}
	}

	/** The volunteer's weekly shifts as they fell around that day, in their time zone. */
	private static Intervals shiftSpans(List<ShiftFact> shifts, VolunteerFact volunteer, LocalDate day) {
		List<long[]> spans = new ArrayList<>();
		for (LocalDate local = day.minusDays(1); !local.isAfter(day.plusDays(1)); local = local.plusDays(1)) {
			for (ShiftFact shift : shifts) {
				if (shift.dayOfWeek() == local.getDayOfWeek()) {
					ZonedDateTime starts = local.atTime(shift.starts()).atZone(volunteer.zone());
					ZonedDateTime ends = local.atTime(shift.ends()).atZone(volunteer.zone());
					spans.add(new long[] { starts.toInstant().toEpochMilli(), ends.toInstant().toEpochMilli() });
				}
			}
		}
		return Intervals.of(spans);
	}

	private static Intervals spans(List<PresenceFact> periods, Predicate<PresenceFact> which, Instant now) {
		return Intervals.of(periods.stream()
			.filter(which)
			.map((p) -> new long[] { p.from().toEpochMilli(), ((p.to() != null) ? p.to() : now).toEpochMilli() })
			.toList());
	}

	private static List<String> scopes(String regionCode) {
		return (regionCode != null) ? List.of(Cell.NATIONAL, regionCode) : List.of(Cell.NATIONAL);
	}

	private static <T> Map<Long, List<T>> group(List<T> facts, Function<T, Long> key) {
		Map<Long, List<T>> grouped = new HashMap<>();
		facts.forEach((fact) -> grouped.computeIfAbsent(key.apply(fact), (id) -> new ArrayList<>()).add(fact));
		return grouped;
	}

}
