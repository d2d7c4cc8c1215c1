package fr.passerelle.volunteer;

import java.time.DayOfWeek;
import java.time.LocalTime;

import fr.passerelle.platform.RejectedRequest;

import org.springframework.http.HttpStatus;

/**
 * A weekly slot a volunteer commits to, in the time of their own département.
 */
public record Shift(DayOfWeek day, LocalTime starts, LocalTime ends) {

	public Shift {
		if (day == null || starts == null || ends == null || !starts.isBefore(ends)) {
			throw new RejectedRequest(HttpStatus.BAD_REQUEST, "volunteer.shift.invalid");
		}
	}

	boolean overlaps(Shift other) {
		return this.day == other.day && this.starts.isBefore(other.ends) && other.starts.isBefore(this.ends);
	}

}
