package fr.passerelle.statistics;

import java.time.Instant;

/**
 * A coverage alert went up: the wallboards show it at once, and the coordinators who
 * asked for it are texted.
 *
 * @param rule {@code NOBODY_AVAILABLE} or {@code ABANDONMENT}
 * @param scope {@code FR} or a région's code
 */
public record CoverageAlertRaised(String rule, String scope, Instant since) {
}
