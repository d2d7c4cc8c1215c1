package fr.passerelle.platform;

import java.util.List;

/**
 * Paths of the staff API that an account not yet approved may use: its own onboarding
 * (training, charter, its profile, the training phone). Each module declares its own as a
 * bean; every other staff path needs an approved account (deny by default).
 *
 * @param patterns path patterns, such as {@code /api/volunteers/me/training}
 */
public record OnboardingPaths(List<String> patterns) {

	public static OnboardingPaths of(String... patterns) {
		return new OnboardingPaths(List.of(patterns));
	}

}
