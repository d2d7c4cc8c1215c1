package fr.passerelle.calendar;

import java.time.LocalDate;

/**
 * A public holiday ("jour férié").
 *
 * @param date the day
 * @param name message key of its name ({@code holiday.new-year}…)
 */
public record PublicHoliday(LocalDate date, String name) {
}
