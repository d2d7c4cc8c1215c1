package fr.passerelle.platform.database;

import fr.passerelle.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class DatabaseIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void runsOnARealMariaDb() {
		String version = this.jdbc.sql("SELECT VERSION()").query(String.class).single();

		assertThat(version).containsIgnoringCase("MariaDB");
	}

	@Test
	void letsFlywayOwnTheSchema() {
		long applied = this.jdbc.sql("SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1")
			.query(Long.class)
			.single();
		long failed = this.jdbc.sql("SELECT COUNT(*) FROM flyway_schema_history WHERE success = 0")
			.query(Long.class)
			.single();

		assertThat(applied).isGreaterThanOrEqualTo(5);
		assertThat(failed).isZero();
	}

	@Test
	void storesTextAsFullUnicode() {
		String charset = this.jdbc
			.sql("SELECT CCSA.character_set_name FROM information_schema.TABLES T "
					+ "JOIN information_schema.COLLATION_CHARACTER_SET_APPLICABILITY CCSA "
					+ "ON CCSA.collation_name = T.table_collation WHERE T.table_schema = DATABASE() "
					+ "AND T.table_name = 'account'")
			.query(String.class)
			.single();

		assertThat(charset).isEqualTo("utf8mb4");
	}

}
