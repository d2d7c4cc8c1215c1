package fr.passerelle.volunteer;

import java.util.List;

import fr.passerelle.account.StaffAccount;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A volunteer's own presence and shifts.
 */
@RestController
@RequestMapping("/api/volunteers/me")
@Tag(name = "Volunteers", description = "Presence and shifts")
class PresenceController {

	private final Volunteers volunteers;

	private final VolunteerShifts volunteerShifts;

	private final WrapUps wrapUps;

	private final VolunteerPresence volunteerPresence;

	PresenceController(Volunteers volunteers, VolunteerShifts volunteerShifts, WrapUps wrapUps,
			VolunteerPresence volunteerPresence) {
		this.volunteers = volunteers;
		this.volunteerShifts = volunteerShifts;
		this.wrapUps = wrapUps;
		this.volunteerPresence = volunteerPresence;
	}

	@GetMapping("/presence")
	@Operation(summary = "The caller's presence")
	PresenceState presence(StaffAccount staff) {
		return this.volunteerPresence.presence(staff.id());
	}

	@PutMapping("/presence")
	@Operation(summary = "Go available, on a break, or offline")
	PresenceState choosePresence(@Valid @RequestBody PresenceChoice choice, StaffAccount staff) {
		return this.volunteerPresence.choosePresence(staff.id(), choice.status());
	}

	@DeleteMapping("/wrap-up")
	@Operation(summary = "End the caller's wrap-up time now: offers may come again")
	PresenceState endWrapUp(StaffAccount staff) {
		return this.wrapUps.endWrapUp(staff.id());
	}

	@GetMapping("/shifts")
	@Operation(summary = "The caller's weekly shifts")
	Shifts shifts(StaffAccount staff) {
		long me = staff.id();
		return new Shifts(this.volunteerShifts.availableAtShiftStart(me), this.volunteerShifts.shifts(me));
	}

	@PutMapping("/shifts")
	@Operation(summary = "Replace the caller's weekly shifts")
	Shifts replaceShifts(@Valid @RequestBody Shifts shifts, StaffAccount staff) {
		long me = staff.id();
		List<Shift> saved = this.volunteerShifts.replaceShifts(me, shifts.shifts(), shifts.availableAtShiftStart());
		return new Shifts(this.volunteerShifts.availableAtShiftStart(me), saved);
	}

	record PresenceChoice(@NotNull Presence status) {
	}

	/**
	 * @param availableAtShiftStart go available automatically when a shift starts
	 * @param shifts the weekly shifts, in the time of the volunteer's département
	 */
	record Shifts(boolean availableAtShiftStart, @NotNull @Size(max = 21) List<Shift> shifts) {
	}

}
