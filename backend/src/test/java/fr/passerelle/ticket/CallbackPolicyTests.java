package fr.passerelle.ticket;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import fr.passerelle.calendar.OpeningHours;
import fr.passerelle.calendar.OpeningHoursTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CallbackPolicyTests {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private static final ZoneId REUNION = ZoneId.of("Indian/Reunion");

	private final OpeningHours weekdays = OpeningHoursTestSupport.weekly(PARIS,
			Map.of(DayOfWeek.MONDAY, "09:00-18:00", DayOfWeek.TUESDAY, "09:00-18:00", DayOfWeek.WEDNESDAY,
					"09:00-18:00", DayOfWeek.THURSDAY, "09:00-18:00", DayOfWeek.FRIDAY, "09:00-18:00"),
			Clock.systemUTC());

	private final CallbackPolicy policy = new CallbackPolicy(
			() -> new CallbackPolicyProperties(3, Duration.ofHours(2), Duration.ofDays(7)), this.weekdays);

	@Test
	void triesAgainTwoHoursLaterOnTheSameDay() {
		assertThat(next(1, "2026-03-02T10:00", "75", PARIS)).hasValue(paris("2026-03-02T12:00"));
	}

	@Test
	void movesAnEveningRetryToTheNextMorning() {
		assertThat(next(1, "2026-03-02T17:00", "75", PARIS)).hasValue(paris("2026-03-03T09:00"));
	}

	@Test
	void skipsTheWeekend() {
		assertThat(next(1, "2026-03-06T17:30", "75", PARIS)).hasValue(paris("2026-03-09T09:00"));
	}

	@Test
	void waitsForTheNextOpeningDayAfterTheSecondFailure() {
		assertThat(next(2, "2026-03-02T10:00", "75", PARIS)).hasValue(paris("2026-03-03T09:00"));
		assertThat(next(2, "2026-03-06T10:00", "75", PARIS)).hasValue(paris("2026-03-09T09:00"));
	}

	@Test
	void skipsNationalHolidays() {
		// Thursday 30 April 2026; Friday 1 May is Labour Day.
		assertThat(next(1, "2026-04-30T17:00", "75", PARIS)).hasValue(paris("2026-05-04T09:00"));
		// Easter Monday 2026 is 6 April.
		assertThat(next(2, "2026-04-03T11:00", "75", PARIS)).hasValue(paris("2026-04-07T09:00"));
	}

	@Test
	void skipsTheCitizensOwnPublicHolidays() {
		// Good Friday (3 April 2026) is a holiday in the Bas-Rhin only: the desk is open,
		// the citizen is not called.
		assertThat(next(2, "2026-04-02T11:00", "67", PARIS)).hasValue(paris("2026-04-07T09:00"));
		assertThat(next(2, "2026-04-02T11:00", "54", PARIS)).hasValue(paris("2026-04-03T09:00"));
	}

	@Test
	void callsOnlyWithinTheCitizensSlots() {
		Optional<Instant> afternoon = this.policy.nextAttempt(1, paris("2026-03-02T09:15"), "75", PARIS,
				Set.of(TimeSlot.AFTERNOON));
		Optional<Instant> morningTomorrow = this.policy.nextAttempt(1, paris("2026-03-02T11:00"), "75", PARIS,
				Set.of(TimeSlot.MORNING));

		assertThat(afternoon).hasValue(paris("2026-03-02T14:00"));
		assertThat(morningTomorrow).hasValue(paris("2026-03-03T09:00"));
	}

	@Test
	void readsTheSlotsInTheCitizensTimeZone() {
		// La Réunion is UTC+4, Paris UTC+1 in March: the desk's 9:00–18:00 is 12:00–21:00
		// there, so an afternoon
		// slot (14:00–18:00 Réunion) starts at 11:00 Paris.
		Optional<Instant> next = this.policy.nextAttempt(1, paris("2026-03-02T07:00"), "974", REUNION,
				Set.of(TimeSlot.AFTERNOON));

		assertThat(next).hasValue(paris("2026-03-02T11:00"));
	}

	@Test
	void findsNoTimeWhenTheSlotsNeverMeetTheOpeningHours() {
		// A Réunion morning (9:00–12:00, i.e. 6:00–9:00 Paris in winter) never overlaps
		// the desk's hours.
		assertThat(
				this.policy.firstCallableInstant(paris("2026-01-05T08:00"), "974", REUNION, Set.of(TimeSlot.MORNING)))
			.isEmpty();
	}

	@Test
	void givesUpAfterTheLastAttempt() {
		assertThat(next(3, "2026-03-02T10:00", "75", PARIS)).isEmpty();
	}

	private Optional<Instant> next(int attemptsMade, String failedAtParis, String departement, ZoneId zone) {
		return this.policy.nextAttempt(attemptsMade, paris(failedAtParis), departement, zone, Set.of());
	}

	private static Instant paris(String localDateTime) {
		return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), PARIS).toInstant();
	}

}
