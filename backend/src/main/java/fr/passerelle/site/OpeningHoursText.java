package fr.passerelle.site;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import fr.passerelle.calendar.OpeningSlot;
import fr.passerelle.calendar.ServiceException;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Says the opening hours in plain words: "Du lundi au vendredi, de 9 h à 18 h".
 * Consecutive days with the same hours are grouped.
 */
@Component
class OpeningHoursText {

	private final MessageSource messages;

	OpeningHoursText(MessageSource messages) {
		this.messages = messages;
	}

	List<String> describe(List<OpeningSlot> weekly, Locale locale) {
		List<String> lines = new ArrayList<>();
		DayOfWeek first = null;
		DayOfWeek last = null;
		String hours = null;
		for (DayOfWeek day : DayOfWeek.values()) {
			String dayHours = hoursOf(weekly, day, locale);
			if (dayHours != null && dayHours.equals(hours) && last == day.minus(1)) {
				last = day;
				continue;
			}
			if (hours != null) {
				lines.add(line(first, last, hours, locale));
			}
			first = day;
			last = day;
			hours = dayHours;
		}
		if (hours != null) {
			lines.add(line(first, last, hours, locale));
		}
		return lines;
	}

	/**
	 * Says the exceptional closures and openings: "Fermé exceptionnellement du lundi 24
	 * décembre au mardi 25 décembre 2026. Grève des transports." ; "Ouvert
	 * exceptionnellement le samedi 2 janvier 2027, de 9 h à 12 h."
	 */
	List<String> describeExceptions(List<ServiceException> exceptions, Locale locale) {
		DateTimeFormatter days = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", locale);
		List<String> lines = new ArrayList<>();
		for (ServiceException exception : exceptions) {
			boolean single = exception.firstDay().equals(exception.lastDay());
			String when = single
					? this.messages.getMessage("hours.exception.day",
							new Object[] { days.format(exception.firstDay()) }, locale)
					: this.messages.getMessage("hours.exception.days",
							new Object[] { days.format(exception.firstDay()), days.format(exception.lastDay()) },
							locale);
			String line = (exception.kind() == ServiceException.Kind.CLOSED)
					? this.messages.getMessage("hours.exception.closed", new Object[] { when }, locale)
					: this.messages.getMessage("hours.exception.open",
							new Object[] { when, time(exception.opens(), locale), time(exception.closes(), locale) },
							locale);
			if (exception.message() != null && !exception.message().isBlank()) {
				line += " " + exception.message();
			}
			lines.add(line);
		}
		return lines;
	}

	private String hoursOf(List<OpeningSlot> weekly, DayOfWeek day, Locale locale) {
		List<OpeningSlot> slots = weekly.stream().filter((slot) -> slot.day() == day).toList();
		if (slots.isEmpty()) {
			return null;
		}
		return slots.stream()
			.map((slot) -> this.messages.getMessage("hours.range",
					new Object[] { time(slot.opens(), locale), time(slot.closes(), locale) }, locale))
			.collect(Collectors.joining(this.messages.getMessage("hours.and", null, locale)));
	}

	private String line(DayOfWeek first, DayOfWeek last, String hours, Locale locale) {
		if (first == last) {
			return this.messages.getMessage("hours.day", new Object[] { dayName(first, locale), hours }, locale);
		}
		return this.messages.getMessage("hours.days",
				new Object[] { dayName(first, locale), dayName(last, locale), hours }, locale);
	}

	private static String dayName(DayOfWeek day, Locale locale) {
		return day.getDisplayName(TextStyle.FULL, locale);
	}

	private String time(LocalTime time, Locale locale) {
		String code = (time.getMinute() == 0) ? "hours.time.hour" : "hours.time.minutes";
		return this.messages.getMessage(code, new Object[] { time.getHour(), String.format("%02d", time.getMinute()) },
				locale);
	}

}
