package fr.passerelle.calendar;

import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.passerelle.account.Role;
import fr.passerelle.account.StaffAccount;
import fr.passerelle.platform.RejectedRequest;
import fr.passerelle.privacy.AuditAction;
import fr.passerelle.privacy.AuditLog;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The help desk's hours and their exceptions as national coordinators and administrators
 * set them from the staff app, kept in the database: every instance reads them again
 * within {@value #REFRESH_SECONDS} s of a change, so that the phone line and the citizen
 * site follow without a restart. The configuration gives the first weekly hours, written
 * at the first start. Every change goes to the audit log with what it replaced, and is
 * refused (409) when the calendar changed since it was read.
 */
@Service
public class ServiceCalendar {

	static final int REFRESH_SECONDS = 5;

	/** An exception lasts a year at most. */
	static final int LONGEST_EXCEPTION_DAYS = 366;

	private final JdbcClient jdbc;

	private final OpeningHours hours;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private volatile int loaded = -1;

	ServiceCalendar(JdbcClient jdbc, OpeningHours hours, AuditLog audit, PlatformTransactionManager transactions,
			Clock clock) {
		this.jdbc = jdbc;
		this.hours = hours;
		this.audit = audit;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/** At the first start, the configuration's weekly hours; then what is kept. */
	@EventListener(ApplicationStartedEvent.class)
	void start() {
		this.transactions.executeWithoutResult((status) -> {
			if (this.jdbc.sql("UPDATE service_calendar_state SET seeded = TRUE WHERE id = 1 AND NOT seeded")
				.update() == 1) {
				this.hours.configured().forEach(this::insert);
			}
		});
		refresh();
	}

	/** Reads the hours again when they changed (on any instance). */
	@Scheduled(fixedDelay = REFRESH_SECONDS * 1000L, initialDelay = REFRESH_SECONDS * 1000L)
	void refresh() {
		int version = version();
		if (version != this.loaded) {
			load(version);
		}
	}

	/** The hours and the exceptions not over yet, with the version they were read at. */
	Calendar read() {
		refresh();
		return new Calendar(this.hours.weekly(), this.hours.exceptions(), this.loaded);
	}

	/**
	 * Replaces the weekly hours.
	 * @throws RejectedRequest (400, beside the slot) for a slot ending before it starts
	 * or overlapping another; (403) for a regional coordinator; (409) when the calendar
	 * changed since {@code version}
	 */
	Calendar replaceWeekly(StaffAccount who, List<OpeningSlot> slots, int version) {
		requireNational(who);
		refresh();
		for (int i = 0; i < slots.size(); i++) {
			for (int j = 0; j < i; j++) {
				OpeningSlot a = slots.get(i);
				OpeningSlot b = slots.get(j);
				if (a.day() == b.day() && a.opens().isBefore(b.closes()) && b.opens().isBefore(a.closes())) {
					throw RejectedRequest.field("slots[" + i + "]", "calendar.slot.overlap");
				}
			}
		}
		List<String> before = describe(this.hours.weekly());
		this.transactions.executeWithoutResult((status) -> {
			bump(version);
			this.jdbc.sql("DELETE FROM service_opening_slot").update();
			slots.forEach(this::insert);
		});
		this.audit.record(AuditAction.OPENING_HOURS_CHANGED, "calendar/weekly",
				Map.of("before", before, "after", describe(slots)));
		return read();
	}

	/**
	 * Adds an exceptional closure or opening.
	 * @throws RejectedRequest (400, beside the field) for a day in the past, a last day
	 * before the first, more than a year, hours missing or ending before they start, a
	 * message too long, or days already covered by another exception; (403) for a
	 * regional coordinator; (409) when the calendar changed since {@code version}
	 */
	Calendar addException(StaffAccount who, ServiceException exception, int version) {
		requireNational(who);
		// what another instance changed is checked against too
		refresh();
		LocalDate today = this.clock.instant().atZone(this.hours.zone()).toLocalDate();
		if (exception.firstDay().isBefore(today)) {
			throw RejectedRequest.field("firstDay", "calendar.exception.past");
		}
		if (exception.lastDay().isBefore(exception.firstDay())) {
			throw RejectedRequest.field("lastDay", "calendar.exception.inverted");
		}
		if (exception.lastDay().isAfter(exception.firstDay().plusDays(LONGEST_EXCEPTION_DAYS - 1))) {
			throw RejectedRequest.field("lastDay", "calendar.exception.too-long");
		}
		if (exception.kind() == ServiceException.Kind.OPEN) {
			if (exception.opens() == null) {
				throw RejectedRequest.field("opens", "calendar.exception.hours");
			}
			if (exception.closes() == null || !exception.opens().isBefore(exception.closes())) {
				throw RejectedRequest.field("closes", "calendar.exception.hours");
			}
		}
		String message = (exception.message() != null && !exception.message().isBlank()) ? exception.message().strip()
				: null;
		if (message != null && message.length() > 300) {
			throw RejectedRequest.field("message", "calendar.exception.message");
		}
		for (ServiceException other : this.hours.exceptions()) {
			if (!other.lastDay().isBefore(exception.firstDay()) && !exception.lastDay().isBefore(other.firstDay())) {
				throw RejectedRequest.field("firstDay", "calendar.exception.overlap", other.firstDay(),
						other.lastDay());
			}
		}
		boolean open = exception.kind() == ServiceException.Kind.OPEN;
		long id = this.transactions.execute((status) -> {
			bump(version);
			this.jdbc
				.sql("""
						INSERT INTO service_exception (kind, first_day, last_day, opens, closes, message, created_by, created_at)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(exception.kind().name(), Date.valueOf(exception.firstDay()), Date.valueOf(exception.lastDay()),
						open ? Time.valueOf(exception.opens()) : null, open ? Time.valueOf(exception.closes()) : null,
						message, who.id(), Timestamp.from(this.clock.instant()))
				.update();
			return this.jdbc.sql("SELECT LAST_INSERT_ID()").query(Long.class).single();
		});
		this.audit.record(AuditAction.SERVICE_EXCEPTION_ADDED, "calendar/exception/" + id,
				Map.of("after", describe(exception, message)));
		return read();
	}

	/**
	 * Removes an exception that is not over; removing it again changes nothing.
	 * @param version the calendar's version as read, or {@code null} not to check it
	 * @throws RejectedRequest (403) for a regional coordinator; (409) when the calendar
	 * changed since {@code version}
	 */
	Calendar removeException(StaffAccount who, long id, Integer version) {
		requireNational(who);
		refresh();
		ServiceException removed = this.hours.exceptions()
			.stream()
			.filter((exception) -> exception.id() == id)
			.findFirst()
			.orElse(null);
		if (removed == null) {
			return read();
		}
		this.transactions.executeWithoutResult((status) -> {
			bump((version != null) ? version : version());
			this.jdbc.sql("DELETE FROM service_exception WHERE id = ?").param(id).update();
		});
		this.audit.record(AuditAction.SERVICE_EXCEPTION_REMOVED, "calendar/exception/" + id,
				Map.of("before", describe(removed, removed.message())));
		return read();
	}

	private void load(int version) {
		List<OpeningSlot> weekly = this.jdbc.sql("SELECT day_of_week, opens, closes FROM service_opening_slot")
			.query((rs, row) -> new OpeningSlot(DayOfWeek.of(rs.getInt(1)), rs.getTime(2).toLocalTime(),
					rs.getTime(3).toLocalTime()))
			.list();
		// exceptions over for more than a day are of no use (a day in any time zone)
		LocalDate since = this.clock.instant().atZone(this.hours.zone()).toLocalDate().minusDays(1);
		List<ServiceException> exceptions = this.jdbc.sql("""
				SELECT id, kind, first_day, last_day, opens, closes, message FROM service_exception
				WHERE last_day >= ? ORDER BY first_day, id""")
			.param(Date.valueOf(since))
			.query((rs, row) -> new ServiceException(rs.getLong("id"),
					ServiceException.Kind.valueOf(rs.getString("kind")), rs.getDate("first_day").toLocalDate(),
					rs.getDate("last_day").toLocalDate(), time(rs.getTime("opens")), time(rs.getTime("closes")),
					rs.getString("message")))
			.list();
		this.hours.replace(weekly, exceptions);
		this.loaded = version;
	}

	private int version() {
		return this.jdbc.sql("SELECT version FROM service_calendar_state WHERE id = 1").query(Integer.class).single();
	}

	private void bump(int version) {
		if (this.jdbc.sql("UPDATE service_calendar_state SET version = version + 1 WHERE id = 1 AND version = ?")
			.param(version)
			.update() == 0) {
			throw new RejectedRequest(HttpStatus.CONFLICT, "problem.changed-meanwhile");
		}
	}

	private void insert(OpeningSlot slot) {
		this.jdbc.sql("INSERT INTO service_opening_slot (day_of_week, opens, closes) VALUES (?, ?, ?)")
			.params(slot.day().getValue(), Time.valueOf(slot.opens()), Time.valueOf(slot.closes()))
			.update();
	}

	private static void requireNational(StaffAccount who) {
		if (who.role() == Role.COORDINATOR && who.regionCode() != null) {
			throw new RejectedRequest(HttpStatus.FORBIDDEN, "calendar.national");
		}
	}

	private static List<String> describe(List<OpeningSlot> slots) {
		List<String> described = new ArrayList<>();
		slots.forEach((slot) -> described.add(slot.day() + " " + slot.opens() + "-" + slot.closes()));
		return described;
	}

	private static Map<String, Object> describe(ServiceException exception, String message) {
		Map<String, Object> described = new LinkedHashMap<>();
		described.put("kind", exception.kind().name());
		described.put("days", exception.firstDay() + "/" + exception.lastDay());
		if (exception.kind() == ServiceException.Kind.OPEN) {
			described.put("hours", exception.opens() + "-" + exception.closes());
		}
		described.put("message", (message != null) ? message : "");
		return described;
	}

	private static LocalTime time(Time time) {
		return (time != null) ? time.toLocalTime() : null;
	}

	/**
	 * The calendar as read.
	 *
	 * @param exceptions those not over yet
	 * @param version goes with a change, so that none is overwritten
	 */
	record Calendar(List<OpeningSlot> weekly, List<ServiceException> exceptions, int version) {
	}

}
