package fr.passerelle.calendar;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * An exception to the weekly hours: closed whole days, or a day (or days) open with their
 * own hours instead of the weekly ones (public holidays included).
 *
 * @param opens for an opening, the hour it opens; {@code null} for a closure
 * @param closes for an opening, the hour it closes; {@code null} for a closure
 * @param message what the phone line says and the citizen site shows meanwhile (in
 * French), or {@code null}
 */
public record ServiceException(long id, Kind kind, LocalDate firstDay, LocalDate lastDay, LocalTime opens,
		LocalTime closes, String message) {

	boolean covers(LocalDate day) {
		return !day.isBefore(this.firstDay) && !day.isAfter(this.lastDay);
	}

	/** Closed, or open with its own hours. */
	public enum Kind {

		CLOSED, OPEN

	}

}
