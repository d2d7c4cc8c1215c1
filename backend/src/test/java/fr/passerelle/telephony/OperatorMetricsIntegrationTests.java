package fr.passerelle.telephony;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.passerelle.IntegrationTest;
import fr.passerelle.StaffClient;
import fr.passerelle.TestAccounts;
import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.Role;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

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

	@Autowired
	JdbcClient jdbc;

	@Test
	void exposesTheBusinessMetersAndCountsACall() {
		StaffClient administrator = TestAccounts.signedIn(this.accounts, Role.ADMIN, this.port);
		String before = scrape(administrator);
		assertThat(before).contains("passerelle_calls_received_total", "passerelle_calls_answered_total",
				"passerelle_calls_abandoned_total{short=\"false\"}", "passerelle_calls_abandoned_total{short=\"true\"}",
				"passerelle_queue_callers_waiting", "passerelle_queue_longest_wait_seconds", "passerelle_callbacks_due",
				"passerelle_offers_expired_total", "passerelle_texts_sent_total", "passerelle_texts_failed_total",
				"passerelle_consoles_connected", "passerelle_fallback_spool_size",
				"passerelle_coverage_alerts{rule=\"NOBODY_AVAILABLE\"}",
				"passerelle_coverage_alerts{rule=\"ABANDONMENT\"}", "passerelle_console_broker_available",
				"passerelle_twilio_errors_total{operation=\"text\"}",
				// the webhooks' latency, in buckets around their target (50 ms at p99)
				"http_server_requests_seconds_bucket");

		CitizenCalls.call(this.port, "37000");

		String after = scrape(administrator);
		assertThat(value(after, "passerelle_calls_received_total"))
			.isEqualTo(value(before, "passerelle_calls_received_total") + 1);
	}

	@Test
	void countsTheCoverageAlertsUpForTheAlertRules() {
		StaffClient administrator = TestAccounts.signedIn(this.accounts, Role.ADMIN, this.port);
		String nobodyAvailable = "passerelle_coverage_alerts\\{rule=\"NOBODY_AVAILABLE\"\\}";
		double before = value(scrape(administrator), nobodyAvailable);
		long alert = this.jdbc.sql("""
				INSERT INTO statistics_alert (rule, scope, started_at) VALUES ('NOBODY_AVAILABLE', '99', NOW(6))
				RETURNING id""").query(Long.class).single();
		try {
			Awaitility.await()
				.atMost(Duration.ofSeconds(15))
				.until(() -> value(scrape(administrator), nobodyAvailable), (up) -> up == before + 1);
		}
		finally {
			this.jdbc.sql("UPDATE statistics_alert SET ended_at = NOW(6) WHERE id = ?").param(alert).update();
		}
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
