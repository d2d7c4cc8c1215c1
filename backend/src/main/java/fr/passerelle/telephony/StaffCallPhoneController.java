package fr.passerelle.telephony;

import fr.passerelle.account.StaffAccount;
import fr.passerelle.platform.RejectedRequest;
import fr.passerelle.privacy.PhoneNumber;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The phone a coordinator or an administrator is rung on to call a citizen back (a
 * request handed over to them, or one they took from the worklist), as volunteers are.
 */
@RestController
@RequestMapping("/api/staff/me/call-phone")
@PreAuthorize("hasRole('COORDINATOR')")
@Tag(name = "Coordinators' phone (to call back)")
class StaffCallPhoneController {

	private final StaffCallPhones phones;

	StaffCallPhoneController(StaffCallPhones phones) {
		this.phones = phones;
	}

	@GetMapping
	@Operation(summary = "The phone the signed-in coordinator is rung on to call back, masked, or null")
	CallPhone read(StaffAccount staff) {
		return new CallPhone(this.phones.phoneToRing(staff.id()).map((phone) -> phone.masked()).orElse(null));
	}

	@PutMapping
	@Operation(summary = "Ring the signed-in coordinator on this phone to call citizens back (never shown to them)")
	CallPhone register(@Valid @RequestBody Typed typed, StaffAccount staff) {
		PhoneNumber phone;
		try {
			phone = PhoneNumber.parse(typed.phone());
		}
		catch (RejectedRequest refused) {
			// beside the field on the screen
			throw refused.on("phone");
		}
		return new CallPhone(this.phones.register(staff, phone));
	}

	@DeleteMapping
	@Operation(summary = "Ring the signed-in coordinator no more (again: nothing changes)")
	CallPhone remove(StaffAccount staff) {
		this.phones.remove(staff);
		return new CallPhone(null);
	}

	/**
	 * @param maskedPhone the phone rung, masked ({@code 06 •• •• •• 42}), or null
	 */
	record CallPhone(String maskedPhone) {
	}

	record Typed(@NotBlank @Size(max = 30) String phone) {
	}

}
