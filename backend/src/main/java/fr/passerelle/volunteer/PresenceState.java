package fr.passerelle.volunteer;

import java.time.Instant;

/**
 * A volunteer's presence, since when, since when they have been waiting for a request
 * (longest idle first), and until when they are wrapping up their last request (no new
 * offers meanwhile), if they are.
 */
public record PresenceState(long accountId, Presence status, Instant since, Instant idleSince, Instant wrapUpUntil) {

	/**
	 * Whether the volunteer is still wrapping up at {@code now}.
	 */
	public boolean wrappingUpAt(Instant now) {
		return this.wrapUpUntil != null && this.wrapUpUntil.isAfter(now);
	}

}
