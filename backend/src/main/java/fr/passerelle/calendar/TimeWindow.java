package fr.passerelle.calendar;

import java.time.Instant;

/**
 * A stretch of time, from {@code start} (included) to {@code end} (excluded).
 */
public record TimeWindow(Instant start, Instant end) {

	public TimeWindow {
		if (!start.isBefore(end)) {
			throw new IllegalArgumentException("A time window must end after it starts");
		}
	}

	public boolean contains(Instant instant) {
		return !instant.isBefore(this.start) && instant.isBefore(this.end);
	}

}
