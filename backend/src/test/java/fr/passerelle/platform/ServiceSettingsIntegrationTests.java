package fr.passerelle.platform;

import java.util.Map;

import fr.passerelle.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Settings kept by group: the first values written once (a later start with other
 * configured values keeps what was set), completed with new names, read by another
 * instance within its refresh, a stale change refused.
 */
@IntegrationTest
class ServiceSettingsIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void writesTheFirstValuesOnceAndAnotherInstanceReadsAChangeAtItsNextRefresh() {
		String group = "test-" + System.nanoTime();
		ServiceSettings here = new ServiceSettings(this.jdbc, this.transactions);
		ServiceSettings there = new ServiceSettings(this.jdbc, this.transactions);
		assertThat(here.read(group, Map.of("attempts", "3")).values()).containsEntry("attempts", "3");
		assertThat(there.read(group, Map.of("attempts", "9", "delay", "60")).values())
			.as("set already: kept; a new name: added")
			.containsEntry("attempts", "3")
			.containsEntry("delay", "60");

		ServiceSettings.Group changed = here.replace(group, Map.of("attempts", "5"), 0);
		assertThat(changed.version()).isEqualTo(1);
		assertThat(there.read(group, Map.of()).number("attempts")).as("until its refresh").isEqualTo(3);
		there.refresh();
		assertThat(there.read(group, Map.of()).number("attempts")).isEqualTo(5);

		assertThatThrownBy(() -> there.replace(group, Map.of("attempts", "7"), 0)).isInstanceOfSatisfying(
				RejectedRequest.class, (refused) -> assertThat(refused.status().value()).isEqualTo(409));
		assertThat(here.read(group, Map.of()).number("attempts")).isEqualTo(5);
	}

}
