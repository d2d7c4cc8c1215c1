package fr.passerelle.platform.database;

/**
 * No external database is configured and the embedded one cannot be started here.
 */
class EmbeddedDatabaseUnavailable extends IllegalStateException {

	EmbeddedDatabaseUnavailable(String reason) {
		super(reason);
	}

}
