package fr.passerelle.calendar;

import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * One opening period of a weekday, from {@code opens} (included) to {@code closes}
 * (excluded).
 */
public record OpeningSlot(DayOfWeek day, LocalTime opens, LocalTime closes) {

	public OpeningSlot {
		if (!opens.isBefore(closes)) {
			throw new IllegalArgumentException("An opening period must end after it starts: " + opens + "-" + closes);
		}
	}

	boolean contains(DayOfWeek day, LocalTime time) {
		return this.day == day && !time.isBefore(this.opens) && time.isBefore(this.closes);
	}

}
