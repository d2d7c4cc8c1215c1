package fr.passerelle.volunteer;

import java.util.Set;

/**
 * A volunteer mediator as other modules see them.
 *
 * @param accountId the staff account they sign in with
 * @param departementCode the département they live in
 * @param skills codes of the themes they can help with
 */
public record VolunteerProfile(long accountId, String departementCode, Set<String> skills) {
}
