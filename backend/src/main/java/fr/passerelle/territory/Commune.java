package fr.passerelle.territory;

/**
 * A commune (or a municipal arrondissement of Paris, Lyon or Marseille), identified by
 * its INSEE code.
 */
public record Commune(String inseeCode, String name) {
}
