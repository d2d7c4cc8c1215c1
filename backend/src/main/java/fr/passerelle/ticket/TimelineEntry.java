package fr.passerelle.ticket;

import java.time.Instant;

/**
 * One thing that happened to a ticket.
 *
 * @param actorId the staff member who did it, or {@code null} when the platform did
 * (routing, policy, phone)
 * @param type what happened ({@code CREATED}, {@code ASSIGNED}, {@code ATTEMPT_FAILED}…)
 * @param detail free text for the type, never personal data
 */
public record TimelineEntry(Instant at, Long actorId, String type, String detail) {
}
