package fr.passerelle.platform.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a missing database into a short startup report saying what to configure, instead
 * of a stack trace.
 */
class EmbeddedDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedDatabaseUnavailable> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedDatabaseUnavailable cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Point Passerelle at a MariaDB (>= 10.6): SPRING_DATASOURCE_URL=jdbc:mariadb://host:3306/passerelle, "
						+ "SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD (see deploy/README.md).",
				cause);
	}

}
