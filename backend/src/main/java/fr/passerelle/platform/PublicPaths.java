package fr.passerelle.platform;

import java.util.List;

/**
 * Paths that a module serves to anyone, without an account. Each module declares its own
 * as a bean; every other path needs a signed-in user, or is refused (deny by default).
 *
 * @param patterns Ant-style path patterns, such as {@code /css/**}
 */
public record PublicPaths(List<String> patterns) {

	public static PublicPaths of(String... patterns) {
		return new PublicPaths(List.of(patterns));
	}

}
