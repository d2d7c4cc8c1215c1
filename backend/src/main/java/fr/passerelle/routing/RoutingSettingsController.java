package fr.passerelle.routing;

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
 * The routing delays: read by coordinators, set by national coordinators and
 * administrators.
 */
@RestController
@RequestMapping("/api/settings/routing")
@PreAuthorize("hasRole('COORDINATOR')")
@Tag(name = "Routing delays (coordinators)")
class RoutingSettingsController {

	private final RoutingSettings settings;

	RoutingSettingsController(RoutingSettings settings) {
		this.settings = settings;
	}

	@GetMapping
	@Operation(summary = "For a caller on the line and a callback request: seconds before the whole région, then the "
			+ "whole country, may take it, and to accept an offer; and the wrap-up time after a request")
	RoutingSettings.Delays read() {
		return this.settings.read();
	}

	@PutMapping
	@Operation(summary = "Change the routing delays (national coordinators, administrators), effective for the next "
			+ "offer on every instance within seconds; with the version read, 409 when they changed meanwhile")
	RoutingSettings.Delays replace(@RequestBody RoutingSettings.Delays body, StaffAccount staff) {
		return this.settings.replace(staff, body);
	}

}
