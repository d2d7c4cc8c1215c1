package fr.passerelle.volunteer;

/**
 * A volunteer's presence changed: by their own choice, at the start of a shift, or
 * because they now hold as many requests as they can (and again when one leaves them).
 */
public record PresenceChanged(long accountId, Presence status) {
}
