package fr.passerelle.routing;

import java.time.Instant;

/**
 * A request offered to one volunteer, until {@code expiresAt}.
 */
public record PendingOffer(long ticketId, Instant expiresAt) {
}
