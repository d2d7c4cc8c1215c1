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
	RollupStore store;

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
	void mergesVolunteersDaysIntoAnonymousTotalsPerRegionOnceTheirPresenceIsForgotten() {
		volunteerDay("2026-06-16", 101, "53");
		volunteerDay("2026-06-16", 102, "53");
		volunteerDay("2026-06-16", 103, "11");
		this.store.sumVolunteerMonth(LocalDate.of(2026, 6, 1));
		this.clock.set(Instant.parse("2027-07-20T10:00:00Z"));

		assertThat(this.rollups.forgetVolunteers()).isEqualTo(3);
		assertThat(this.rollups.forgetVolunteers()).as("again, nothing").isZero();

		String anonymous = """
				SELECT region_code, answered, handling_seconds, working_seconds FROM %s
				WHERE %s AND volunteer_id = 0 ORDER BY region_code""";
		for (String lines : List.of(anonymous.formatted("statistics_volunteers", "day = '2026-06-16'"),
				anonymous.formatted("statistics_volunteer_months", "month = '2026-06-01'"))) {
			assertThat(this.jdbc.sql(lines).query().listOfRows()).as(lines)
				.satisfiesExactly(
						(row) -> assertThat(row).containsEntry("region_code", "11")
							.containsEntry("answered", 2)
							.containsEntry("handling_seconds", 720L),
						(row) -> assertThat(row).containsEntry("region_code", "53")
							.containsEntry("answered", 4)
							.containsEntry("handling_seconds", 1440L)
							.containsEntry("working_seconds", 7200L));
		}
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM statistics_volunteer_months WHERE month = '2026-06-01' "
					+ "AND volunteer_id <> 0")
			.query(Long.class)
			.single()).as("nobody named in June any more").isZero();
	}

	@Test
	void readsAPeriodFromTheVolunteersMonthsAndDaysAlike() {
		this.rollups.run();
		long volunteer = 900_111;
		volunteerDay("2026-12-31", volunteer, "53");
		volunteerDay("2027-01-01", volunteer, "53");
		volunteerDay("2027-01-20", volunteer, "53");
		volunteerDay("2027-01-31", volunteer, "53");
		volunteerDay("2027-02-01", volunteer, "53");
		this.store.sumVolunteerMonth(LocalDate.of(2027, 1, 1));
		this.jdbc.sql("UPDATE statistics_volunteers SET answered = 100 WHERE day = '2027-01-20' AND volunteer_id = ?")
			.param(volunteer)
			.update();

		assertThat(this.store.volunteers(LocalDate.of(2026, 12, 31), LocalDate.of(2027, 2, 1), "53", volunteer))
			.as("December's last day and February's first from the days, January from its month")
			.containsOnlyKeys(volunteer)
			.hasEntrySatisfying(volunteer, (tally) -> assertThat(tally.get(VolunteerMeasure.ANSWERED)).isEqualTo(10));
		assertThat(this.store.volunteers(LocalDate.of(2027, 1, 2), LocalDate.of(2027, 1, 31), "53", volunteer))
			.as("part of January: from the days")
			.hasEntrySatisfying(volunteer, (tally) -> assertThat(tally.get(VolunteerMeasure.ANSWERED)).isEqualTo(102));
		assertThat(this.store.volunteers(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 31), "11", volunteer))
			.as("another région")
			.isEmpty();

		this.recount.since(LocalDate.of(2027, 1, 25));
		this.rollups.run();
		assertThat(this.store.volunteers(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 31), "53", volunteer))
			.as("a day counted again (whole, without this volunteer, who has no records): its month summed again")
			.hasEntrySatisfying(volunteer, (tally) -> assertThat(tally.get(VolunteerMeasure.ANSWERED)).isEqualTo(102));
	}

	private void volunteerDay(String day, long volunteer, String region) {
		this.jdbc.sql("""
				INSERT INTO statistics_volunteers (day, volunteer_id, region_code, answered, callbacks_made,
				    callbacks_reached, available_seconds, in_call_seconds, wrap_up_seconds, handling_seconds,
				    working_seconds, paused_seconds)
				VALUES (?, ?, ?, 2, 1, 1, 3600, 600, 120, 720, 3600, 300)""")
			.params(Date.valueOf(day), volunteer, region)
			.update();
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
