package fr.passerelle.routing;

import fr.passerelle.account.AccountManagement;
import fr.passerelle.ticket.TicketView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a volunteer does with the queue: take the next request, accept or decline an
 * offer, hand a request back.
 */
@RestController
@Tag(name = "Routing", description = "Offers and claims")
class RoutingController {

	private final Routing routing;

	private final ClaimKeys claimKeys;

	private final AccountManagement accounts;

	RoutingController(Routing routing, ClaimKeys claimKeys, AccountManagement accounts) {
		this.routing = routing;
		this.claimKeys = claimKeys;
		this.accounts = accounts;
	}

	@PostMapping("/api/routing/next")
	@Operation(summary = "Take the next request the caller may handle (204 when there is none). A repeated "
			+ "Idempotency-Key returns the request the first call took.")
	ResponseEntity<TicketView> takeNext(Authentication authentication,
			@RequestHeader(name = "Idempotency-Key", required = false) String key) {
		long volunteer = this.accounts.signedIn(authentication).id();
		return this.claimKeys.takeNext(volunteer, key)
			.map(ResponseEntity::ok)
			.orElseGet(() -> ResponseEntity.noContent().build());
	}

	@PostMapping("/api/tickets/{id}/accept")
	@Operation(summary = "Accept a request offered to the caller")
	TicketView accept(@PathVariable long id, Authentication authentication) {
		return this.routing.accept(id, this.accounts.signedIn(authentication).id());
	}

	@PostMapping("/api/tickets/{id}/decline")
	@Operation(summary = "Decline a request offered to the caller: it goes back to the queue for someone else")
	ResponseEntity<Void> decline(@PathVariable long id, Authentication authentication) {
		this.routing.decline(id, this.accounts.signedIn(authentication).id());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/tickets/{id}/release")
	@Operation(summary = "Hand a request the caller holds back to the queue, for a colleague")
	TicketView release(@PathVariable long id, Authentication authentication) {
		return this.routing.release(id, this.accounts.signedIn(authentication).id());
	}

}
