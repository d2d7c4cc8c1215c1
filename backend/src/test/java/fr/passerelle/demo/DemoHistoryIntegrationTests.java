package fr.passerelle.demo;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import fr.passerelle.PasserelleApplication;
import fr.passerelle.SeparateDatabase;
import fr.passerelle.StaffClient;
import fr.passerelle.TestTotp;
import fr.passerelle.account.AccountManagement;
import fr.passerelle.volunteer.VolunteerShifts;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new demonstration's eight weeks of history, on a database of its own with the demo
 * and the scheduled jobs on: written once, consistent with itself, and counted in the
 * coordinators' statistics by the rollup job.
 */
class DemoHistoryIntegrationTests {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	@Test
	void givesTheCoordinatorsWeeksOfFiguresOnceOnly() throws Exception {
		List<String> arguments = new ArrayList<>(List.of(SeparateDatabase.arguments("passerelle_demo_history")));
		arguments.addAll(List.of("--server.port=0", "--passerelle.demo.enabled=true",
				"--passerelle.routing.jobs-enabled=true", "--passerelle.statistics.rollup-interval=1s"));
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PasserelleApplication.class)
			.profiles("test")
			.run(arguments.toArray(String[]::new))) {
			SeparateDatabase.reset(context);
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			Clock clock = context.getBean(Clock.class);
			LocalDate today = LocalDate.ofInstant(clock.instant(), PARIS);
			LocalDate first = today.minusDays(DemoHistory.DAYS);

			context.getBean(DemoData.class).run(null);
			context.getBean(DemoHistory.class).run(null);
			context.getBean(DemoHistory.class).run(null);

			assertThat(count(jdbc, "SELECT COUNT(*) FROM ticket")).as("written once").isEqualTo(DemoHistory.REQUESTS);
			assertThat(count(jdbc, "SELECT COUNT(*) FROM ticket WHERE created_at < ?",
					Timestamp.from(first.atStartOfDay(PARIS).toInstant())))
				.as("nothing before the first day")
				.isZero();
			assertThat(count(jdbc, "SELECT COUNT(*) FROM ticket WHERE created_at >= ?",
					Timestamp.from(today.atStartOfDay(PARIS).toInstant())))
				.as("nothing from today on: today is the live service's")
				.isZero();
			assertThat(count(jdbc,
					"SELECT COUNT(*) FROM ticket WHERE closed_at IS NULL OR status NOT IN ('RESOLVED', 'REDIRECTED', 'UNREACHABLE', 'CANCELLED')"))
				.as("every request closed")
				.isZero();
			assertThat(count(jdbc, "SELECT COUNT(DISTINCT reference) FROM ticket")).as("references are unique")
				.isEqualTo(DemoHistory.REQUESTS);
			assertThat(count(jdbc, """
					SELECT COUNT(*) FROM ticket t WHERE t.status IN ('RESOLVED', 'REDIRECTED')
					  AND NOT EXISTS (SELECT 1 FROM ticket_outcome o WHERE o.ticket_id = t.id)"""))
				.as("every outcome recorded")
				.isZero();
			assertThat(count(jdbc, """
					SELECT COUNT(*) FROM ticket t WHERE NOT EXISTS
					  (SELECT 1 FROM ticket_event e WHERE e.ticket_id = t.id AND e.type = 'CREATED')"""))
				.as("every timeline starts")
				.isZero();
			assertThat(
					count(jdbc, "SELECT COUNT(*) FROM ticket WHERE phone_cipher IS NOT NULL OR first_name IS NOT NULL"))
				.as("nothing personal")
				.isZero();
			assertThat(count(jdbc, "SELECT COUNT(*) FROM telephony_call WHERE ended_at < started_at"))
				.as("no call ends before it starts")
				.isZero();
			VolunteerShifts volunteerShifts = context.getBean(VolunteerShifts.class);
			AccountManagement accounts = context.getBean(AccountManagement.class);
			long paris = accounts.findByEmail("benevole.paris@passerelle.demo").orElseThrow().id();
			assertThat(volunteerShifts.shifts(paris)).as("two half-days a week").hasSize(2);

			StaffClient coordinator = new StaffClient(((WebServerApplicationContext) context).getWebServer().getPort());
			assertThat(coordinator
				.login("coordination@passerelle.demo", DemoData.PASSWORD,
						TestTotp.code(DemoData.TWO_FACTOR_SECRET, clock.instant()))
				.statusCode()).isEqualTo(200);
			String period = "from=" + first + "&to=" + today.minusDays(1);
			// the job counts the weeks again whole once they are written, then says so
			Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
			while (count(jdbc, "SELECT COUNT(*) FROM statistics_rollup_state WHERE recount_from IS NOT NULL") > 0
					&& Instant.now().isBefore(deadline)) {
				Thread.sleep(200);
			}
			HttpResponse<String> summary = coordinator.get("/api/statistics/summary?" + period);
			assertThat(summary.statusCode()).isEqualTo(200);
			long phoneRequests = count(jdbc, "SELECT COUNT(*) FROM ticket WHERE source = 'PHONE'");
			assertThat(summary.body()).as("counted by the rollup job within the minute")
				.contains("\"calls\":" + (phoneRequests + DemoHistory.CALLS_LEFT_IN_MENU) + ",");
			assertThat(summary.body()).doesNotContain("\"answered\":0,", "\"serviceLevel\":null");
		}
	}

	private static long count(JdbcClient jdbc, String sql, Object... parameters) {
		return jdbc.sql(sql).params(List.of(parameters)).query(Long.class).single();
	}

}
