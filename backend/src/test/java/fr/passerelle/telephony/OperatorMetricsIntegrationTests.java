package fr.passerelle.telephony;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.passerelle.IntegrationTest;
import fr.passerelle.StaffClient;
import fr.passerelle.TestAccounts;
import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The business meters operators scrape from {@code /actuator/prometheus}: every one is
 * there, and a citizen's call moves the calls received.
 */
@IntegrationTest
class OperatorMetricsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Test
	void exposesTheBusinessMetersAndCountsACall() {
		StaffClient administrator = TestAccounts.signedIn(this.accounts, Role.ADMIN, this.port);
		String before = scrape(administrator);
		assertThat(before).contains("passerelle_calls_received_total", "passerelle_calls_answered_total",
				"passerelle_calls_abandoned_total{short=\"false\"}", "passerelle_calls_abandoned_total{short=\"true\"}",
				"passerelle_queue_callers_waiting", "passerelle_queue_longest_wait_seconds", "passerelle_callbacks_due",
				"passerelle_offers_expired_total", "passerelle_texts_sent_total", "passerelle_texts_failed_total",
				"passerelle_consoles_connected", "passerelle_fallback_spool_size");

		CitizenCalls.call(this.port, "37000");

		String after = scrape(administrator);
		assertThat(value(after, "passerelle_calls_received_total"))
			.isEqualTo(value(before, "passerelle_calls_received_total") + 1);
	}

	/** As Prometheus scrapes: its text format. */
	private static String scrape(StaffClient client) {
		return client.send(client.request("/actuator/prometheus").setHeader("Accept", "text/plain").GET()).body();
	}

	private static double value(String scrape, String meter) {
		Matcher line = Pattern.compile("(?m)^" + meter + "(\\{[^}]*\\})? ([0-9.E+-]+)$").matcher(scrape);
		assertThat(line.find()).as(meter).isTrue();
		return Double.parseDouble(line.group(2));
	}

}
