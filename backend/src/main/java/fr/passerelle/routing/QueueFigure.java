package fr.passerelle.routing;

import java.time.Instant;

import fr.passerelle.ticket.TicketKind;

/**
 * How many requests of one kind, theme and département are waiting (not yet taken by a
 * volunteer), and since when the oldest has waited. Counts only, no personal data: what
 * the consoles and the wallboard show.
 *
 * @param offered how many of {@code waiting} are being offered to a volunteer right now
 */
public record QueueFigure(String regionCode, String departementCode, String topicCode, TicketKind kind, int waiting,
		int offered, Instant oldestSince) {
}
