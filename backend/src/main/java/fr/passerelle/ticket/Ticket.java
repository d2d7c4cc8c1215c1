package fr.passerelle.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import fr.passerelle.platform.RejectedRequest;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;

/**
 * A request for help while it is being changed. Each transition is a method here: it
 * checks what {@link TicketStatus} allows ({@link #moveTo}), changes the request, and
 * writes down its timeline entry and the events it raises, which {@link TicketChanges}
 * records and publishes when it saves the request.
 */
final class Ticket {

	/** A line of the request's timeline, written when the request is saved. */
	record Entry(Instant at, Long actorId, String type, String detail) {
	}

	private final List<Entry> entries = new ArrayList<>();

	private final List<Object> raised = new ArrayList<>();

	/** How soon a callback is due. */
	static final Duration CALLBACK_DELAY = Duration.ofHours(24);

	Long id;

	TicketReference reference;

	TicketSource source;

	TicketKind kind;

	String topicCode;

	String postcode;

	String departementCode;

	String regionCode;

	byte[] phoneCipher;

	String phoneHash;

	String firstName;

	String language = "fr";

	Set<TimeSlot> preferredSlots = Set.of();

	int priority;

	TicketStatus status = TicketStatus.NEW;

	Instant createdAt;

	/**
	 * Made from a training phone: offered only to volunteers practising, counted nowhere.
	 */
	boolean practice;

	Instant waitingSince;

	Instant dueAt;

	Instant nextAttemptAt;

	int attempts;

	Long assigneeId;

	/** The assignee as read from the database, before this change. */
	Long assigneeBefore;

	Instant closedAt;

	Long earlierTicketId;

	long version;

	void moveTo(TicketStatus next, Instant now) {
		if (!this.status.canMoveTo(next)) {
			throw new RejectedRequest(HttpStatus.CONFLICT, "ticket.transition.refused",
					new DefaultMessageSourceResolvable("ticket.status." + this.status),
					new DefaultMessageSourceResolvable("ticket.status." + next));
		}
		this.status = next;
		if (next == TicketStatus.QUEUED) {
			this.assigneeId = null;
			this.nextAttemptAt = null;
		}
		if (next.isClosed()) {
			this.closedAt = now;
			this.nextAttemptAt = null;
		}
	}

	/** Reserved for a volunteer until {@code expiresAt} (routing's offer). */
	void offerTo(long volunteerId, Instant expiresAt, Instant now) {
		moveTo(TicketStatus.OFFERED, now);
		this.assigneeId = volunteerId;
		write(now, volunteerId, "OFFERED", "until " + expiresAt);
		raise(new TicketOffered(this.id, volunteerId, expiresAt));
		if (this.kind == TicketKind.LIVE_CALL) {
			raise(new LiveCallOffered(this.id, volunteerId));
		}
	}

	/**
	 * Held by a volunteer: taken from the queue, or accepted when it was offered to them.
	 * @throws RejectedRequest (409) when it is offered to someone else
	 */
	void assignTo(long volunteerId, Instant now) {
		if (this.status == TicketStatus.OFFERED && !Long.valueOf(volunteerId).equals(this.assigneeId)) {
			throw new RejectedRequest(HttpStatus.CONFLICT, "ticket.offer.not-yours");
		}
		moveTo(TicketStatus.ASSIGNED, now);
		this.assigneeId = volunteerId;
		write(now, volunteerId, "ASSIGNED", null);
		raise(new TicketAssigned(this.id, volunteerId));
		if (this.kind == TicketKind.LIVE_CALL) {
			raise(new LiveCallAssigned(this.id, volunteerId));
		}
	}

	/** Given by a coordinator to a volunteer, or taken by the coordinator themselves. */
	void givenTo(long volunteerId, long coordinatorId, Instant now) {
		moveTo(TicketStatus.ASSIGNED, now);
		this.assigneeId = volunteerId;
		if (volunteerId == coordinatorId) {
			write(now, coordinatorId, "TAKEN_BY_COORDINATOR", null);
		}
		else {
			write(now, coordinatorId, "ASSIGNED_BY_COORDINATOR", String.valueOf(volunteerId));
		}
		raise(new TicketAssigned(this.id, volunteerId));
	}

	/**
	 * Back in the queue from an offer or a volunteer's hands, keeping its place.
	 * @param reason {@code OFFER_DECLINED}, {@code OFFER_EXPIRED}, {@code VOLUNTEER_AWAY}
	 * or {@code RELEASED}
	 */
	void returnToQueue(Long volunteerId, String reason, Instant now) {
		moveTo(TicketStatus.QUEUED, now);
		write(now, volunteerId, reason, null);
		raise(new TicketReturnedToQueue(this.id, volunteerId, reason));
		raise(queued());
	}

	/**
	 * In the queue: a first round keeps its place from the moment help was asked for, a
	 * retry waits from its due time.
	 */
	void queue(Instant now, Long actorId) {
		Instant due = (this.nextAttemptAt != null) ? this.nextAttemptAt : now;
		moveTo(TicketStatus.QUEUED, now);
		this.waitingSince = (this.attempts == 0) ? this.createdAt : due;
		write(now, actorId, "QUEUED", null);
		raise(queued());
	}

