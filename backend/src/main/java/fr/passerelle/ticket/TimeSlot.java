package fr.passerelle.ticket;

import java.time.LocalTime;

/**
 * A part of the day a citizen prefers to be called back in, in the time of their own
 * département.
 */
public enum TimeSlot {

	MORNING(LocalTime.of(9, 0), LocalTime.of(12, 0)), MIDDAY(LocalTime.of(12, 0), LocalTime.of(14, 0)),
	AFTERNOON(LocalTime.of(14, 0), LocalTime.of(18, 0));

	private final LocalTime starts;

	private final LocalTime ends;

	TimeSlot(LocalTime starts, LocalTime ends) {
		this.starts = starts;
		this.ends = ends;
	}

	public LocalTime starts() {
		return this.starts;
	}

	public LocalTime ends() {
		return this.ends;
	}

}
