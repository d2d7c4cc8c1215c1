package fr.passerelle.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import fr.passerelle.account.Role;
import fr.passerelle.privacy.AuditAction;
import fr.passerelle.privacy.AuditLog;
import fr.passerelle.account.StaffAccount;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tickets for the console and the dashboard. Everyone sees only what their role allows (a
 * volunteer, what they hold or have worked on; a regional coordinator, their région);
 * only the volunteer holding a ticket works on it.
 */
@RestController
@RequestMapping("/api/tickets")
@Tag(name = "Tickets", description = "Requests for help")
class TicketController {

	private final TicketManagement tickets;

	private final TicketQueries ticketQueries;

	private final FollowUps followUps;

	private final AuditLog audit;

	private final HelpRequests requests;

	TicketController(TicketManagement tickets, TicketQueries ticketQueries, FollowUps followUps, AuditLog audit,
			HelpRequests requests) {
		this.requests = requests;
		this.tickets = tickets;
		this.ticketQueries = ticketQueries;
		this.followUps = followUps;
		this.audit = audit;
	}

	@GetMapping
	@Operation(summary = "List the tickets the caller may see, newest first (order=oldest: the oldest first, as the "
			+ "coordinators' worklist reads them)")
	TicketPage list(StaffAccount staff, @RequestParam(required = false) Set<TicketStatus> status,
			@RequestParam(required = false) String topic, @RequestParam(required = false) String departement,
			@RequestParam(required = false) String region, @RequestParam(required = false) String reference,
			@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
			@RequestParam(defaultValue = "newest") String order) {
		// a blank status ("status=") stands for none
		Set<TicketStatus> statuses = (status != null)
				? status.stream().filter(Objects::nonNull).collect(Collectors.toSet()) : Set.of();
		TicketFilter filter = new TicketFilter(statuses, topic, departement, region,
				(reference != null) ? TicketReference.parse(reference) : null, from, to);
		return this.ticketQueries.search(staff, filter, page, size, "oldest".equals(order));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read one ticket with its timeline, notes, outcome and the same caller's earlier requests")
	TicketDetails read(@PathVariable long id, StaffAccount staff) {
		TicketView ticket = this.ticketQueries.read(id, staff);
		this.audit.record(AuditAction.REQUEST_READ, staff.email(), "ticket/" + id, null);
		return new TicketDetails(ticket, this.ticketQueries.timeline(id), this.ticketQueries.notes(id),
				this.ticketQueries.outcome(id).orElse(null), this.ticketQueries.earlierRequests(id));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Open a new request for the citizen of a request the caller holds (another démarche to "
			+ "come back to); the number is that request's")
	TicketView open(@Valid @RequestBody NewTicket request, StaffAccount staff) {
		FollowUps.FollowUp followUp = new FollowUps.FollowUp(
				this.requests.topic(request.topic()), (request.postcode() != null && !request.postcode().isBlank())
						? this.requests.area(request.postcode()) : null,
				this.requests.firstName(request.firstName()), request.slots());
		return this.followUps.open(request.followUpOf(), staff, followUp);
	}

	@PostMapping("/{id}/notes")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a note (plain text); the same note sent twice within a minute is kept once")
	Note addNote(@PathVariable long id, @Valid @RequestBody NewNote note, StaffAccount staff) {
		// a volunteer reads only what they hold; coordinators read their région's
		this.ticketQueries.read(id, staff);
		return this.tickets.addNote(id, staff.id(), note.body());
	}

	@PutMapping("/{id}/outcome")
	@Operation(summary = "Record the outcome form: closes the ticket, or schedules the next round")
	TicketView recordOutcome(@PathVariable long id, @Valid @RequestBody Outcome outcome, StaffAccount staff) {
		return this.tickets.recordOutcome(id, staff.id(), outcome);
	}

	@PostMapping("/{id}/attempts")
	@Operation(summary = "Report a callback that did not reach the citizen: the policy schedules the next attempt")
	TicketView callbackFailed(@PathVariable long id, @Valid @RequestBody FailedAttempt attempt, StaffAccount staff) {
		return this.tickets.callbackFailed(id, staff.id(), attempt.result(), attempt.attempt());
	}

	@PostMapping("/{id}/retry")
	@Operation(summary = "Schedule the next callback at a time agreed with the citizen")
	TicketView scheduleRetry(@PathVariable long id, @Valid @RequestBody Retry retry, StaffAccount staff) {
		return this.tickets.scheduleRetry(id, staff.id(), retry.at());
	}

	@PostMapping("/{id}/cancel")
	@Operation(summary = "Withdraw a ticket (its holder, or a coordinator)")
	TicketView cancel(@PathVariable long id, @Valid @RequestBody Cancellation cancellation, StaffAccount staff) {
		// a volunteer reads only what they hold; coordinators read their région's
		TicketView before = this.ticketQueries.read(id, staff);
		TicketView after = this.tickets.cancel(id, staff.id(), cancellation.reason());
		if (staff.role() != Role.VOLUNTEER && before.status() != after.status()) {
			// the reason is on the request's timeline: the log keeps states only
			this.audit.record(AuditAction.REQUEST_CHANGED, "ticket/" + id, Map.of("action", "CANCELLED", "before",
					Map.of("status", before.status().name()), "after", Map.of("status", after.status().name())));
		}
		return after;
	}

	record TicketDetails(TicketView ticket, List<TimelineEntry> timeline, List<Note> notes, Outcome outcome,
			List<TicketView> earlierRequests) {
	}

	/**
	 * @param followUpOf a request the caller holds, whose citizen this one is for
	 * @param postcode that request's when left out
	 * @param firstName that request's when left out or blank
	 */
	record NewTicket(@NotNull Long followUpOf, @NotBlank String topic, @Size(max = 10) String postcode,
			@Size(max = 60) String firstName, Set<TimeSlot> slots) {
	}

	record NewNote(@NotBlank @Size(max = 4000) String body) {
	}

	record FailedAttempt(@NotNull @Pattern(regexp = "NO_ANSWER|BUSY|FAILED") String result,
			@Min(0) @Max(100) int attempt) {
	}

	record Retry(@NotNull Instant at) {
	}

	record Cancellation(@NotBlank @Size(max = 200) String reason) {
	}

}
