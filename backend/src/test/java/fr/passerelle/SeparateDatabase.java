package fr.passerelle;

import java.util.ArrayList;
import java.util.List;

/**
 * Command-line arguments (which take precedence over the test profile and the
 * environment) that put an application context on a database of its own, on the same
 * server as the other tests: the embedded one, or the one {@code SPRING_DATASOURCE_URL}
 * names. Flyway may clean it ({@link #reset}).
 */
public final class SeparateDatabase {

	private SeparateDatabase() {
	}

	/**
	 * Empties the database of a context started with {@link #arguments} and migrates it
	 * again.
	 */
	public static void reset(org.springframework.context.ApplicationContext context) {
		org.flywaydb.core.Flyway flyway = context.getBean(org.flywaydb.core.Flyway.class);
		flyway.clean();
		flyway.migrate();
	}

	public static String[] arguments(String database) {
		List<String> properties = new ArrayList<>();
		properties.add("--passerelle.embedded-db.database=" + database);
		properties.add("--spring.flyway.clean-disabled=false");
		String external = System.getenv("SPRING_DATASOURCE_URL");
		if (external != null && !external.isBlank()) {
			properties.add("--spring.datasource.url="
					+ external.replaceFirst("(jdbc:mariadb://[^/]+/)[^?]*", "$1" + database));
		}
		return properties.toArray(String[]::new);
	}

}
