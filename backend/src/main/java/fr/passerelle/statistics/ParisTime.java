package fr.passerelle.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Days and hours of the figures are those of Paris: a day runs from midnight to midnight
 * there (23 hours when clocks go forward, 25 when they go back).
 */
final class ParisTime {

	static final ZoneId ZONE = ZoneId.of("Europe/Paris");

	private ParisTime() {
	}

	static Instant start(LocalDate day) {
		return day.atStartOfDay(ZONE).toInstant();
	}

	static Instant end(LocalDate day) {
		return start(day.plusDays(1));
	}

	static LocalDate day(Instant instant) {
		return LocalDate.ofInstant(instant, ZONE);
	}

	static int hour(Instant instant) {
		return instant.atZone(ZONE).getHour();
	}

}
