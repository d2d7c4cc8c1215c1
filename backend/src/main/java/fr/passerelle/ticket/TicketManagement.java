package fr.passerelle.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import fr.passerelle.platform.RejectedRequest;
import fr.passerelle.territory.Departement;
import fr.passerelle.territory.Territories;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The entry point of the ticket module for what changes requests for help: opens them and
 * moves them through their states ({@link Ticket}'s transitions), writing the timeline
 * and publishing an event for each change; {@link TicketQueries} tells about them.
 * Methods that a caller may retry (a double click, a webhook delivered twice) give the
 * same result the second time and change nothing.
 */
@Service
public class TicketManagement {

	/** The longest a volunteer may postpone a callback. */
	static final Duration LONGEST_POSTPONEMENT = Duration.ofDays(30);

	/**
	 * The same note sent again within this delay (a double click, a retried request) is
	 * the same note.
	 */
	private static final Duration SAME_NOTE_WINDOW = Duration.ofMinutes(1);

	private static final int NOTE_MAX = 4000;

	private final TicketStore store;

	private final TicketHistory history;

	private final Territories territories;

	private final CallbackPolicy policy;

	private final Clock clock;

	private final TicketQueries queries;

	private final TicketChanges changes;

	private final TicketOpening opening;

	TicketManagement(TicketStore store, TicketHistory history, Territories territories, CallbackPolicy policy,
			Clock clock, TicketQueries queries, TicketChanges changes, TicketOpening opening) {
		this.store = store;
		this.history = history;
		this.territories = territories;
		this.policy = policy;
		this.clock = clock;
		this.queries = queries;
		this.changes = changes;
		this.opening = opening;
	}

	/**
	 * Opens a request for help and routes it: queued at once, or scheduled for the first
	 * time the citizen can be called back. The same request made again within 30 minutes
	 * returns the first one.
	 * @throws RejectedRequest naming the field at fault (unknown topic, impossible
	 * postcode, number we cannot call…)
	 */
	@Transactional
	public TicketView open(HelpRequest request) {
		return this.opening.open(request);
	}

	/**
	 * Adds a note to a request (plain text); the same note sent again within a minute is
	 * kept once.
	 */
	@Transactional
	public Note addNote(long ticketId, long authorId, String body) {
		if (body == null || body.isBlank()) {
			throw new RejectedRequest(HttpStatus.BAD_REQUEST, "ticket.note.empty");
		}
		if (body.length() > NOTE_MAX) {
			throw new RejectedRequest(HttpStatus.BAD_REQUEST, "ticket.note.too-long", NOTE_MAX);
		}
		Instant now = this.clock.instant();
		this.changes.locked(ticketId);
		Optional<Note> latest = this.history.latestNote(ticketId, authorId);
		if (latest.isPresent() && latest.get().body().equals(body.strip())
				&& latest.get().writtenAt().isAfter(now.minus(SAME_NOTE_WINDOW))) {
			return latest.get();
		}
		Note note = this.history.appendNote(ticketId, authorId, now, body.strip());
		this.history.appendEvent(ticketId, now, authorId, "NOTE_ADDED", null);
		return note;
	}

	/**
	 * The volunteer holding the ticket sent the citizen a text: it shows on the timeline.
	 */
	@Transactional
	public void textSent(long ticketId, long volunteerId) {
		this.changes.locked(ticketId);
		this.history.appendEvent(ticketId, this.clock.instant(), volunteerId, "TEXT_SENT", null);
	}

	/**
	 * The volunteer texted the citizen a tutorial's link.
	 */
	@Transactional
	public void tutorialSent(long ticketId, long volunteerId, String slug) {
		this.changes.locked(ticketId);
		this.history.appendEvent(ticketId, this.clock.instant(), volunteerId, "TUTORIAL_SENT", slug);
	}

	/**
	 * Reserves a queued ticket for a volunteer until {@code expiresAt} (routing).
	 */
	@Transactional
	public TicketView offer(long ticketId, long volunteerId, Instant expiresAt) {
		Ticket ticket = this.changes.locked(ticketId);
		if (ticket.status == TicketStatus.OFFERED && Long.valueOf(volunteerId).equals(ticket.assigneeId)) {
			return this.queries.view(ticket);
		}
		ticket.offerTo(volunteerId, expiresAt, this.clock.instant());
		this.changes.save(ticket);
		return this.queries.view(ticket);
	}

	/**
	 * Gives a ticket to a volunteer: one queued ("take the next one"), or one offered to
	 * them that they accept.
	 */
	@Transactional
	public TicketView assign(long ticketId, long volunteerId) {
		Ticket ticket = this.changes.locked(ticketId);
		if (ticket.status.isHeld() && Long.valueOf(volunteerId).equals(ticket.assigneeId)) {
			return this.queries.view(ticket);
		}
		ticket.assignTo(volunteerId, this.clock.instant());
		this.changes.save(ticket);
		return this.queries.view(ticket);
	}

	/**
	 * Puts an offered or held ticket back in the queue, where it keeps its place.
	 * @param reason {@code OFFER_DECLINED}, {@code OFFER_EXPIRED}, {@code VOLUNTEER_AWAY}
	 * or {@code RELEASED}
	 */
	@Transactional
	public TicketView returnToQueue(long ticketId, Long volunteerId, String reason) {
		Ticket ticket = this.changes.locked(ticketId);
		if (ticket.status == TicketStatus.QUEUED
				&& (volunteerId == null || this.history.latestEventBy(ticketId, volunteerId, reason))) {
			return this.queries.view(ticket);
		}
		if (volunteerId != null && !volunteerId.equals(ticket.assigneeId)) {
			throw notFound();
		}
		ticket.returnToQueue(volunteerId, reason, this.clock.instant());
		this.changes.save(ticket);
		return this.queries.view(ticket);
	}

	/**
	 * The volunteer is now on the phone with the citizen.
	 */
	@Transactional
	public TicketView startCall(long ticketId, long volunteerId) {
		Ticket ticket = this.changes.locked(ticketId);
		ticket.requireHeldBy(volunteerId);
		if (ticket.status == TicketStatus.IN_CALL) {
			return this.queries.view(ticket);
		}
		ticket.startCall(volunteerId, this.clock.instant());
		this.changes.save(ticket);
		return this.queries.view(ticket);
	}

	/**
	 * The call ended before an outcome was recorded; the volunteer still holds the
	 * ticket.
	 */
	@Transactional
	public TicketView endCall(long ticketId, long volunteerId) {
		Ticket ticket = this.changes.locked(ticketId);
		ticket.requireHeldBy(volunteerId);
		if (ticket.status == TicketStatus.ASSIGNED) {
			return this.queries.view(ticket);
		}
		ticket.endCall(volunteerId, this.clock.instant());
		this.changes.save(ticket);
		return this.queries.view(ticket);
	}

	/**
	 * A callback did not reach the citizen: the callback policy schedules the next
	 * attempt, or, after the last one, closes the ticket as unreachable. Reporting the
	 * same attempt again (the same {@code attempt} number) changes nothing.
	 * @param reason {@code NO_ANSWER}, {@code BUSY} or {@code FAILED}
	 * @param attempt the number of this attempt as the volunteer saw it (attempts so far
	 * + 1), or 0 when unknown
	 */
	@Transactional
	public TicketView callbackFailed(long ticketId, long volunteerId, String reason, int attempt) {
		Ticket ticket = this.changes.locked(ticketId);
		if (attempt > 0 && ticket.attempts >= attempt
				&& this.history.latestEventBy(ticketId, volunteerId, "ATTEMPT_FAILED")) {
			return this.queries.view(ticket);
		}
		ticket.requireHeldBy(volunteerId);
		Instant now = this.clock.instant();
		ticket.attempts++;
		Optional<Instant> next = this.policy.nextAttempt(ticket.attempts, now, ticket.departementCode, zoneOf(ticket),
				ticket.preferredSlots);
		ticket.attemptFailed(volunteerId, reason, next, now);
		this.changes.save(ticket);
		return this.queries.view(ticket);
	}

	/**
	 * The volunteer agreed with the citizen to call again at {@code at}.
	 */
	@Transactional
	public TicketView scheduleRetry(long ticketId, long volunteerId, Instant at) {
		Ticket ticket = this.changes.locked(ticketId);
		if (ticket.status == TicketStatus.SCHEDULED && at != null && at.equals(ticket.nextAttemptAt)
				&& this.history.latestEventBy(ticketId, volunteerId, "RETRY_SCHEDULED")) {
			return this.queries.view(ticket);
		}
		ticket.requireHeldBy(volunteerId);
		Instant now = this.clock.instant();
		if (at == null || !at.isAfter(now) || at.isAfter(now.plus(LONGEST_POSTPONEMENT))) {
			throw new RejectedRequest(HttpStatus.BAD_REQUEST, "ticket.retry.invalid-time",
					LONGEST_POSTPONEMENT.toDays());
		}
		ticket.schedule(at, volunteerId, "RETRY_SCHEDULED", null, now);
		this.changes.save(ticket);
		return this.queries.view(ticket);
	}

	/**
	 * Records the outcome form and closes the ticket (resolved or redirected), or
	 * schedules the next round when the citizen must be called again. Recording the same
	 * outcome twice changes nothing.
	 */
	@Transactional
	public TicketView recordOutcome(long ticketId, long volunteerId, Outcome outcome) {
		Ticket ticket = this.changes.locked(ticketId);
		if (ticket.status.isClosed() && outcome.equals(this.history.outcome(ticketId).orElse(null))
				&& this.history.latestEventBy(ticketId, volunteerId, "OUTCOME_RECORDED")) {
			return this.queries.view(ticket);
		}
		ticket.requireHeldBy(volunteerId);
		Instant now = this.clock.instant();
		this.history.saveOutcome(ticketId, volunteerId, now, outcome);
		ticket.write(now, volunteerId, "OUTCOME_RECORDED", outcome.completion().code());
		TicketStatus next = outcome.closingStatus();
		if (next == TicketStatus.SCHEDULED) {
			Instant tomorrow = now.atZone(zoneOf(ticket))
				.toLocalDate()
				.plusDays(1)
				.atStartOfDay(zoneOf(ticket))
				.toInstant();
			Instant at = this.policy
				.firstCallableInstant(tomorrow, ticket.departementCode, zoneOf(ticket), ticket.preferredSlots)
				.orElse(tomorrow);
			ticket.attempts = 0;
			ticket.schedule(at, volunteerId, "SCHEDULED", "must come back", now);
		}
		else {
			ticket.resolve(next, volunteerId, now);
		}
		this.changes.save(ticket);
		return this.queries.view(ticket);
	}

	/**
	 * Withdraws a ticket that is not closed yet; cancelling it again changes nothing.
	 */
	@Transactional
	public TicketView cancel(long ticketId, Long actorId, String reason) {
		Ticket ticket = this.changes.locked(ticketId);
		if (ticket.status == TicketStatus.CANCELLED) {
			return this.queries.view(ticket);
		}
		ticket.cancel(actorId, reason, this.clock.instant());
		this.changes.save(ticket);
		return this.queries.view(ticket);
	}

	/**
	 * The holder of a ticket hands it over to a colleague or a coordinator, who holds it
	 * from now on. A live call whose line was hung up becomes a callback: the recipient
	 * calls the citizen back. Handing it over again to the same person changes nothing.
	 * @param type {@code HANDED_TO_COLLEAGUE} or {@code HANDED_TO_COORDINATOR}, for the
	 * timeline
	 * @throws RejectedRequest when the giver does not hold it, is on the phone with the
	 * citizen, or a caller still waits on the line for them
	 */
	@Transactional
	public TicketView handOver(long ticketId, long giverId, long recipientId, String type) {
		Ticket ticket = this.changes.locked(ticketId);
		if (ticket.status.isHeld() && Long.valueOf(recipientId).equals(ticket.assigneeId)
				&& this.history.latestEventBy(ticketId, giverId, "HANDED_TO_COLLEAGUE", "HANDED_TO_COORDINATOR")) {
			return this.queries.view(ticket);
		}
		ticket.requireHeldBy(giverId);
		if (ticket.status == TicketStatus.IN_CALL) {
			throw new RejectedRequest(HttpStatus.CONFLICT, "ticket.handover.in-call");
		}
		Instant now = this.clock.instant();
		if (ticket.kind == TicketKind.LIVE_CALL) {
			if (!this.history.hasEvent(ticketId, "CALL_ENDED")) {
				// the caller still waits on the line for this volunteer
				throw new RejectedRequest(HttpStatus.CONFLICT, "ticket.handover.caller-waiting");
			}
			ticket.becomeCallback(now);
		}
		ticket.handTo(recipientId, giverId, type, now);
		this.changes.save(ticket);
		return this.queries.view(ticket);
	}

	/**
	 * A caller waiting on the line asks to be called back: the request becomes a callback
	 * and keeps its place (and its volunteer, if one was just offered it). Asking again
	 * changes nothing.
	 * @throws RejectedRequest when the request is closed already
	 */
	@Transactional
	public TicketView turnIntoCallback(long ticketId) {
		Ticket ticket = this.changes.locked(ticketId);
		if (ticket.kind == TicketKind.CALLBACK) {
			return this.queries.view(ticket);
		}
		if (ticket.status.isClosed()) {
			throw new RejectedRequest(HttpStatus.CONFLICT, "ticket.closed");
		}
		Instant now = this.clock.instant();
		ticket.becomeCallback(now);
		ticket.write(now, null, "TURNED_INTO_CALLBACK", null);
		ticket.raise(new CallbackRequested(ticket.id, ticket.reference, ticket.topicCode, ticket.source));
		this.changes.save(ticket);
		return this.queries.view(ticket);
	}

	/**
	 * Puts scheduled callbacks whose time has come back in the queue; returns how many.
	 * Safe to run on several instances at once: each due ticket is taken by one of them.
	 */
	@Transactional
	public int queueDueCallbacks(int batch) {
		Instant now = this.clock.instant();
		List<Ticket> due = this.store.lockDueCallbacks(now, batch);
		for (Ticket ticket : due) {
			ticket.queue(now, null);
			this.changes.save(ticket);
		}
		return due.size();
	}

	/** What a ticket's number is sealed for: its row. */
	static String sealedRow(long ticketId) {
		return "ticket/" + ticketId;
	}

	private ZoneId zoneOf(Ticket ticket) {
		return this.territories.departement(ticket.departementCode).map(Departement::timeZone).orElseThrow();
	}

	/**
	 * What an unknown request and a request outside one's rights both answer.
	 */
	static RejectedRequest notFound() {
		return new RejectedRequest(HttpStatus.NOT_FOUND, "ticket.not-found");
	}

}
