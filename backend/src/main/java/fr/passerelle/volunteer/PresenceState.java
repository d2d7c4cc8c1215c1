package fr.passerelle.volunteer;

import java.time.Instant;

/**
 * A volunteer's presence, since when, and since when they have been waiting for a request
 * (longest idle first).
 */
public record PresenceState(long accountId, Presence status, Instant since, Instant idleSince) {
}
