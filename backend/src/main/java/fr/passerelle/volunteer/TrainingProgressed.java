package fr.passerelle.volunteer;

/**
 * A volunteer's training moved on: a coordinator approved them or validated their
 * training, they accepted the charter, a practice call counted, or the training is
 * complete. Their consoles read the checklist again.
 *
 * @param accountId the volunteer
 */
public record TrainingProgressed(long accountId) {
}
