package fr.passerelle.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import fr.passerelle.ticket.TicketKind;
import fr.passerelle.volunteer.RoutingProfile;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EligibilityTests {

	private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

	private final Eligibility eligibility = new Eligibility(
			() -> new RoutingProperties(new RoutingProperties.Delays(null, null, null),
					new RoutingProperties.Delays(null, null, null), true, java.time.Duration.ofSeconds(60)));

	/** Lives in Rennes (35, Bretagne), serves the Finistère (29) besides. */
	private final RoutingProfile local = volunteer("35", "53", Set.of("35", "29"), Set.of(), false);

	/** Lives in Lyon (69), serves the whole Auvergne-Rhône-Alpes région (84). */
	private final RoutingProfile regional = volunteer("69", "84", Set.of("69"), Set.of("84"), false);

	/** Lives in Paris (75), serves the whole country. */
	private final RoutingProfile national = volunteer("75", "11", Set.of(), Set.of(), true);

	@Test
	void givesARequestAtOnceToVolunteersOfItsDepartement() {
		assertThat(eligible(this.local, callback("35", "53", Duration.ZERO))).isTrue();
		assertThat(eligible(this.local, callback("29", "53", Duration.ZERO))).isTrue();
		assertThat(eligible(this.national, callback("75", "11", Duration.ZERO))).isTrue();
		assertThat(eligible(this.regional, callback("69", "84", Duration.ZERO))).isTrue();
	}

	@Test
	void widensACallbackToTheRegionAfterTwoHours() {
		Entry grenoble = callback("38", "84", Duration.ofMinutes(119));
		Entry grenobleLater = callback("38", "84", Duration.ofHours(2));

		assertThat(eligible(this.regional, grenoble)).isFalse();
		assertThat(eligible(this.regional, grenobleLater)).isTrue();
		assertThat(eligible(this.national, callback("92", "11", Duration.ofHours(2)))).isTrue();
	}

	@Test
	void widensACallbackToTheCountryAfterTwelveHours() {
		assertThat(eligible(this.national, callback("13", "93", Duration.ofHours(11)))).isFalse();
		assertThat(eligible(this.national, callback("13", "93", Duration.ofHours(12)))).isTrue();
		assertThat(eligible(this.regional, callback("13", "93", Duration.ofDays(3)))).isFalse();
		assertThat(eligible(this.local, callback("56", "53", Duration.ofDays(3)))).as("serves no région").isFalse();
	}

	@Test
	void escalatesLiveCallsWithinMinutes() {
		assertThat(eligible(this.regional, live("38", "84", Duration.ofSeconds(119)))).isFalse();
		assertThat(eligible(this.regional, live("38", "84", Duration.ofMinutes(2)))).isTrue();
		assertThat(eligible(this.national, live("13", "93", Duration.ofMinutes(5)))).isTrue();
	}

	@Test
	void needsTheSkillTheLanguageAndQualification() {
		Entry health = new Entry(1, TicketKind.CALLBACK, "HEALTH", "35", "53", "fr", 0, NOW, Entry.State.WAITING, null,
				null);
		Entry inEnglish = new Entry(1, TicketKind.CALLBACK, "CAF", "35", "53", "en", 0, NOW, Entry.State.WAITING, null,
				null);
		RoutingProfile unqualified = new RoutingProfile(9, "35", "53", Set.of("CAF"), Set.of("fr"), 1, Set.of("35"),
				Set.of(), false, false, true);

		assertThat(eligible(this.local, health)).isFalse();
		assertThat(eligible(this.local, inEnglish)).isFalse();
		assertThat(eligible(unqualified, callback("35", "53", Duration.ZERO))).isFalse();
	}

	@Test
	void givesLiveCallsOnlyToVolunteersItCanRing() {
		RoutingProfile withoutPhone = new RoutingProfile(9, "35", "53", Set.of("CAF"), Set.of("fr"), 1, Set.of("35"),
				Set.of(), false, true, false);
		Entry liveCall = new Entry(1, TicketKind.LIVE_CALL, "CAF", "35", "53", "fr", 0, NOW, Entry.State.WAITING, null,
				null);

		assertThat(eligible(withoutPhone, liveCall)).isFalse();
		assertThat(eligible(withoutPhone, callback("35", "53", Duration.ZERO))).isTrue();
		assertThat(eligible(this.local, liveCall)).isTrue();
	}

	@Test
	void givesPracticeRequestsOnlyToVolunteersPractising() {
		Entry practice = new Entry(1, TicketKind.CALLBACK, "CAF", "35", "53", "fr", 0, NOW, Entry.State.WAITING, null,
				null, true);
		RoutingProfile practising = new RoutingProfile(9, "35", "53", Set.of("CAF"), Set.of("fr"), 1, Set.of("35"),
				Set.of(), false, true, true, true);

		assertThat(eligible(this.local, practice)).as("a volunteer with a real phone").isFalse();
		assertThat(eligible(practising, practice)).isTrue();
		assertThat(eligible(practising, callback("35", "53", Duration.ZERO))).as("and the service's requests too")
			.isTrue();
	}

	private boolean eligible(RoutingProfile volunteer, Entry entry) {
		return this.eligibility.eligible(volunteer, entry, NOW);
	}

	private static RoutingProfile volunteer(String departement, String region, Set<String> departements,
			Set<String> regions, boolean national) {
		return new RoutingProfile(1, departement, region, Set.of("CAF"), Set.of("fr"), 1, departements, regions,
				national, true, true);
	}

	private static Entry callback(String departement, String region, Duration waited) {
		return new Entry(1, TicketKind.CALLBACK, "CAF", departement, region, "fr", 0, NOW.minus(waited),
				Entry.State.WAITING, null, null);
	}

	private static Entry live(String departement, String region, Duration waited) {
		return new Entry(1, TicketKind.LIVE_CALL, "CAF", departement, region, "fr", 0, NOW.minus(waited),
				Entry.State.WAITING, null, null);
	}

}
