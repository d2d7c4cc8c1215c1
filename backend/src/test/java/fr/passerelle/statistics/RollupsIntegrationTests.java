package fr.passerelle.statistics;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import fr.passerelle.IntegrationTest;
import fr.passerelle.TestClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job that keeps the rollups: recent days whole, older days when their requests
 * change, and volunteers' own days merged into anonymous totals once their presence is
 * forgotten. Its records are in June 2026, before anything else of the tests.
 */
@IntegrationTest
class RollupsIntegrationTests {

	static final LocalDate OLD_DAY = LocalDate.of(2026, 6, 15);

	@Autowired
	Rollups rollups;

	@Autowired
	Recount recount;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Test
	void rebuildsTheRequestsOfAnOldDayWhoseTimelineMovedButNotItsCalls() {
		this.rollups.run();
		Records records = new Records(this.jdbc);
		long ticket = records.ticket("2026-06-15T09:00:00Z", "WEB_FORM", "CALLBACK", "CAF", "35000", "35", "53",
				"SCHEDULED", null);

		assertThat(this.rollups.run()).contains(OLD_DAY);
		assertThat(requests(OLD_DAY, "requests")).isEqualTo(1);
		assertThat(requests(OLD_DAY, "resolved")).isZero();

		records.call("2026-06-15T10:00:00Z", null, null, "2026-06-15T10:01:00Z", "LEFT_IN_MENU", null, null);
		this.jdbc.sql("UPDATE ticket SET status = 'RESOLVED', closed_at = '2026-06-20 10:00:00' WHERE id = ?")
			.param(ticket)
			.update();
		records.event(ticket, "2026-06-20T10:00:00Z", null, "RESOLVED", null);

		assertThat(this.rollups.run()).contains(OLD_DAY);
		assertThat(requests(OLD_DAY, "resolved")).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT COALESCE(SUM(calls), 0) FROM statistics_calls WHERE dim = 'D' AND day = ?")
			.param(Date.valueOf(OLD_DAY))
			.query(Long.class)
			.single()).as("an old day's calls are final: a record that appears later changes nothing").isZero();

		assertThat(this.rollups.run()).as("nothing moved").doesNotContain(OLD_DAY);
	}

	@Test
	void countsPastDaysAgainWholeWhenAskedOnce() {
		LocalDate day = LocalDate.of(2026, 6, 8);
		this.rollups.run();
		new Records(this.jdbc).call("2026-06-08T10:00:00Z", null, null, "2026-06-08T10:01:00Z", "LEFT_IN_MENU", null,
				null);
		assertThat(this.rollups.run()).as("a call record appearing in the past moves nothing by itself")
			.doesNotContain(day);

		this.recount.since(day);

		assertThat(this.rollups.run()).contains(day, day.plusDays(1));
		assertThat(this.jdbc.sql("SELECT SUM(calls) FROM statistics_calls WHERE dim = 'D' AND scope = 'FR' AND day = ?")
			.param(Date.valueOf(day))
			.query(Long.class)
			.single()).as("its calls counted too").isEqualTo(1);
		assertThat(this.rollups.run()).as("once").doesNotContain(day);
	}

	@Test
	void mergesVolunteersDaysIntoAnonymousTotalsOnceTheirPresenceIsForgotten() {
		for (long volunteer : List.of(101L, 102L)) {
			this.jdbc.sql("""
					INSERT INTO statistics_volunteers (day, volunteer_id, region_code, answered, callbacks_made,
					    callbacks_reached, available_seconds, in_call_seconds, wrap_up_seconds, handling_seconds,
					    working_seconds, paused_seconds)
					VALUES ('2026-06-16', ?, '53', 2, 1, 1, 3600, 600, 120, 720, 3600, 300)""")
				.param(volunteer)
				.update();
		}
		this.clock.set(Instant.parse("2027-07-20T10:00:00Z"));

		assertThat(this.rollups.forgetVolunteers()).isEqualTo(2);
		assertThat(this.rollups.forgetVolunteers()).as("again, nothing").isZero();

		assertThat(this.jdbc.sql("""
				SELECT volunteer_id, answered, handling_seconds, working_seconds FROM statistics_volunteers
				WHERE day = '2026-06-16'""").query().listOfRows()).singleElement()
			.satisfies((row) -> assertThat(row).containsEntry("volunteer_id", 0L)
				.containsEntry("answered", 4)
				.containsEntry("handling_seconds", 1440L)
				.containsEntry("working_seconds", 7200L));
	}

	private long requests(LocalDate day, String column) {
		return this.jdbc
			.sql("SELECT COALESCE(SUM(" + column
					+ "), 0) FROM statistics_requests WHERE dim = 'D' AND scope = 'FR' AND day = ?")
			.param(Date.valueOf(day))
			.query(Long.class)
			.single();
	}

}
