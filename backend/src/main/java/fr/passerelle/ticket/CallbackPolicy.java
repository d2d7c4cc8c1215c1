package fr.passerelle.ticket;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import fr.passerelle.calendar.FrenchPublicHolidays;
import fr.passerelle.calendar.OpeningHours;
import fr.passerelle.calendar.TimeWindow;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * When to try again after a callback failed: after {@code retryAfter} for the second
 * attempt, on the next opening day for the later ones, always while the help desk is open
 * (weekly hours, no national holiday) and within the citizen's preferred slots in their
 * own time zone (not on a public holiday of their département).
 */
@Component
class CallbackPolicy {

	private static final Duration HORIZON = Duration.ofDays(21);

	private final Supplier<CallbackPolicyProperties> settings;

	private final OpeningHours openingHours;

	@Autowired
	CallbackPolicy(CallbackSettings settings, OpeningHours openingHours) {
		this(settings::current, openingHours);
	}

	CallbackPolicy(Supplier<CallbackPolicyProperties> settings, OpeningHours openingHours) {
		this.settings = settings;
		this.openingHours = openingHours;
	}

	int maxAttempts() {
		return this.settings.get().maxAttempts();
	}

	/**
	 * The time of the next attempt after {@code attemptsMade} failed ones, or empty when
	 * none is left.
	 */
	Optional<Instant> nextAttempt(int attemptsMade, Instant lastFailure, String departementCode, ZoneId citizenZone,
			Set<TimeSlot> slots) {
		CallbackPolicyProperties policy = this.settings.get();
		if (attemptsMade >= policy.maxAttempts()) {
			return Optional.empty();
		}
		Instant earliest = (attemptsMade <= 1) ? lastFailure.plus(policy.retryAfter())
				: lastFailure.atZone(this.openingHours.zone())
					.toLocalDate()
					.plusDays(1)
					.atStartOfDay(this.openingHours.zone())
					.toInstant();
		return firstCallableInstant(earliest, departementCode, citizenZone, slots);
	}

	/**
	 * The first instant from {@code earliest} when the help desk is open and the citizen
	 * is willing to be called.
	 */
	Optional<Instant> firstCallableInstant(Instant earliest, String departementCode, ZoneId citizenZone,
			Set<TimeSlot> slots) {
		for (TimeWindow opening : this.openingHours.openingsBetween(earliest, earliest.plus(HORIZON))) {
			Optional<Instant> start = firstInSlots(opening, departementCode, citizenZone, slots);
			if (start.isPresent()) {
				return start;
			}
		}
		return Optional.empty();
	}

	private Optional<Instant> firstInSlots(TimeWindow opening, String departementCode, ZoneId citizenZone,
			Set<TimeSlot> slots) {
		LocalDate day = opening.start().atZone(citizenZone).toLocalDate();
		LocalDate lastDay = opening.end().atZone(citizenZone).toLocalDate();
		for (; !day.isAfter(lastDay); day = day.plusDays(1)) {
			if (FrenchPublicHolidays.isHolidayIn(departementCode, day)) {
				continue;
			}
			Instant best = null;
			for (TimeWindow slot : slotsOf(day, citizenZone, slots)) {
				Instant start = later(slot.start(), opening.start());
				Instant end = earlier(slot.end(), opening.end());
				if (start.isBefore(end) && (best == null || start.isBefore(best))) {
					best = start;
				}
			}
			if (best != null) {
				return Optional.of(best);
			}
		}
		return Optional.empty();
	}

	private static Set<TimeWindow> slotsOf(LocalDate day, ZoneId zone, Set<TimeSlot> slots) {
		if (slots.isEmpty()) {
			return Set
				.of(new TimeWindow(day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant()));
		}
		return slots.stream()
			.map((slot) -> new TimeWindow(day.atTime(slot.starts()).atZone(zone).toInstant(),
					day.atTime(slot.ends()).atZone(zone).toInstant()))
			.collect(java.util.stream.Collectors.toSet());
	}

	private static Instant later(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static Instant earlier(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

}
