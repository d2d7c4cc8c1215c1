package fr.passerelle.volunteer;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import fr.passerelle.IntegrationTest;
import fr.passerelle.TestAccounts;
import fr.passerelle.TestClock;
import fr.passerelle.TestClockConfiguration;
import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.Role;
import fr.passerelle.platform.RejectedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@IntegrationTest
class PresenceAndShiftsIntegrationTests {

	@Autowired
	Volunteers volunteers;

	@Autowired
	VolunteerShifts volunteerShifts;

	@Autowired
	VolunteerPresence volunteerPresence;

	@Autowired
	AccountManagement accounts;

	@Autowired
	TestClock clock;

	@BeforeEach
	void resetClock() {
		this.clock.set(Instant.parse(TestClockConfiguration.MONDAY_MORNING));
	}

	@Test
	void startsOfflineAndGoesAvailableOnlyOnceApprovedAndTrained() {
		long id = volunteer("35");

		assertThat(this.volunteerPresence.presence(id).status()).isEqualTo(Presence.OFFLINE);
		assertRejected(() -> this.volunteerPresence.choosePresence(id, Presence.AVAILABLE), "volunteer.not-qualified");

		this.volunteers.qualify(id);
		PresenceState available = this.volunteerPresence.choosePresence(id, Presence.AVAILABLE);
		this.clock.advance(Duration.ofMinutes(3));

		assertThat(available.status()).isEqualTo(Presence.AVAILABLE);
		assertThat(available.idleSince()).isEqualTo(this.clock.instant().minus(Duration.ofMinutes(3)));
		assertThat(this.volunteerPresence.choosePresence(id, Presence.AVAILABLE)).as("choosing it again")
			.isEqualTo(available);
		assertThat(this.volunteerPresence.choosePresence(id, Presence.PAUSED).idleSince()).isNull();
		assertRejected(() -> this.volunteerPresence.choosePresence(id, Presence.BUSY),
				"volunteer.presence.busy-is-automatic");
	}

	@Test
	void servesItsOwnDepartementByDefaultAndWhatItIsConfiguredFor() {
		long id = volunteer("974");

		assertThat(this.volunteers.routingProfile(id)).hasValueSatisfying((profile) -> {
			assertThat(profile.servedDepartements()).containsExactly("974");
			assertThat(profile.regionCode()).isEqualTo("04");
			assertThat(profile.languages()).containsExactly("fr");
			assertThat(profile.qualified()).isFalse();
		});
		RoutingProfile configured = this.volunteers.configureRouting(id, Set.of("fr", "rcf"), 2, Set.of("974", "976"),
				Set.of("04"), false);
		assertThat(configured.servedDepartements()).containsExactlyInAnyOrder("974", "976");
		assertThat(configured.servedRegions()).containsExactly("04");
		assertThat(configured.capacity()).isEqualTo(2);
		assertRejected(() -> this.volunteers.configureRouting(id, Set.of("klingon"), 1, Set.of(), Set.of(), false),
				"volunteer.language.unknown");
		assertRejected(() -> this.volunteers.configureRouting(id, Set.of("fr"), 11, Set.of(), Set.of(), false),
				"volunteer.capacity.invalid");
	}

	@Test
	void keepsWeeklyShiftsWithoutOverlaps() {
		long id = volunteer("75");
		List<Shift> shifts = List.of(new Shift(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(12, 0)),
				new Shift(DayOfWeek.THURSDAY, LocalTime.of(14, 0), LocalTime.of(17, 30)));

		assertThat(this.volunteerShifts.replaceShifts(id, shifts, true)).containsExactlyElementsOf(shifts);
		assertThat(this.volunteerShifts.availableAtShiftStart(id)).isTrue();
		assertRejected(
				() -> this.volunteerShifts.replaceShifts(id,
						List.of(new Shift(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(12, 0)),
								new Shift(DayOfWeek.MONDAY, LocalTime.of(11, 0), LocalTime.of(13, 0))),
						false),
				"volunteer.shift.overlap");
		assertRejected(() -> new Shift(DayOfWeek.MONDAY, LocalTime.of(12, 0), LocalTime.of(9, 0)),
				"volunteer.shift.invalid");
		assertThat(this.volunteerShifts.shifts(id)).containsExactlyElementsOf(shifts);
	}

	@Test
	void makesAvailableAtShiftStartThoseWhoOptedIn() {
		long optedIn = qualifiedVolunteer("75");
		long notOptedIn = qualifiedVolunteer("75");
		long reunion = qualifiedVolunteer("974");
		Shift mondayAt1030 = new Shift(DayOfWeek.MONDAY, LocalTime.of(10, 30), LocalTime.of(12, 0));
		this.volunteerShifts.replaceShifts(optedIn, List.of(mondayAt1030), true);
		this.volunteerShifts.replaceShifts(notOptedIn, List.of(mondayAt1030), false);
		// 10:30 in Paris is 13:30 in La Réunion: that shift starts later there.
		this.volunteerShifts.replaceShifts(reunion, List.of(mondayAt1030), true);

		this.volunteerShifts.startShifts(Duration.ofMinutes(2));

		assertThat(this.volunteerPresence.presence(optedIn).status()).isEqualTo(Presence.AVAILABLE);
		assertThat(this.volunteerPresence.presence(notOptedIn).status()).isEqualTo(Presence.OFFLINE);
		assertThat(this.volunteerPresence.presence(reunion).status()).isEqualTo(Presence.OFFLINE);

		this.clock.set(Instant.parse("2027-03-01T06:30:00Z"));
		this.volunteerShifts.startShifts(Duration.ofMinutes(2));
		assertThat(this.volunteerPresence.presence(reunion).status()).isEqualTo(Presence.AVAILABLE);
	}

	private long volunteer(String departement) {
		long id = TestAccounts.open(this.accounts, Role.VOLUNTEER).id();
		this.volunteers.register(id, departement, Set.of("CAF"));
		return id;
	}

	private long qualifiedVolunteer(String departement) {
		long id = volunteer(departement);
		this.volunteers.qualify(id);
		return id;
	}

	private static void assertRejected(Runnable action, String code) {
		assertThatExceptionOfType(RejectedRequest.class).isThrownBy(action::run)
			.satisfies((ex) -> assertThat(ex.messageCode()).isEqualTo(code));
	}

}
