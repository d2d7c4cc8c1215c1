package fr.passerelle.telephony;

import fr.passerelle.account.StaffAccount;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The volunteer's "appeler" button.
 */
@RestController
@Tag(name = "Tickets", description = "Requests for help")
class CallbackController {

	private final CallbackCalls callbacks;

	CallbackController(CallbackCalls callbacks) {
		this.callbacks = callbacks;
	}

	@PostMapping("/api/tickets/{id}/call")
	@Operation(summary = "Call the citizen back: the volunteer's registered phone rings first, from the hotline")
	CallbackCalls.PlacedCall call(@PathVariable long id, StaffAccount staff) {
		return this.callbacks.callBack(id, staff);
	}

}
