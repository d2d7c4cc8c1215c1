package fr.passerelle.routing;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.passerelle.account.StaffAccount;
import fr.passerelle.privacy.AuditAction;
import fr.passerelle.privacy.AuditLog;
import fr.passerelle.ticket.TicketQueries;
import fr.passerelle.ticket.TicketView;
import fr.passerelle.ticket.Worklist;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotNull;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * What coordinators do from the worklist to a request of their région (national
 * coordinators and administrators: any): prioritise it, reschedule a callback, give it to
 * a named volunteer. Withdrawing one with a reason is {@code POST
 * /api/tickets/{id}/cancel}.
 */
@RestController
@PreAuthorize("hasRole('COORDINATOR')")
@Tag(name = "Worklist (coordinators)")
class WorklistController {

	private final TicketQueries tickets;

	private final Worklist worklist;

	private final Handovers handovers;

	private final AuditLog audit;

	WorklistController(TicketQueries tickets, Worklist worklist, Handovers handovers, AuditLog audit) {
		this.audit = audit;
		this.tickets = tickets;
		this.worklist = worklist;
		this.handovers = handovers;
	}

	@PostMapping("/api/tickets/{id}/priority")
	@Operation(summary = "Move a request ahead of the others of its kind (again: nothing changes)")
	TicketView prioritise(@PathVariable long id, StaffAccount coordinator) {
		TicketView before = this.tickets.read(id, coordinator);
		return audited("PRIORITISED", before, this.worklist.prioritise(id, coordinator.id()));
	}

	@PostMapping("/api/tickets/{id}/reschedule")
	@Operation(summary = "Plan a callback waiting or planned for another time, within 30 days")
	TicketView reschedule(@PathVariable long id, @Validated @RequestBody Reschedule body, StaffAccount coordinator) {
		TicketView before = this.tickets.read(id, coordinator);
		return audited("RESCHEDULED", before, this.worklist.reschedule(id, coordinator.id(), body.at()));
	}

	@GetMapping("/api/tickets/{id}/assignees")
	@Operation(summary = "The volunteers who may take a waiting request now (of the coordinator's région), the "
			+ "nearest first")
	List<Handovers.Candidate> assignees(@PathVariable long id, StaffAccount staff) {
		return this.handovers.assignees(id, staff);
	}

	@PostMapping("/api/tickets/{id}/assign")
	@Operation(summary = "Give a request waiting, or planned for later, to a named volunteer, who holds it from now on")
	TicketView assign(@PathVariable long id, @Validated @RequestBody Assignment body, StaffAccount coordinator) {
		TicketView before = this.tickets.read(id, coordinator);
		return audited("ASSIGNED", before, this.handovers.assign(id, coordinator, body.volunteerId()));
	}

	/**
	 * What changed, with what it replaced, in the audit log (nothing personal: states and
	 * ids).
	 */
	private TicketView audited(String action, TicketView before, TicketView after) {
		this.audit.record(AuditAction.REQUEST_CHANGED, "ticket/" + after.id(),
				Map.of("action", action, "before", state(before), "after", state(after)));
		return after;
	}

	static Map<String, Object> state(TicketView ticket) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("status", ticket.status().name());
		state.put("priority", ticket.priority());
		state.put("assignee", (ticket.assigneeId() != null) ? ticket.assigneeId() : "");
		state.put("nextAttemptAt", (ticket.nextAttemptAt() != null) ? ticket.nextAttemptAt().toString() : "");
		return state;
	}

	record Reschedule(@NotNull Instant at) {
	}

	record Assignment(@NotNull Long volunteerId) {
	}

}
