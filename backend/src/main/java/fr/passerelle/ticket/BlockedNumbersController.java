package fr.passerelle.ticket;

import java.util.List;

import fr.passerelle.account.StaffAccount;
import fr.passerelle.platform.RejectedRequest;
import fr.passerelle.platform.RestrictedPaths;
import fr.passerelle.privacy.Blocklist;
import fr.passerelle.privacy.Blocklist.BlockedNumber;
import fr.passerelle.privacy.PhoneNumber;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller blocklist, which coordinators manage: a number is blocked from one of its
 * requests (nobody types it), by a coordinator who may read that request.
 */
@RestController
@PreAuthorize("hasRole('COORDINATOR')")
@Tag(name = "Blocklist", description = "Numbers whose calls, texts and requests are refused")
class BlockedNumbersController {

	private final Blocklist blocklist;

	private final TicketQueries tickets;

	@Bean
	static RestrictedPaths blocklistPaths() {
		return RestrictedPaths.coordinators("/api/blocked-numbers", "/api/blocked-numbers/**", "/api/tickets/*/block");
	}

	BlockedNumbersController(Blocklist blocklist, TicketQueries tickets) {
		this.blocklist = blocklist;
		this.tickets = tickets;
	}

	@GetMapping("/api/blocked-numbers")
	@Operation(summary = "The blocked numbers, masked, newest first")
	List<BlockedNumber> list() {
		return this.blocklist.list();
	}

	@PostMapping("/api/tickets/{id}/block")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Block the number of a request (blocking it again keeps the first entry)")
	BlockedNumber block(@PathVariable long id, @Valid @RequestBody Blocking blocking, StaffAccount coordinator) {
		this.tickets.read(id, coordinator);
		PhoneNumber phone = this.tickets.phoneToDial(id)
			.orElseThrow(() -> new RejectedRequest(HttpStatus.CONFLICT, "blocklist.no-phone"));
		return this.blocklist.block(phone, blocking.reason(), coordinator.id());
	}

	@DeleteMapping("/api/blocked-numbers/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Unblock a number (unblocking again changes nothing)")
	void unblock(@PathVariable long id) {
		this.blocklist.unblock(id);
	}

	record Blocking(@NotBlank @Size(max = 300) String reason) {
	}

}
