package fr.passerelle.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import fr.passerelle.account.StaffAccount;
import fr.passerelle.platform.RejectedRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The help desk's hours and their exceptions: read by coordinators, set by national
 * coordinators and administrators.
 */
@RestController
@RequestMapping("/api/settings/calendar")
@PreAuthorize("hasRole('COORDINATOR')")
@Tag(name = "Opening hours (coordinators)")
class ServiceCalendarController {

	private final ServiceCalendar calendar;

	ServiceCalendarController(ServiceCalendar calendar) {
		this.calendar = calendar;
	}

	@GetMapping
	@Operation(summary = "The weekly hours (Europe/Paris) and the exceptional closures and openings not over yet")
	ServiceCalendar.Calendar read() {
		return this.calendar.read();
	}

	@PutMapping("/weekly")
	@Operation(summary = "Replace the weekly hours (national coordinators, administrators); effective on every "
			+ "instance within seconds. A slot ending before it starts, or overlapping another, is refused beside it")
	ServiceCalendar.Calendar replaceWeekly(@Valid @RequestBody WeeklyBody body, StaffAccount staff) {
		List<OpeningSlot> slots = new ArrayList<>();
		for (int i = 0; i < body.slots().size(); i++) {
			SlotBody slot = body.slots().get(i);
			if (slot.day() == null || slot.opens() == null || slot.closes() == null
					|| !slot.opens().isBefore(slot.closes())) {
				throw RejectedRequest.field("slots[" + i + "]", "calendar.slot.invalid");
			}
			slots.add(new OpeningSlot(slot.day(), slot.opens(), slot.closes()));
		}
		return this.calendar.replaceWeekly(staff, slots, body.version());
	}

	@PostMapping("/exceptions")
	@Operation(summary = "Add an exceptional closure (whole days, with the message the phone line reads and the "
			+ "citizen site shows) or opening (days open with their own hours); not in the past, not over another")
	ServiceCalendar.Calendar addException(@Valid @RequestBody ExceptionBody body, StaffAccount staff) {
		if (body.kind() == null) {
			throw RejectedRequest.field("kind", "calendar.exception.kind");
		}
		if (body.firstDay() == null) {
			throw RejectedRequest.field("firstDay", "calendar.exception.day");
		}
		LocalDate last = (body.lastDay() != null) ? body.lastDay() : body.firstDay();
		return this.calendar.addException(staff, new ServiceException(0, body.kind(), body.firstDay(), last,
				body.opens(), body.closes(), body.message()), body.version());
	}

	@DeleteMapping("/exceptions/{id}")
	@Operation(summary = "Remove an exceptional closure or opening (removing it again changes nothing); with the "
			+ "version read, 409 when the calendar changed meanwhile")
	ServiceCalendar.Calendar removeException(@PathVariable long id, @RequestParam(required = false) Integer version,
			StaffAccount staff) {
		return this.calendar.removeException(staff, id, version);
	}

	record WeeklyBody(@NotNull @Size(max = 28) List<@NotNull SlotBody> slots, int version) {
	}

	record SlotBody(DayOfWeek day, LocalTime opens, LocalTime closes) {
	}

	record ExceptionBody(ServiceException.Kind kind, LocalDate firstDay, LocalDate lastDay, LocalTime opens,
			LocalTime closes, @Size(max = 300) String message, int version) {
	}

}
