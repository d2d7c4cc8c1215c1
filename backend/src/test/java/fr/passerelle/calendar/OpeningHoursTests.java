package fr.passerelle.calendar;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OpeningHoursTests {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private final OpeningHours hours = new OpeningHours(
			new OpeningHoursProperties(PARIS,
					Map.of(DayOfWeek.MONDAY, "09:00-12:30, 13:30-18:00", DayOfWeek.SATURDAY, "09:00-12:00")),
			Clock.fixed(Instant.parse("2026-01-05T08:30:00Z"), ZoneOffset.UTC));

	@Test
	void opensAtTheOpeningMinuteAndClosesAtTheClosingOneInParisTime() {
		// Monday 5 January 2026: Paris is UTC+1.
		assertThat(this.hours.isOpen(Instant.parse("2026-01-05T07:59:59Z"))).isFalse();
		assertThat(this.hours.isOpen(Instant.parse("2026-01-05T08:00:00Z"))).isTrue();
		assertThat(this.hours.isOpen(Instant.parse("2026-01-05T11:45:00Z"))).isFalse();
		assertThat(this.hours.isOpen(Instant.parse("2026-01-05T16:59:59Z"))).isTrue();
		assertThat(this.hours.isOpen(Instant.parse("2026-01-05T17:00:00Z"))).isFalse();
	}

	@Test
	void followsSummerTime() {
		// Monday 30 March 2026, the day after the switch: Paris is UTC+2.
		assertThat(this.hours.isOpen(Instant.parse("2026-03-30T06:30:00Z"))).isFalse();
		assertThat(this.hours.isOpen(Instant.parse("2026-03-30T07:00:00Z"))).isTrue();
	}

	@Test
	void staysClosedOnDaysWithoutHours() {
		assertThat(this.hours.isOpen(Instant.parse("2026-01-06T10:00:00Z"))).isFalse();
		assertThat(this.hours.isOpen(Instant.parse("2026-01-10T09:00:00Z"))).isTrue();
	}

	@Test
	void closesOnNationalPublicHolidays() {
		// Monday 6 April 2026 is Easter Monday; Monday 13 April is an ordinary Monday.
		assertThat(this.hours.isOpen(Instant.parse("2026-04-06T08:00:00Z"))).isFalse();
		assertThat(this.hours.isOpen(Instant.parse("2026-04-13T08:00:00Z"))).isTrue();
	}

	@Test
	void listsTheOpeningsOfAPeriodSkippingHolidays() {
		// Saturdays 4 and 11 April, then Monday 13 (Monday 6 is Easter Monday).
		assertThat(this.hours.openingsBetween(Instant.parse("2026-04-04T00:00:00Z"),
				Instant.parse("2026-04-13T08:30:00Z")))
			.containsExactly(
					new TimeWindow(Instant.parse("2026-04-04T07:00:00Z"), Instant.parse("2026-04-04T10:00:00Z")),
					new TimeWindow(Instant.parse("2026-04-11T07:00:00Z"), Instant.parse("2026-04-11T10:00:00Z")),
					new TimeWindow(Instant.parse("2026-04-13T07:00:00Z"), Instant.parse("2026-04-13T08:30:00Z")));
	}

	@Test
	void listsTheWeekMondayFirstInOrder() {
		assertThat(this.hours.weekly()).extracting(OpeningSlot::day)
			.containsExactly(DayOfWeek.MONDAY, DayOfWeek.MONDAY, DayOfWeek.SATURDAY);
		assertThat(this.hours.isOpenNow()).isTrue();
	}

	@Test
	void refusesMalformedHoursAtStartupNamingTheSetting() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new OpeningHours(new OpeningHoursProperties(PARIS, Map.of(DayOfWeek.FRIDAY, "9h-18h")),
					Clock.systemUTC()))
			.withMessageContaining("passerelle.opening-hours.weekly.friday");
		assertThatIllegalArgumentException().isThrownBy(() -> new OpeningHours(
				new OpeningHoursProperties(PARIS, Map.of(DayOfWeek.FRIDAY, "18:00-09:00")), Clock.systemUTC()));
	}

}
