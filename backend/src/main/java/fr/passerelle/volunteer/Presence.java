package fr.passerelle.volunteer;

/**
 * Whether a volunteer can take requests now. {@code BUSY} is set by routing when they
 * hold as many requests as their capacity allows; the others are the volunteer's own
 * choice ("Disponible", "En pause", "Hors ligne").
 */
public enum Presence {

	AVAILABLE, BUSY, PAUSED, OFFLINE

}
