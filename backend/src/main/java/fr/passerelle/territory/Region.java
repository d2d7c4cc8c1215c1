package fr.passerelle.territory;

/**
 * A région, identified by its INSEE code ({@code 53} for Bretagne).
 */
public record Region(String code, String name) {
}