	/** Planned for {@code at}, held by nobody until then. */
	void schedule(Instant at, Long actorId, String type, String detail, Instant now) {
		moveTo(TicketStatus.SCHEDULED, now);
		this.assigneeId = null;
		this.nextAttemptAt = at;
		write(now, actorId, type, detail);
		raise(new TicketScheduled(this.id, at, actorId));
	}

	/** Planned already: only its time moves. */
	void reschedule(Instant at, long coordinatorId, Instant now) {
		this.nextAttemptAt = at;
		write(now, coordinatorId, "RESCHEDULED", at.toString());
		raise(new TicketScheduled(this.id, at, coordinatorId));
	}

	/** Moved ahead of the others of its kind; routing re-reads it when it waits. */
	void prioritise(int priority, long coordinatorId, Instant now) {
		this.priority = priority;
		write(now, coordinatorId, "PRIORITISED", null);
		if (this.status == TicketStatus.QUEUED) {
			raise(queued());
		}
	}

	void startCall(long volunteerId, Instant now) {
		moveTo(TicketStatus.IN_CALL, now);
		write(now, volunteerId, "CALL_STARTED", null);
	}

	void endCall(long volunteerId, Instant now) {
		moveTo(TicketStatus.ASSIGNED, now);
		write(now, volunteerId, "CALL_ENDED", null);
	}

	/**
	 * A callback that did not reach the citizen: planned again at {@code next}, or, after
	 * the last attempt, closed as unreachable.
	 */
	void attemptFailed(long volunteerId, String reason, Optional<Instant> next, Instant now) {
		raise(new CallbackAttemptFailed(this.id, this.attempts, reason, next.orElse(null)));
		if (next.isPresent()) {
			schedule(next.get(), volunteerId, "ATTEMPT_FAILED", reason + ", next attempt " + next.get(), now);
			return;
		}
		moveTo(TicketStatus.UNREACHABLE, now);
		write(now, volunteerId, "ATTEMPT_FAILED", reason + ", last attempt");
		write(now, null, "UNREACHABLE", null);
		raise(new TicketUnreachable(this.id, this.reference));
		raise(new TicketClosed(this.id, this.status, volunteerId));
	}

	/** Closed by its outcome form (resolved or redirected). */
	void resolve(TicketStatus closing, long volunteerId, Instant now) {
		moveTo(closing, now);
		write(now, volunteerId, closing.name(), null);
		raise(new TicketResolved(this.id, closing, volunteerId));
		raise(new TicketClosed(this.id, closing, volunteerId));
	}

	void cancel(Long actorId, String reason, Instant now) {
		Long holder = this.assigneeId;
		moveTo(TicketStatus.CANCELLED, now);
		write(now, actorId, "CANCELLED", reason);
		raise(new TicketClosed(this.id, TicketStatus.CANCELLED, holder));
	}

	/** A live call turned into a callback, due within a day. */
	void becomeCallback(Instant now) {
		this.kind = TicketKind.CALLBACK;
		this.dueAt = now.plus(CALLBACK_DELAY);
		raise(new TicketKindChanged(this.id, TicketKind.CALLBACK));
	}

	/** Held from now on by a colleague or a coordinator. */
	void handTo(long recipientId, long giverId, String type, Instant now) {
		this.assigneeId = recipientId;
		write(now, giverId, type, null);
	}

	/** A line of the timeline that changes no state (a note, a text sent). */
	void write(Instant at, Long actorId, String type, String detail) {
		this.entries.add(new Entry(at, actorId, type, detail));
	}

	void raise(Object event) {
		this.raised.add(event);
	}

	TicketQueued queued() {
		return new TicketQueued(this.id, this.kind, this.topicCode, this.departementCode, this.regionCode,
				this.language, this.priority, this.waitingSince, this.practice);
	}

	/** The timeline entries written since the request was last saved, then forgotten. */
	List<Entry> takeEntries() {
		List<Entry> written = List.copyOf(this.entries);
		this.entries.clear();
		return written;
	}

	/** The events raised since the request was last saved, then forgotten. */
	List<Object> takeRaised() {
		List<Object> events = List.copyOf(this.raised);
		this.raised.clear();
		return events;
	}

	boolean isHeldBy(long volunteerId) {
		return this.status.isHeld() && this.assigneeId != null && this.assigneeId == volunteerId;
	}

	void requireHeldBy(long volunteerId) {
		if (!isHeldBy(volunteerId)) {
			throw TicketManagement.notFound();
		}
	}

	TicketView view(String maskedPhone) {
		return new TicketView(this.id, this.reference, this.source, this.kind, this.topicCode, this.postcode,
				this.departementCode, this.regionCode, maskedPhone, this.firstName, this.preferredSlots, this.priority,
				this.status, this.createdAt, this.waitingSince, this.dueAt, this.nextAttemptAt, this.attempts,
				this.assigneeId, this.closedAt, this.earlierTicketId);
	}

}
