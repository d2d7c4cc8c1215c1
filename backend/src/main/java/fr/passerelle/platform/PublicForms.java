package fr.passerelle.platform;

import java.util.List;

/**
 * Forms that anyone may post without an account or a session (the citizen site's callback
 * form). They are exempt from CSRF tokens: with no session behind them, a forged post
 * could do nothing the forger could not do directly, while a token would turn away
 * citizens whose browser refuses cookies. Their modules protect them otherwise (rate
 * limits, validation).
 *
 * @param patterns path patterns of the forms' POST endpoints
 */
public record PublicForms(List<String> patterns) {

	public static PublicForms of(String... patterns) {
		return new PublicForms(List.of(patterns));
	}

}
