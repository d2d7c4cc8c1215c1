package fr.passerelle.routing;

import fr.passerelle.account.StaffAccount;
import fr.passerelle.ticket.TicketView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a volunteer does with the queue: take the next request, accept or decline an
 * offer, hand a request back or over to someone.
 */
@RestController
@Tag(name = "Routing", description = "Offers and claims")
class RoutingController {

	private final Routing routing;

	private final ClaimKeys claimKeys;

	private final Handovers handovers;

	RoutingController(Routing routing, ClaimKeys claimKeys, Handovers handovers) {
		this.routing = routing;
		this.handovers = handovers;
		this.claimKeys = claimKeys;
	}

	@PostMapping("/api/routing/next")
	@Operation(summary = "Take the next request the caller may handle (204 when there is none). A repeated "
			+ "Idempotency-Key returns the request the first call took.")
	ResponseEntity<TicketView> takeNext(StaffAccount staff,
			@RequestHeader(name = "Idempotency-Key", required = false) String key) {
		long volunteer = staff.id();
		return this.claimKeys.takeNext(volunteer, key)
			.map(ResponseEntity::ok)
			.orElseGet(() -> ResponseEntity.noContent().build());
	}

	@PostMapping("/api/tickets/{id}/accept")
	@Operation(summary = "Accept a request offered to the caller")
	TicketView accept(@PathVariable long id, StaffAccount staff) {
		return this.routing.accept(id, staff.id());
	}

	@PostMapping("/api/tickets/{id}/decline")
	@Operation(summary = "Decline a request offered to the caller: it goes back to the queue for someone else")
	ResponseEntity<Void> decline(@PathVariable long id, StaffAccount staff) {
		this.routing.decline(id, staff.id());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/tickets/{id}/release")
	@Operation(summary = "Hand a request the caller holds back to the queue, for a colleague")
	TicketView release(@PathVariable long id, StaffAccount staff) {
		return this.routing.release(id, staff.id());
	}

	@GetMapping("/api/tickets/{id}/handover")
	@Operation(summary = "Whom the caller may hand a request they hold over to: colleagues, nearest first, and "
			+ "coordinators")
	Handovers.Candidates handoverCandidates(@PathVariable long id, StaffAccount staff) {
		return this.handovers.candidates(id, staff);
	}

	@PostMapping("/api/tickets/{id}/handover")
	@Operation(summary = "Hand a request the caller holds over to a colleague or a coordinator, with a note saying "
			+ "why; handing it over again to the same person changes nothing")
	TicketView handOver(@PathVariable long id, @Valid @RequestBody Handover handover, StaffAccount staff) {
		return this.handovers.handOver(id, staff, handover.recipientId(), handover.note().strip());
	}

	/**
	 * @param recipientId the colleague's or coordinator's account
	 * @param note why, for the recipient (kept in the request's notes)
	 */
	record Handover(@NotNull Long recipientId, @NotBlank @Size(max = 1000) String note) {
	}

}
