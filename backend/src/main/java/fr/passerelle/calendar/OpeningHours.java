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
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * The help desk's opening hours: a weekly schedule in Europe/Paris time, closed on
 * national public holidays, and the exceptions to it (closed days, days open with their
 * own hours). The configuration gives the first weekly hours; those set from the staff
 * app replace them ({@link ServiceCalendar}).
 */
@Service
public class OpeningHours {

	private final ZoneId zone;

	private final List<OpeningSlot> configured;

	private final Clock clock;

	private volatile Schedule schedule;

	OpeningHours(OpeningHoursProperties properties, Clock clock) {
		this.zone = properties.zone();
		this.configured = parse((properties.weekly() != null) ? properties.weekly() : Map.of());
		this.schedule = new Schedule(this.configured, List.of());
		this.clock = clock;
	}

	/** The weekly hours the configuration gives, before any is set from the staff app. */
	List<OpeningSlot> configured() {
		return this.configured;
	}

	/** Replaces the weekly hours and the exceptions (read again from the database). */
	void replace(List<OpeningSlot> weekly, List<ServiceException> exceptions) {
		List<OpeningSlot> sorted = new ArrayList<>(weekly);
		sorted.sort(Comparator.comparing(OpeningSlot::day).thenComparing(OpeningSlot::opens));
		this.schedule = new Schedule(List.copyOf(sorted), List.copyOf(exceptions));
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
		return this.schedule.weekly();
	}

	/** The exceptions that are not over, the earliest first. */
	public List<ServiceException> exceptions() {
		LocalDate today = this.clock.instant().atZone(this.zone).toLocalDate();
		return this.schedule.exceptions().stream().filter((exception) -> !exception.lastDay().isBefore(today)).toList();
	}

	/**
	 * Whether the help desk is open at this instant: inside the weekly hours, and neither
	 * on a national public holiday nor on a closed day; or inside the hours of a day
	 * opened on purpose.
	 */
	public boolean isOpen(Instant instant) {
		ZonedDateTime local = instant.atZone(this.zone);
		return slots(local.toLocalDate()).stream()
			.anyMatch((slot) -> slot.contains(local.getDayOfWeek(), local.toLocalTime()));
	}

	/**
	 * The message of the closure that covers this instant's day, if there is one and it
	 * has a message: what the phone line says and the citizen site shows.
	 */
	public Optional<String> closureMessage(Instant instant) {
		LocalDate day = instant.atZone(this.zone).toLocalDate();
		return this.schedule.exceptions()
			.stream()
			.filter((exception) -> exception.kind() == ServiceException.Kind.CLOSED && exception.covers(day))
			.map(ServiceException::message)
			.filter((message) -> message != null && !message.isBlank())
			.findFirst();
	}

	/**
	 * The opening periods of a day: its exception's, or the weekly ones unless a holiday.
	 */
	private List<OpeningSlot> slots(LocalDate day) {
		Schedule current = this.schedule;
		for (ServiceException exception : current.exceptions()) {
			if (exception.covers(day)) {
				return (exception.kind() == ServiceException.Kind.CLOSED) ? List.of()
						: List.of(new OpeningSlot(day.getDayOfWeek(), exception.opens(), exception.closes()));
			}
		}
		if (FrenchPublicHolidays.isNationalHoliday(day)) {
			return List.of();
		}
		return current.weekly().stream().filter((slot) -> slot.day() == day.getDayOfWeek()).toList();
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
			for (OpeningSlot slot : slots(day)) {
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

	private record Schedule(List<OpeningSlot> weekly, List<ServiceException> exceptions) {
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
