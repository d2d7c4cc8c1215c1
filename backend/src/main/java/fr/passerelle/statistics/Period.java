package fr.passerelle.statistics;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import fr.passerelle.platform.RejectedRequest;

import org.springframework.http.HttpStatus;

/**
 * A range of whole days, in Paris time, both included.
 */
record Period(LocalDate from, LocalDate to) {

	/** Nothing can be older: the figures start with the service. */
	static final LocalDate EARLIEST = LocalDate.of(2020, 1, 1);

	/**
	 * Reads a period as the API receives it ({@code YYYY-MM-DD}).
	 * @throws RejectedRequest (400) for a missing or malformed date, an end before the
	 * start, or a period before 2020 or more than a year ahead
	 */
	static Period parse(String from, String to, LocalDate today) {
		LocalDate start = date(from);
		LocalDate end = date(to);
		if (end.isBefore(start)) {
			throw new RejectedRequest(HttpStatus.BAD_REQUEST, "statistics.period.inverted", start, end);
		}
		if (start.isBefore(EARLIEST) || end.isAfter(today.plusYears(1))) {
			throw new RejectedRequest(HttpStatus.BAD_REQUEST, "statistics.period.out-of-range", EARLIEST,
					today.plusYears(1));
		}
		return new Period(start, end);
	}

	private static LocalDate date(String text) {
		if (text == null || text.isBlank()) {
			throw new RejectedRequest(HttpStatus.BAD_REQUEST, "statistics.period.missing");
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException malformed) {
			throw new RejectedRequest(HttpStatus.BAD_REQUEST, "statistics.period.malformed");
		}
	}

	long days() {
		return ChronoUnit.DAYS.between(this.from, this.to) + 1;
	}

	/** The period of the same length just before this one. */
	Period previous() {
		return new Period(this.from.minusDays(days()), this.from.minusDays(1));
	}

}
