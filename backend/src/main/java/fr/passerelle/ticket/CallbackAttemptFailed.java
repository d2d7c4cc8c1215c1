package fr.passerelle.ticket;

import java.time.Instant;

/**
 * A callback did not reach the citizen; {@code nextAttemptAt} is null when it was the
 * last attempt. Carries no personal data (events are stored by the publication registry).
 */
public record CallbackAttemptFailed(long ticketId, int attempt, String reason, Instant nextAttemptAt) {
}
