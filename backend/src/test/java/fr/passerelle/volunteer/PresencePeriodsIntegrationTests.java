package fr.passerelle.volunteer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.passerelle.IntegrationTest;
import fr.passerelle.TestAccounts;
import fr.passerelle.TestClock;
import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Presence is recorded over time (issue 14): from when to when a volunteer was available,
 * on a break or wrapping up; offline time is not, and periods are deleted after 13
 * months.
 */
@IntegrationTest
class PresencePeriodsIntegrationTests {

	@Autowired
	AccountManagement accounts;

	@Autowired
	Volunteers volunteers;

	@Autowired
	WrapUps wrapUps;

	@Autowired
	VolunteerPresence volunteerPresence;

	@Autowired
	PresencePeriods periods;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void recordsFromWhenToWhenAVolunteerWasAvailableWrappingUpOrOnABreak() {
		long volunteer = TestAccounts.open(this.accounts, Role.VOLUNTEER).id();
		this.volunteers.register(volunteer, "44", Set.of("CAF"));
		this.volunteers.qualify(volunteer);
		Instant start = this.clock.instant();

		this.volunteerPresence.choosePresence(volunteer, Presence.AVAILABLE);
		this.clock.advance(Duration.ofMinutes(10));
		this.wrapUps.startWrapUp(volunteer, Duration.ofSeconds(60));
		this.clock.advance(Duration.ofSeconds(20));
		this.wrapUps.endWrapUp(volunteer);
		this.clock.advance(Duration.ofMinutes(30));
		this.volunteerPresence.choosePresence(volunteer, Presence.PAUSED);
		this.clock.advance(Duration.ofMinutes(15));
		this.volunteerPresence.choosePresence(volunteer, Presence.OFFLINE);
		this.volunteerPresence.choosePresence(volunteer, Presence.OFFLINE);

		assertThat(periodsOf(volunteer)).containsExactly(
				Map.of("state", "AVAILABLE", "from", start, "to", start.plusSeconds(40 * 60 + 20)),
				Map.of("state", "WRAP_UP", "from", start.plusSeconds(600), "to", start.plusSeconds(620)),
				Map.of("state", "PAUSED", "from", start.plusSeconds(40 * 60 + 20), "to",
						start.plusSeconds(55 * 60 + 20)));
	}

	@Test
	void aWrapUpNotEndedEarlyKeepsItsPlannedEndAndGoingOfflineCutsItShort() {
		long volunteer = TestAccounts.open(this.accounts, Role.VOLUNTEER).id();
		this.volunteers.register(volunteer, "44", Set.of("CAF"));
		this.volunteers.qualify(volunteer);
		Instant start = this.clock.instant();
		this.volunteerPresence.choosePresence(volunteer, Presence.AVAILABLE);
		this.wrapUps.startWrapUp(volunteer, Duration.ofSeconds(60));
		this.clock.advance(Duration.ofSeconds(90));
		this.wrapUps.startWrapUp(volunteer, Duration.ofSeconds(60));
		this.clock.advance(Duration.ofSeconds(10));

		this.volunteerPresence.choosePresence(volunteer, Presence.OFFLINE);

		assertThat(periodsOf(volunteer)).containsExactly(
				Map.of("state", "AVAILABLE", "from", start, "to", start.plusSeconds(100)),
				Map.of("state", "WRAP_UP", "from", start, "to", start.plusSeconds(60)),
				Map.of("state", "WRAP_UP", "from", start.plusSeconds(90), "to", start.plusSeconds(100)));
	}

	@Test
	void deletesThePeriodsThatEndedMoreThanThirteenMonthsAgo() {
		long volunteer = TestAccounts.open(this.accounts, Role.VOLUNTEER).id();
		this.volunteers.register(volunteer, "44", Set.of("CAF"));
		this.volunteers.qualify(volunteer);
		this.volunteerPresence.choosePresence(volunteer, Presence.PAUSED);
		this.clock.advance(Duration.ofHours(1));
		this.volunteerPresence.choosePresence(volunteer, Presence.AVAILABLE);

		this.clock.advance(Duration.ofDays(396).minusMinutes(30));
		this.periods.purge();
		assertThat(periodsOf(volunteer)).hasSize(2);

		this.clock.advance(Duration.ofHours(1));
		this.periods.purge();
		assertThat(periodsOf(volunteer)).as("the period still open stays")
			.singleElement()
			.satisfies((period) -> assertThat(period).containsEntry("state", "AVAILABLE").containsEntry("to", null));
	}

	private List<Map<String, Object>> periodsOf(long volunteer) {
		return this.jdbc.sql("""
				SELECT state, started_at, ended_at FROM volunteer_presence_period WHERE account_id = ?
				ORDER BY started_at, id""").param(volunteer).query((rs, row) -> {
			Map<String, Object> period = new java.util.HashMap<>();
			period.put("state", rs.getString(1));
			period.put("from", rs.getTimestamp(2).toInstant());
			period.put("to", (rs.getTimestamp(3) != null) ? rs.getTimestamp(3).toInstant() : null);
			return period;
		}).list();
	}

}
