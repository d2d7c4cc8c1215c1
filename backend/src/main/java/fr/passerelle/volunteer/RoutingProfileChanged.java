package fr.passerelle.volunteer;

/**
 * What routing matches a volunteer against changed: skills, languages, territories,
 * capacity or qualification.
 *
 * @param accountId the volunteer
 */
public record RoutingProfileChanged(long accountId) {
}
