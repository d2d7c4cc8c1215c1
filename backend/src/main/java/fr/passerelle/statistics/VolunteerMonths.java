package fr.passerelle.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * How a period is read from the volunteers' lines: its whole months from their monthly
 * lines ({@code statistics_volunteer_months}), where those are summed, and its other days
 * from the daily lines.
 */
final class VolunteerMonths {

	private VolunteerMonths() {
	}

	/**
	 * Splits a period.
	 * @param summedUntil the first day of the first month not summed (the months before
	 * it are), or {@code null} when none is
	 */
	static Split split(LocalDate from, LocalDate to, LocalDate summedUntil) {
		LocalDate firstMonth = (from.getDayOfMonth() == 1) ? from : from.withDayOfMonth(1).plusMonths(1);
		LocalDate monthsEnd = to.plusDays(1).withDayOfMonth(1);
		if (summedUntil == null) {
			monthsEnd = firstMonth;
		}
		else if (summedUntil.isBefore(monthsEnd)) {
			monthsEnd = summedUntil.withDayOfMonth(1);
		}
		if (!firstMonth.isBefore(monthsEnd)) {
			return new Split(null, List.of(new Period(from, to)));
		}
		List<Period> days = new ArrayList<>();
		if (from.isBefore(firstMonth)) {
			days.add(new Period(from, firstMonth.minusDays(1)));
		}
		if (!monthsEnd.isAfter(to)) {
			days.add(new Period(monthsEnd, to));
		}
		return new Split(new Period(firstMonth, monthsEnd.minusMonths(1)), days);
	}

	/**
	 * @param months the first days of the first and last whole months read from the
	 * monthly lines, or {@code null} for none
	 * @param days the ranges of days read from the daily lines
	 */
	record Split(Period months, List<Period> days) {
	}

}
