package fr.passerelle.statistics;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import fr.passerelle.IntegrationTest;
import fr.passerelle.TestAccounts;
import fr.passerelle.TestClock;
import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.Role;
import fr.passerelle.account.StaffAccount;
import fr.passerelle.volunteer.Shift;
import fr.passerelle.volunteer.Volunteers;
import fr.passerelle.volunteer.VolunteerShifts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every figure of the summary against records written by hand and counted by hand, on
 * days of 2031 that no other test touches: a Tuesday (18 March) with answered calls, a
 * short and a long abandon, a callback asked for from the queue, callbacks from the menu
 * (no volunteer; closed), a call left in the menu, an overseas caller, a repeat caller, a
 * request handed over, a follow-up cancelled at once, a practice call and a call that
 * started just before midnight; and the two days clocks change (23 and 25 hours).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsFiguresIntegrationTests {

	static final LocalDate TUESDAY = LocalDate.of(2031, 3, 18);

	static final LocalDate SPRING_FORWARD = LocalDate.of(2031, 3, 30);

	static final LocalDate FALL_BACK = LocalDate.of(2031, 10, 26);

	static final Instant LATER = Instant.parse("2031-11-15T12:00:00Z");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountManagement accounts;

	@Autowired
	Volunteers volunteers;

	@Autowired
	VolunteerShifts volunteerShifts;

	@Autowired
	Rollups rollups;

	@Autowired
	SummaryReport summaries;

	@Autowired
	TestClock clock;

	@Autowired
	Breakdowns breakdowns;

	long v1;

	long v2;

	@BeforeAll
	void writeTheRecords() {
		Records records = new Records(this.jdbc);
		long v1 = volunteer("35");
		long v2 = volunteer("29");
		long v3 = volunteer("974");
		this.volunteers.qualify(v3);
		// 13:00 to 15:00 in La Réunion is 10:00 to 12:00 in Paris in March
		this.volunteerShifts.replaceShifts(v3,
				List.of(new Shift(DayOfWeek.TUESDAY, LocalTime.of(13, 0), LocalTime.of(15, 0))), false);
		this.v1 = v1;
		this.v2 = v2;

		// c1: waits 20 s, answered by v1, 10 minutes' talk
		long t1 = records.ticket("2031-03-18T09:00:30Z", "PHONE", "LIVE_CALL", "CAF", "35000", "35", "53", "RESOLVED",
				"2031-03-18T09:15:00Z");
		records.call("2031-03-18T09:00:00Z", "2031-03-18T09:00:40Z", "2031-03-18T09:01:00Z", "2031-03-18T09:11:00Z",
				"ANSWERED", "QUEUE", t1);
		records.volunteerLeg(v1, t1, "2031-03-18T09:00:55Z", "2031-03-18T09:11:00Z");
		records.event(t1, "2031-03-18T09:01:00Z", v1, "CALL_STARTED", null);
		records.presence(v1, "AVAILABLE", "2031-03-18T08:00:00Z", "2031-03-18T12:00:00Z");
		records.presence(v1, "WRAP_UP", "2031-03-18T09:11:00Z", "2031-03-18T09:12:00Z");
		records.presence(v1, "PAUSED", "2031-03-18T12:00:00Z", "2031-03-18T12:30:00Z");
		records.outcome(t1, v1, "2031-03-18T09:12:00Z", "social_sante,argent_impots", "entierement_accompagne",
				"finalisee", null);

		// c2: waits 90 s, answered by v2 (Finistère)
		long t2 = records.ticket("2031-03-18T09:05:20Z", "PHONE", "LIVE_CALL", "HEALTH", "29000", "29", "53",
				"REDIRECTED", "2031-03-18T09:20:00Z");
		records.call("2031-03-18T09:05:00Z", "2031-03-18T09:05:30Z", "2031-03-18T09:07:00Z", "2031-03-18T09:12:00Z",
				"ANSWERED", "QUEUE", t2);
		records.volunteerLeg(v2, t2, "2031-03-18T09:06:55Z", "2031-03-18T09:12:00Z");
		records.event(t2, "2031-03-18T09:07:00Z", v2, "CALL_STARTED", null);
		records.presence(v2, "AVAILABLE", "2031-03-18T09:00:00Z", "2031-03-18T10:00:00Z");
		records.outcome(t2, v2, "2031-03-18T09:20:00Z", "social_sante", "partiellement_autonome",
				"oriente_vers_structure", "aide_aux_demarches_administratives");

		// c3: hangs up after 3 s of waiting (short abandon); c4 after 70 s
		long t3 = records.ticket("2031-03-18T09:20:20Z", "PHONE", "LIVE_CALL", "CAF", "35000", "35", "53", "CANCELLED",
				"2031-03-18T09:20:33Z");
		records.call("2031-03-18T09:20:00Z", "2031-03-18T09:20:30Z", "2031-03-18T09:20:33Z", "2031-03-18T09:20:33Z",
				"SHORT_ABANDON", "QUEUE", t3);
		long t4 = records.ticket("2031-03-18T09:29:50Z", "PHONE", "LIVE_CALL", "TAXES", "35000", "35", "53",
				"CANCELLED", "2031-03-18T09:31:10Z");
		records.call("2031-03-18T09:29:30Z", "2031-03-18T09:30:00Z", "2031-03-18T09:31:10Z", "2031-03-18T09:31:10Z",
				"ABANDONED", "QUEUE", t4);

		// c5: presses 1 after 40 s of waiting; called back the next morning (within 24 h)
		long t5 = records.ticket("2031-03-18T09:39:50Z", "PHONE", "LIVE_CALL", "CAF", "35000", "35", "53", "RESOLVED",
				"2031-03-19T08:20:00Z");
		records.call("2031-03-18T09:39:30Z", "2031-03-18T09:40:00Z", "2031-03-18T09:40:40Z", "2031-03-18T09:41:30Z",
				"CALLBACK_REQUESTED", "QUEUE", t5);
		records.event(t5, "2031-03-18T09:40:40Z", null, "TURNED_INTO_CALLBACK", null);
		String callback5 = records.volunteerLeg(v1, t5, "2031-03-19T07:59:50Z", "2031-03-19T08:15:00Z");
		records.dial(callback5, v1, t5, "2031-03-19T08:00:00Z", "2031-03-19T08:00:10Z");
		records.event(t5, "2031-03-19T08:00:10Z", v1, "CALL_STARTED", null);

		// c6: nobody available, a callback from the menu; three failed attempts from two
		// days later
		long t6 = records.ticket("2031-03-18T09:45:00Z", "PHONE", "CALLBACK", "EMPLOYMENT", "29000", "29", "53",
				"UNREACHABLE", "2031-03-21T09:01:00Z");
		records.call("2031-03-18T09:44:00Z", null, null, "2031-03-18T09:46:00Z", "CALLBACK_REQUESTED", "NO_VOLUNTEER",
				t6);
		records.event(t6, "2031-03-20T10:01:00Z", v2, "ATTEMPT_FAILED", "NO_ANSWER");
		records.event(t6, "2031-03-20T12:01:00Z", v2, "ATTEMPT_FAILED", "NO_ANSWER");
		records.event(t6, "2031-03-21T09:01:00Z", v2, "ATTEMPT_FAILED", "NO_ANSWER, last attempt");

		// c7: after hours, a callback still waiting
		long t7 = records.ticket("2031-03-18T17:31:00Z", "PHONE", "CALLBACK", "CAF", "35000", "35", "53", "SCHEDULED",
				null);
		records.call("2031-03-18T17:30:00Z", null, null, "2031-03-18T17:32:00Z", "CALLBACK_REQUESTED", "CLOSED", t7);

		// c8: hangs up in the menu
		records.call("2031-03-18T09:50:00Z", null, null, "2031-03-18T09:50:10Z", "LEFT_IN_MENU", null, null);

		// c9: a practice call from a training phone, answered: counted nowhere
		long t9 = records.ticket("2031-03-18T10:00:20Z", "PHONE", "LIVE_CALL", "CAF", "35000", "35", "53", "RESOLVED",
				"2031-03-18T10:10:00Z");
		records.practice(t9);
		String practice = records.call("2031-03-18T10:00:00Z", "2031-03-18T10:00:30Z", "2031-03-18T10:00:32Z",
				"2031-03-18T10:05:00Z", "ANSWERED", "QUEUE", t9);
		records.placedFromTrainingPhone(practice, v1);
		records.volunteerLeg(v1, t9, "2031-03-18T10:00:31Z", "2031-03-18T10:05:00Z");
		records.event(t9, "2031-03-18T10:00:32Z", v1, "CALL_STARTED", null);

		// c10: a caller from La Réunion, waits 10 s, answered by v3
		long t10 = records.ticket("2031-03-18T10:59:40Z", "PHONE", "LIVE_CALL", "CAF", "97400", "974", "04", "RESOLVED",
				"2031-03-18T11:10:00Z");
		records.call("2031-03-18T10:59:30Z", "2031-03-18T10:59:50Z", "2031-03-18T11:00:00Z", "2031-03-18T11:05:00Z",
				"ANSWERED", "QUEUE", t10);
		records.volunteerLeg(v3, t10, "2031-03-18T11:00:00Z", "2031-03-18T11:05:00Z");
		records.event(t10, "2031-03-18T11:00:00Z", v3, "CALL_STARTED", null);
		records.presence(v3, "AVAILABLE", "2031-03-18T10:00:00Z", "2031-03-18T12:00:00Z");

		// t11: on the site, from the number of t1 (a repeat caller), called back 30
		// minutes later
		long t11 = records.ticket("2031-03-18T10:00:00Z", "WEB_FORM", "CALLBACK", "CAF", "35000", "35", "53",
				"RESOLVED", "2031-03-18T10:40:00Z");
		records.repeatOf(t11, t1);
		String callback11 = records.volunteerLeg(v2, t11, "2031-03-18T10:29:50Z", "2031-03-18T10:35:00Z");
		records.dial(callback11, v2, t11, "2031-03-18T10:30:00Z", "2031-03-18T10:30:10Z");
		records.event(t11, "2031-03-18T10:30:10Z", v2, "CALL_STARTED", null);

		// t12: on the site, handed over by v1 to v2, who reaches the person 24 h 45 min
		// later
		long t12 = records.ticket("2031-03-18T10:15:00Z", "WEB_FORM", "CALLBACK", "HOUSING", "35000", "35", "53",
				"REDIRECTED", "2031-03-19T11:30:00Z");
		records.event(t12, "2031-03-18T10:20:00Z", v1, "HANDED_TO_COLLEAGUE", null);
		records.event(t12, "2031-03-19T11:00:00Z", v2, "CALL_STARTED", null);

		// t13: a follow-up opened by a volunteer and cancelled at once: left out of the
		// 24 h figures
		records.ticket("2031-03-18T14:00:00Z", "VOLUNTEER", "CALLBACK", "TAXES", "35000", "35", "53", "CANCELLED",
				"2031-03-18T14:30:00Z");

		// c11: starts at 23:59:50 in Paris, answered after midnight: counted on Tuesday
		long t14 = records.ticket("2031-03-18T22:59:58Z", "PHONE", "LIVE_CALL", "HOUSING", "35000", "35", "53",
				"RESOLVED", "2031-03-18T23:30:00Z");
		records.call("2031-03-18T22:59:50Z", "2031-03-18T23:00:10Z", "2031-03-18T23:00:40Z", "2031-03-18T23:05:00Z",
				"ANSWERED", "QUEUE", t14);

		// the days clocks change: calls left in the menu, at both ends of the day and at
		// 2 a.m.
		for (String started : List.of("2031-03-29T22:30:00Z", "2031-03-29T23:30:00Z", "2031-03-30T00:30:00Z",
				"2031-03-30T01:30:00Z", "2031-03-30T21:30:00Z", "2031-03-30T22:30:00Z", "2031-10-25T21:30:00Z",
				"2031-10-25T22:30:00Z", "2031-10-26T00:30:00Z", "2031-10-26T01:30:00Z", "2031-10-26T22:30:00Z",
				"2031-10-26T23:30:00Z")) {
			Instant end = Instant.parse(started).plusSeconds(30);
			records.call(started, null, null, end.toString(), "LEFT_IN_MENU", null, null);
		}

		this.clock.set(LATER);
		this.rollups.rebuild(List.of(TUESDAY, TUESDAY.plusDays(1), SPRING_FORWARD.minusDays(1), SPRING_FORWARD,
				SPRING_FORWARD.plusDays(1), FALL_BACK.minusDays(1), FALL_BACK, FALL_BACK.plusDays(1)), LATER);
	}

	@Test
	void countsTheCallsOfTheWholeCountry() {
		Summary summary = summary(TUESDAY, TUESDAY, Scope.NATIONAL);

		assertThat(summary.calls()).as("practice left out").isEqualTo(10);
		assertThat(summary.offered()).isEqualTo(7);
		assertThat(summary.answered()).isEqualTo(4);
		assertThat(summary.shortAbandoned()).isEqualTo(1);
		assertThat(summary.abandoned()).isEqualTo(1);
		assertThat(summary.queueCallbacks()).isEqualTo(1);
		assertThat(summary.menuCallbacks()).isEqualTo(2);
		assertThat(summary.closedHours()).isEqualTo(1);
		assertThat(summary.missed()).as("nobody available, and the abandon after 70 s").isEqualTo(2);
		assertThat(summary.leftInMenu()).isEqualTo(1);
		assertThat(summary.abandonmentRate()).as("1 / (7 - 1)").isEqualTo(0.1667);
		assertThat(summary.serviceLevelThresholdSeconds()).isEqualTo(60);
		assertThat(summary.serviceLevel()).as("10, 20 and 30 s of 4 answered and 1 abandoned after 60 s")
			.isEqualTo(0.6);
		assertThat(summary.speedOfAnswerSeconds()).isEqualTo(new Summary.SpeedOfAnswer(37.5, 20, 90, 90));
	}

	@Test
	void countsTheRequestsOfTheWholeCountry() {
		Summary summary = summary(TUESDAY, TUESDAY, Scope.NATIONAL);

		assertThat(summary.requests()).isEqualTo(12);
		assertThat(summary.callbackRequests()).isEqualTo(6);
		assertThat(summary.callbackRequestsByChannel())
			.isEqualTo(Map.of("PHONE", 2L, "WEB", 2L, "QUEUE", 1L, "FOLLOW_UP", 1L));
		assertThat(summary.firstAttemptWithin24hRate()).as("2 of 5, the cancelled follow-up left out").isEqualTo(0.4);
		assertThat(summary.firstAttemptWithin48hRate()).as("the request handed over, within 48 h").isEqualTo(0.6);
		assertThat(summary.attemptsPerCallback()).as("6 attempts for 5 callbacks closed").isEqualTo(1.2);
		assertThat(summary.unreachableRate()).isEqualTo(0.2);
		assertThat(summary.closedRequests()).isEqualTo(11);
		assertThat(summary.resolutionRate()).as("5 / 11").isEqualTo(0.4545);
		assertThat(summary.redirectionRate()).as("2 / 11").isEqualTo(0.1818);
		assertThat(summary.repeatCallers()).isEqualTo(1);
	}

	@Test
	void countsTheVolunteersTimeOfTheWholeCountry() {
		Summary summary = summary(TUESDAY, TUESDAY, Scope.NATIONAL);

		assertThat(summary.handlingTimeSeconds()).as("(665 + 615 + 300) s over 4 conversations").isEqualTo(395.0);
		assertThat(summary.occupancy()).as("1580 s handling of 25,510 s working").isEqualTo(0.0619);
	}

	@Test
	void countsTheFiguresOfARegion() {
		Summary summary = summary(TUESDAY, TUESDAY, new Scope("53"));

		assertThat(summary.region()).isEqualTo("53");
		assertThat(summary.calls()).as("neither La Réunion nor the call left in the menu").isEqualTo(8);
		assertThat(summary.offered()).isEqualTo(6);
		assertThat(summary.answered()).isEqualTo(3);
		assertThat(summary.abandonmentRate()).isEqualTo(0.2);
		assertThat(summary.serviceLevel()).isEqualTo(0.5);
		assertThat(summary.speedOfAnswerSeconds()).isEqualTo(new Summary.SpeedOfAnswer(46.7, 30, 90, 90));
		assertThat(summary.requests()).isEqualTo(11);
		assertThat(summary.resolutionRate()).isEqualTo(0.4);
		assertThat(summary.handlingTimeSeconds()).isEqualTo(426.7);
		assertThat(summary.occupancy()).isEqualTo(0.0699);

		Summary reunion = summary(TUESDAY, TUESDAY, new Scope("04"));
		assertThat(reunion.calls()).isEqualTo(1);
		assertThat(reunion.answered()).isEqualTo(1);
		assertThat(reunion.speedOfAnswerSeconds().p90()).isEqualTo(10);
	}

	@Test
	void anEmptyPeriodCountsZerosAndDividesByNothing() {
		Summary summary = summary(LocalDate.of(2031, 1, 5), LocalDate.of(2031, 1, 11), new Scope("53"));

		assertThat(summary.calls()).isZero();
		assertThat(summary.requests()).isZero();
		assertThat(summary.abandonmentRate()).isNull();
		assertThat(summary.serviceLevel()).isNull();
		assertThat(summary.speedOfAnswerSeconds()).isEqualTo(new Summary.SpeedOfAnswer(null, null, null, null));
		assertThat(summary.firstAttemptWithin24hRate()).isNull();
		assertThat(summary.resolutionRate()).isNull();
		assertThat(summary.occupancy()).isNull();
	}

	@Test
	void aDayWhenClocksGoForwardHasNoTwoOClock() {
		assertThat(summary(SPRING_FORWARD, SPRING_FORWARD, Scope.NATIONAL).calls())
			.as("from 00:30 to 23:30 in Paris, 23 hours")
			.isEqualTo(4);
		assertThat(hoursWithCalls(SPRING_FORWARD)).containsExactly(Map.entry("00", 1L), Map.entry("01", 1L),
				Map.entry("03", 1L), Map.entry("23", 1L));
	}

	@Test
	void aDayWhenClocksGoBackHasTwoOClockTwice() {
		assertThat(summary(FALL_BACK, FALL_BACK, Scope.NATIONAL).calls()).as("25 hours").isEqualTo(4);
		assertThat(hoursWithCalls(FALL_BACK)).containsExactly(Map.entry("00", 1L), Map.entry("02", 2L),
				Map.entry("23", 1L));
	}

	@Test
	void todayIsCountedFromTheRecordsWithoutWaitingForTheRollup() {
		Records records = new Records(this.jdbc);
		long ticket = records.ticket("2031-05-06T14:00:20Z", "PHONE", "LIVE_CALL", "CAF", "35000", "35", "53",
				"RESOLVED", "2031-05-06T14:04:00Z");
		records.call("2031-05-06T14:00:00Z", "2031-05-06T14:00:30Z", "2031-05-06T14:00:42Z", null, "ANSWERED", "QUEUE",
				ticket);
		this.clock.set(Instant.parse("2031-05-06T14:05:00Z"));

		Summary today = summary(LocalDate.of(2031, 5, 1), LocalDate.of(2031, 5, 6), new Scope("53"));

		assertThat(today.calls()).isEqualTo(1);
		assertThat(today.answered()).isEqualTo(1);
		assertThat(today.speedOfAnswerSeconds().mean()).isEqualTo(12.0);
		assertThat(today.requests()).isEqualTo(1);
	}

	@Test
	void rollingUpTwiceCountsNothingTwice() {
		this.clock.set(LATER);
		Summary before = summary(TUESDAY, TUESDAY, Scope.NATIONAL);

		this.rollups.rebuild(List.of(TUESDAY), LATER);

		assertThat(summary(TUESDAY, TUESDAY, Scope.NATIONAL)).usingRecursiveComparison()
			.ignoringFields("computedAt")
			.isEqualTo(before);
	}

	@Test
	void breaksTheFiguresDownByDay() {
		List<Breakdowns.Row> days = breakdown(
				() -> this.breakdowns.byDay(new Period(TUESDAY, TUESDAY.plusDays(1)), Scope.NATIONAL));

		assertThat(days).extracting(Breakdowns.Row::key).containsExactly("2031-03-18", "2031-03-19");
		assertThat(days.get(0))
			.extracting(Breakdowns.Row::calls, Breakdowns.Row::serviceLevel, Breakdowns.Row::meanWaitSeconds,
					Breakdowns.Row::p90WaitSeconds, Breakdowns.Row::requests)
			.containsExactly(10L, 0.6, 37.5, 90, 12L);
		assertThat(days.get(1)).extracting(Breakdowns.Row::calls, Breakdowns.Row::serviceLevel)
			.as("the call started before midnight counts on Tuesday")
			.containsExactly(0L, null);
	}

	@Test
	void breaksTheFiguresDownByThemeAndDepartement() {
		Map<String, Breakdowns.Row> themes = byKey(
				breakdown(() -> this.breakdowns.byTheme(new Period(TUESDAY, TUESDAY), Scope.NATIONAL)));
		assertThat(themes.keySet()).containsExactly("CAF", "EMPLOYMENT", "HEALTH", "HOUSING", "TAXES");
		assertThat(themes.get("CAF")).extracting(Breakdowns.Row::calls, Breakdowns.Row::requests)
			.containsExactly(5L, 6L);
		assertThat(themes.get("HOUSING")).extracting(Breakdowns.Row::calls, Breakdowns.Row::requests)
			.containsExactly(1L, 2L);

		Map<String, Breakdowns.Row> bretagne = byKey(
				breakdown(() -> this.breakdowns.byDepartement(new Period(TUESDAY, TUESDAY), new Scope("53"))));
		assertThat(bretagne.keySet()).containsExactly("29", "35");
		assertThat(bretagne.get("29")).extracting(Breakdowns.Row::calls, Breakdowns.Row::requests)
			.containsExactly(2L, 2L);
		assertThat(bretagne.get("35")).extracting(Breakdowns.Row::calls, Breakdowns.Row::requests)
			.containsExactly(6L, 9L);
		assertThat(byKey(breakdown(() -> this.breakdowns.byDepartement(new Period(TUESDAY, TUESDAY), Scope.NATIONAL)))
			.keySet()).containsExactly("29", "35", "974");
	}

	@Test
	void breaksTheWeekDownByHourWithTheVolunteersOnShiftAndAvailable() {
		Map<String, Breakdowns.HourRow> hours = new TreeMap<>();
		breakdown(() -> this.breakdowns.byHourOfWeek(new Period(TUESDAY, TUESDAY), Scope.NATIONAL))
			.forEach((row) -> hours.put(row.dayOfWeek() + "-" + row.hour(), row));

		assertThat(hours).hasSize(7 * 24);
		assertThat(hours.get("2-10"))
			.extracting(Breakdowns.HourRow::occurrences, Breakdowns.HourRow::calls,
					Breakdowns.HourRow::callbackRequests, Breakdowns.HourRow::missed,
					Breakdowns.HourRow::volunteersAvailable)
			.containsExactly(1, 7L, 2L, 2L, 2.0);
		assertThat(hours.get("2-11"))
			.extracting(Breakdowns.HourRow::calls, Breakdowns.HourRow::callbackRequests,
					Breakdowns.HourRow::volunteersAvailable)
			.containsExactly(1L, 2L, 2.0);
		assertThat(hours.get("2-23").calls()).isEqualTo(1);
		assertThat(hours.get("3-10").occurrences()).as("no Wednesday in the period").isZero();

		Map<String, Breakdowns.HourRow> reunion = new TreeMap<>();
		breakdown(() -> this.breakdowns.byHourOfWeek(new Period(TUESDAY, TUESDAY), new Scope("04")))
			.forEach((row) -> reunion.put(row.dayOfWeek() + "-" + row.hour(), row));
		assertThat(reunion.get("2-10").volunteersOnShift()).as("13:00 in La Réunion").isEqualTo(1.0);
		assertThat(reunion.get("2-11").volunteersOnShift()).isEqualTo(1.0);
		assertThat(reunion.get("2-12").volunteersOnShift()).isZero();
		assertThat(reunion.get("2-11").volunteersAvailable()).isEqualTo(1.0);
	}

	@Test
	void breaksTheWorkDownByVolunteer() {
		List<Breakdowns.VolunteerRow> rows = breakdown(
				() -> this.breakdowns.byVolunteer(new Period(TUESDAY, TUESDAY), new Scope("53")));

		assertThat(rows).extracting(Breakdowns.VolunteerRow::id).containsExactlyInAnyOrder(this.v1, this.v2);
		Breakdowns.VolunteerRow first = rows.stream().filter((row) -> row.id() == this.v1).findFirst().orElseThrow();
		assertThat(first).isEqualTo(new Breakdowns.VolunteerRow(this.v1, first.name(), 1, 0, 0, 4.0, 665.0, 0.0462));
		assertThat(first.name()).isEqualTo("Test VOLUNTEER");
		assertThat(breakdown(() -> this.breakdowns.ofVolunteer(new Period(TUESDAY, TUESDAY), this.v2)))
			.isEqualTo(new Breakdowns.VolunteerRow(this.v2, "Test VOLUNTEER", 1, 1, 1, 1.0, 307.5, 0.1573));
	}

	@Test
	void sumsTheOutcomeFormsUp() {
		Breakdowns.Outcomes outcomes = breakdown(
				() -> this.breakdowns.outcomes(new Period(TUESDAY, TUESDAY), Scope.NATIONAL));

		assertThat(outcomes.forms()).isEqualTo(2);
		assertThat(outcomes.answers().get("procedure_themes"))
			.isEqualTo(Map.of("social_sante", 2L, "argent_impots", 1L));
		assertThat(outcomes.answers().get("completion"))
			.isEqualTo(Map.of("finalisee", 1L, "oriente_vers_structure", 1L));
		assertThat(outcomes.answers().get("redirection")).isEqualTo(Map.of("aide_aux_demarches_administratives", 1L));
		assertThat(outcomes.answers().get("autonomy"))
			.isEqualTo(Map.of("entierement_accompagne", 1L, "partiellement_autonome", 1L));
	}

	private <T> T breakdown(Supplier<T> query) {
		this.clock.set(LATER);
		return query.get();
	}

	private static Map<String, Breakdowns.Row> byKey(List<Breakdowns.Row> rows) {
		Map<String, Breakdowns.Row> keyed = new LinkedHashMap<>();
		rows.forEach((row) -> keyed.put(row.key(), row));
		return keyed;
	}

	private Summary summary(LocalDate from, LocalDate to, Scope scope) {
		if (this.clock.instant().isBefore(Instant.parse("2031-01-01T00:00:00Z"))) {
			// the test clock's Monday of 2027, where every test starts
			this.clock.set(LATER);
		}
		return this.summaries.summary(new Period(from, to), scope);
	}

	private Map<String, Long> hoursWithCalls(LocalDate day) {
		Map<String, Long> hours = new TreeMap<>();
		this.jdbc
			.sql("SELECT item, calls FROM statistics_calls WHERE dim = 'H' AND scope = 'FR' AND day = ? AND calls > 0")
			.param(day)
			.query((rs, row) -> hours.put(rs.getString(1), rs.getLong(2)))
			.list();
		return hours;
	}

	private long volunteer(String departement) {
		StaffAccount account = TestAccounts.open(this.accounts, Role.VOLUNTEER);
		this.volunteers.register(account.id(), departement, Set.of("CAF"));
		return account.id();
	}

}
