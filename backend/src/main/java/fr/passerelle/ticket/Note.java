package fr.passerelle.ticket;

import java.time.Instant;

/**
 * A volunteer's note on a ticket, kept as plain text (never rendered as HTML).
 */
public record Note(long id, long authorId, Instant writtenAt, String body) {
}
