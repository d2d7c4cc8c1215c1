package fr.passerelle.calendar;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

/**
 * The help desk's opening hours: a weekly schedule in Europe/Paris time, closed on
 * national public holidays.
 */
@Service
public class OpeningHours {

	private final ZoneId zone;

	private final List<OpeningSlot> weekly;

	private final Clock clock;

	OpeningHours(OpeningHoursProperties properties, Clock clock) {
		this.zone = properties.zone();
		this.weekly = parse((properties.weekly() != null) ? properties.weekly() : Map.of());
		this.clock = clock;
	}

	/**
	 * The time zone opening hours are expressed in.
	 */
	public ZoneId zone() {
		return this.zone;
	}

	/**
	 * Every opening period of the week, Monday first.
	 */
	public List<OpeningSlot> weekly() {
		return this.weekly;
	}

	/**
	 * Whether the help desk is open at this instant: inside the weekly hours, and not on
	 * a national public holiday.
	 */
	public boolean isOpen(Instant instant) {
		ZonedDateTime local = instant.atZone(this.zone);
		return !FrenchPublicHolidays.isNationalHoliday(local.toLocalDate())
				&& this.weekly.stream().anyMatch((slot) -> slot.contains(local.getDayOfWeek(), local.toLocalTime()));
	}

	/**
	 * The opening periods that begin before {@code to} and end after {@code from},
	 * clipped to that range.
	 */
	public List<TimeWindow> openingsBetween(Instant from, Instant to) {
		List<TimeWindow> openings = new ArrayList<>();
		LocalDate day = from.atZone(this.zone).toLocalDate();
		LocalDate last = to.atZone(this.zone).toLocalDate();
		for (; !day.isAfter(last); day = day.plusDays(1)) {
			if (FrenchPublicHolidays.isNationalHoliday(day)) {
				continue;
			}
			for (OpeningSlot slot : this.weekly) {
				if (slot.day() != day.getDayOfWeek()) {
					continue;
				}
				Instant start = max(day.atTime(slot.opens()).atZone(this.zone).toInstant(), from);
				Instant end = min(day.atTime(slot.closes()).atZone(this.zone).toInstant(), to);
				if (start.isBefore(end)) {
					openings.add(new TimeWindow(start, end));
				}
			}
		}
		return openings;
	}

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	public boolean isOpenNow() {
		return isOpen(this.clock.instant());
	}

	private static List<OpeningSlot> parse(Map<DayOfWeek, String> configured) {
		List<OpeningSlot> slots = new ArrayList<>();
		configured.forEach((day, ranges) -> {
			for (String range : ranges.split(",")) {
				String[] bounds = range.strip().split("-");
				try {
					slots.add(new OpeningSlot(day, LocalTime.parse(bounds[0].strip()),
							LocalTime.parse(bounds[1].strip())));
				}
				catch (DateTimeParseException | ArrayIndexOutOfBoundsException ex) {
					throw new IllegalArgumentException("passerelle.opening-hours.weekly." + day.name().toLowerCase()
							+ ": expected HH:mm-HH:mm[,HH:mm-HH:mm], got '" + ranges + "'", ex);
				}
			}
		});
		slots.sort(Comparator.comparing(OpeningSlot::day).thenComparing(OpeningSlot::opens));
		return List.copyOf(slots);
	}

}
