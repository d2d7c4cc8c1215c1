package fr.passerelle.volunteer;

/**
 * A volunteer a request may be handed over to.
 *
 * @param accountId the volunteer
 * @param departementCode the département they live in
 * @param regionCode its région
 * @param presence whether they take requests now
 * @param capacity how many requests they may hold at once
 */
public record Colleague(long accountId, String departementCode, String regionCode, Presence presence, int capacity) {
}
