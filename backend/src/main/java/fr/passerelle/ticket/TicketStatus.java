package fr.passerelle.ticket;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static java.util.Map.entry;

/**
 * Where a request for help stands (DESIGN.md §6). The allowed transitions are listed here
 * and nowhere else.
 */
public enum TicketStatus {

	/** Just created, not yet routed. */
	NEW,
	/** Waiting for a volunteer. */
	QUEUED,
	/**
	 * A callback planned for later (next attempt, or a citizen who must be called again).
	 */
	SCHEDULED,
	/** Reserved for one volunteer, who has a short time to accept. */
	OFFERED,
	/** A volunteer handles it. */
	ASSIGNED,
	/** The volunteer and the citizen are on the phone. */
	IN_CALL,
	/** Closed: the citizen was helped. */
	RESOLVED,
	/** Closed: the citizen was sent to another service. */
	REDIRECTED,
	/** Closed: every callback attempt failed. */
	UNREACHABLE,
	/** Closed: withdrawn (the citizen hung up, asked to stop, or it was a duplicate). */
	CANCELLED;

	private static final Set<TicketStatus> CLOSED = EnumSet.of(RESOLVED, REDIRECTED, UNREACHABLE, CANCELLED);

	private static final Map<TicketStatus, Set<TicketStatus>> NEXT = Map.ofEntries(
			entry(NEW, EnumSet.of(QUEUED, SCHEDULED, CANCELLED)),
			entry(QUEUED, EnumSet.of(OFFERED, ASSIGNED, SCHEDULED, CANCELLED)),
			entry(SCHEDULED, EnumSet.of(QUEUED, CANCELLED)), entry(OFFERED, EnumSet.of(ASSIGNED, QUEUED, CANCELLED)),
			entry(ASSIGNED, EnumSet.of(IN_CALL, QUEUED, SCHEDULED, RESOLVED, REDIRECTED, UNREACHABLE, CANCELLED)),
			entry(IN_CALL, EnumSet.of(ASSIGNED, SCHEDULED, RESOLVED, REDIRECTED, UNREACHABLE)),
			entry(RESOLVED, EnumSet.noneOf(TicketStatus.class)), entry(REDIRECTED, EnumSet.noneOf(TicketStatus.class)),
			entry(UNREACHABLE, EnumSet.noneOf(TicketStatus.class)),
			entry(CANCELLED, EnumSet.noneOf(TicketStatus.class)));

	public boolean canMoveTo(TicketStatus next) {
		return NEXT.get(this).contains(next);
	}

	public Set<TicketStatus> next() {
		return NEXT.get(this);
	}

	public boolean isClosed() {
		return CLOSED.contains(this);
	}

	/**
	 * Whether a volunteer holds the ticket in this state.
	 */
	public boolean isHeld() {
		return this == ASSIGNED || this == IN_CALL;
	}

}
