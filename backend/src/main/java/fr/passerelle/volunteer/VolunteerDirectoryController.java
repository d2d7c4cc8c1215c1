package fr.passerelle.volunteer;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import fr.passerelle.account.StaffAccount;
import fr.passerelle.platform.RejectedRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Coordinators manage the volunteers of their scope: profile, shifts, training.
 */
@RestController
@PreAuthorize("hasRole('COORDINATOR')")
@Tag(name = "Volunteers (coordinators)")
class VolunteerDirectoryController {

	private final VolunteerDirectory directory;

	VolunteerDirectoryController(VolunteerDirectory directory) {
		this.directory = directory;
	}

	@GetMapping("/api/volunteers")
	@Operation(summary = "The volunteers of the coordinator's région (every volunteer for a national coordinator), "
			+ "by name")
	List<VolunteerDirectory.VolunteerLine> list(StaffAccount staff) {
		return this.directory.list(staff);
	}

	@GetMapping("/api/volunteers/{id}")
	@Operation(summary = "A volunteer's file: profile, territories served, capacity, shifts, training; 403 outside "
			+ "the coordinator's région")
	VolunteerDirectory.VolunteerFile read(@PathVariable long id, StaffAccount staff) {
		return this.directory.read(staff, id);
	}

	@PutMapping("/api/volunteers/{id}/profile")
	@Operation(summary = "Set a volunteer's themes, languages, territories served and capacity (1 to 3). With the "
			+ "version read: 409 when the file changed meanwhile; 400 beside the field for a value refused")
	VolunteerDirectory.VolunteerFile changeProfile(@PathVariable long id, @Valid @RequestBody ProfileBody body,
			StaffAccount staff) {
		return this.directory.changeProfile(staff, id,
				new VolunteerDirectory.ProfileChange(Set.copyOf(body.skills()), Set.copyOf(body.languages()),
						body.capacity(), Set.copyOf(body.servedDepartements()), Set.copyOf(body.servedRegions()),
						body.servesNationally(), body.version()));
	}

	@PutMapping("/api/volunteers/{id}/shifts")
	@Operation(summary = "Replace a volunteer's weekly shifts (in their own time) and whether they go available "
			+ "when one starts; overlapping shifts are refused beside the shift")
	VolunteerDirectory.VolunteerFile replaceShifts(@PathVariable long id, @Valid @RequestBody ShiftsBody body,
			StaffAccount staff) {
		List<Shift> shifts = new java.util.ArrayList<>();
		for (int i = 0; i < body.shifts().size(); i++) {
			ShiftBody shift = body.shifts().get(i);
			if (shift.day() == null || shift.starts() == null || shift.ends() == null
					|| !shift.starts().isBefore(shift.ends())) {
				throw RejectedRequest.field("shifts[" + i + "]", "volunteer.shift.invalid");
			}
			Shift parsed = new Shift(shift.day(), shift.starts(), shift.ends());
			for (int j = 0; j < shifts.size(); j++) {
				if (shifts.get(j).overlaps(parsed)) {
					throw RejectedRequest.field("shifts[" + i + "]", "volunteer.shift.overlap");
				}
			}
			shifts.add(parsed);
		}
		return this.directory.replaceShifts(staff, id, shifts, body.availableAtShiftStart(), body.version());
	}

	@PostMapping("/api/volunteers/{id}/training")
	@Operation(summary = "Vouch for a training done in person, with the reason: the approved volunteer may then "
			+ "take calls (doing it again changes nothing)")
	VolunteerDirectory.VolunteerFile validateTraining(@PathVariable long id, @Valid @RequestBody TrainingBody body,
			StaffAccount staff) {
		return this.directory.validateTraining(staff, id, body.reason(), body.version());
	}

	record ProfileBody(@NotNull @Size(max = 20) List<@NotNull @Size(max = 30) String> skills,
			@NotNull @Size(max = 18) List<@NotNull @Size(max = 3) String> languages,
			@Min(1) @Max(VolunteerDirectory.MAX_CAPACITY) int capacity,
			@NotNull @Size(max = 120) List<@NotNull @Size(max = 3) String> servedDepartements,
			@NotNull @Size(max = 20) List<@NotNull @Size(max = 3) String> servedRegions, boolean servesNationally,
			int version) {
	}

	record ShiftsBody(@NotNull @Size(max = 21) List<@NotNull ShiftBody> shifts, boolean availableAtShiftStart,
			int version) {
	}

	record ShiftBody(DayOfWeek day, LocalTime starts, LocalTime ends) {
	}

	record TrainingBody(@Size(max = 500) String reason, int version) {
	}

}
