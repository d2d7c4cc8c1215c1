package fr.passerelle.ticket;

import fr.passerelle.account.StaffAccount;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The callback policy: read by coordinators, set by national coordinators and
 * administrators.
 */
@RestController
@RequestMapping("/api/settings/callbacks")
@PreAuthorize("hasRole('COORDINATOR')")
@Tag(name = "Callback policy (coordinators)")
class CallbackSettingsController {

	private final CallbackSettings settings;

	CallbackSettingsController(CallbackSettings settings) {
		this.settings = settings;
	}

	@GetMapping
	@Operation(summary = "Attempts before a callback request ends unreachable, and the delay before the second")
	CallbackSettings.Policy read() {
		return this.settings.read();
	}

	@PutMapping
	@Operation(summary = "Change the callback policy (national coordinators, administrators): 1 to 10 attempts, "
			+ "5 min to 48 h before the second; with the version read, 409 when it changed meanwhile")
	CallbackSettings.Policy replace(@RequestBody CallbackSettings.Policy body, StaffAccount staff) {
		return this.settings.replace(staff, body);
	}

}
