package fr.passerelle.routing;

import java.sql.Connection;
import java.time.Duration;
import java.util.Set;

import javax.sql.DataSource;

import fr.passerelle.ticket.HelpRequests;
import fr.passerelle.IntegrationTest;
import fr.passerelle.TestAccounts;
import fr.passerelle.TestClock;
import fr.passerelle.TestClockConfiguration;
import fr.passerelle.TestPhones;
import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.Role;
import fr.passerelle.platform.RejectedRequest;
import fr.passerelle.ticket.HelpRequest;
import fr.passerelle.ticket.TicketKind;
import fr.passerelle.ticket.TicketManagement;
import fr.passerelle.ticket.TicketQueries;
import fr.passerelle.ticket.TicketSource;
import fr.passerelle.ticket.TicketStatus;
import fr.passerelle.ticket.TicketView;
import fr.passerelle.volunteer.Presence;
import fr.passerelle.volunteer.Volunteers;
import fr.passerelle.volunteer.VolunteerPresence;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@IntegrationTest
class RoutingIntegrationTests {

	@Autowired
	HelpRequests requests;

	@Autowired
	Routing routing;

	@Autowired
	TicketManagement tickets;

	@Autowired
	TicketQueries ticketQueries;

	@Autowired
	RoutingQueries routingQueries;

	@Autowired
	Volunteers volunteers;

	@Autowired
	VolunteerPresence volunteerPresence;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	TestClock clock;

	@BeforeEach
	void startFromAnEmptyQueueWithNobodyAvailable() {
		this.clock.set(java.time.Instant.parse(TestClockConfiguration.MONDAY_MORNING));
		this.jdbc.sql("DELETE FROM routing_skip").update();
		this.jdbc.sql("DELETE FROM routing_entry").update();
		this.jdbc.sql("UPDATE volunteer_presence SET status = 'OFFLINE'").update();
	}

	@Test
	void givesTheNextVolunteerLiveCallsFirstThenPriorityThenTheLongestWaiting() {
		long volunteer = availableVolunteer("75", Set.of(), true, 5);
		TicketView oldCallback = callback("75001");
		this.clock.advance(Duration.ofMinutes(1));
		TicketView newerCallback = callback("75002");
		this.clock.advance(Duration.ofMinutes(1));
		TicketView liveCall = liveCall("75003");

		assertThat(this.routing.takeNext(volunteer)).map(TicketView::id).hasValue(liveCall.id());
		assertThat(this.routing.takeNext(volunteer)).map(TicketView::id).hasValue(oldCallback.id());
		assertThat(this.routing.takeNext(volunteer)).map(TicketView::id).hasValue(newerCallback.id());
		assertThat(this.routing.takeNext(volunteer)).isEmpty();
		assertThat(this.ticketQueries.find(liveCall.id()).orElseThrow().status()).isEqualTo(TicketStatus.ASSIGNED);
	}

	@Test
	void placesARequestThatJoinsTheQueueBetweenTwoClaimsInItsOrder() {
		long volunteer = availableVolunteer("75", Set.of(), false, 5);
		TicketView first = callback("75001");
		TicketView second = callback("75002");
		assertThat(this.routing.takeNext(volunteer)).map(TicketView::id).hasValue(first.id());

		TicketView liveCall = liveCall("75003");

		assertThat(this.routing.takeNext(volunteer)).map(TicketView::id).hasValue(liveCall.id());
		assertThat(this.routing.takeNext(volunteer)).map(TicketView::id).hasValue(second.id());
	}

	@Test
	void givesAVolunteerTheRequestsAfterTheOneTheyDeclined() {
		long volunteer = availableVolunteer("22", Set.of(), false, 2);
		TicketView declined = liveCall("22000");
		this.clock.advance(Duration.ofMinutes(1));
		TicketView next = liveCall("22100");
		this.routing.dispatch();
		this.routing.decline(declined.id(), volunteer);
		this.routing.decline(next.id(), volunteer);
		TicketView later = callback("22200");

		assertThat(this.routing.takeNext(volunteer)).map(TicketView::id).hasValue(later.id());
		assertThat(this.routing.takeNext(volunteer)).isEmpty();
	}

	@Test
	void keepsARequestForItsDepartementUntilItEscalates() {
		long lyon = availableVolunteer("69", Set.of("84"), false, 1);
		TicketView grenoble = callback("38000");

		assertThat(this.routing.takeNext(lyon)).isEmpty();
		this.clock.advance(Duration.ofHours(2));
		assertThat(this.routing.takeNext(lyon)).map(TicketView::id).hasValue(grenoble.id());
	}

	@Test
	void neverGivesAVolunteerMoreThanTheirCapacity() {
		long volunteer = availableVolunteer("13", Set.of(), false, 1);
		TicketView first = liveCall("13001");
		liveCall("13002");

		assertThat(this.routing.takeNext(volunteer)).map(TicketView::id).hasValue(first.id());
		assertThat(this.volunteerPresence.presence(volunteer).status()).isEqualTo(Presence.BUSY);
		assertThatExceptionOfType(RejectedRequest.class).isThrownBy(() -> this.routing.takeNext(volunteer))
			.satisfies((ex) -> assertThat(ex.messageCode()).isEqualTo("routing.at-capacity"));

		this.tickets.cancel(first.id(), volunteer, "duplicate");
		assertThat(this.volunteerPresence.presence(volunteer).status()).isEqualTo(Presence.AVAILABLE);
		assertThat(this.routing.takeNext(volunteer)).isPresent();
	}

	@Test
	void followsAChangeOfTerritoryAtOnce() {
		long volunteer = availableVolunteer("33", Set.of(), false, 2);
		TicketView bordeaux = liveCall("33000");
		assertThat(this.routing.takeNext(volunteer)).map(TicketView::id).hasValue(bordeaux.id());
		TicketView biarritz = liveCall("64200");
		assertThat(this.routing.takeNext(volunteer)).isEmpty();

		this.volunteers.configureRouting(volunteer, Set.of("fr"), 2, Set.of("33", "64"), Set.of(), false);

		assertThat(this.routing.takeNext(volunteer)).map(TicketView::id).hasValue(biarritz.id());
	}

	@Test
	void refusesAVolunteerOnABreak() {
		long volunteer = availableVolunteer("13", Set.of(), false, 1);
		this.volunteerPresence.choosePresence(volunteer, Presence.PAUSED);
		liveCall("13001");

		assertThatExceptionOfType(RejectedRequest.class).isThrownBy(() -> this.routing.takeNext(volunteer))
			.satisfies((ex) -> assertThat(ex.messageCode()).isEqualTo("routing.not-available"));
	}

	@Test
	void offersToTheLongestIdleEligibleVolunteer() {
		long first = availableVolunteer("35", Set.of(), false, 1);
		this.clock.advance(Duration.ofMinutes(5));
		long second = availableVolunteer("35", Set.of(), false, 1);
		TicketView ticket = liveCall("35000");

		assertThat(this.routing.dispatch()).isEqualTo(1);

		TicketView offered = this.ticketQueries.find(ticket.id()).orElseThrow();
		assertThat(offered.status()).isEqualTo(TicketStatus.OFFERED);
		assertThat(offered.assigneeId()).isEqualTo(first);
		assertThat(this.routing.accept(ticket.id(), first).status()).isEqualTo(TicketStatus.ASSIGNED);
		assertThat(this.routing.accept(ticket.id(), first).status()).as("accepting twice")
			.isEqualTo(TicketStatus.ASSIGNED);
		assertThatExceptionOfType(RejectedRequest.class).isThrownBy(() -> this.routing.accept(ticket.id(), second))
			.satisfies((ex) -> assertThat(ex.messageCode()).isEqualTo("routing.offer.gone"));
	}

	@Test
	void offersADeclinedRequestToSomeoneElseNeverAgainToTheSameVolunteer() {
		long first = availableVolunteer("35", Set.of(), false, 1);
		this.clock.advance(Duration.ofMinutes(1));
		long second = availableVolunteer("35", Set.of(), false, 1);
		TicketView ticket = liveCall("35000");
		this.routing.dispatch();

		this.routing.decline(ticket.id(), first);
		this.routing.decline(ticket.id(), first);
		assertThat(this.ticketQueries.find(ticket.id()).orElseThrow().status()).isEqualTo(TicketStatus.QUEUED);
		this.routing.dispatch();

		assertThat(this.ticketQueries.find(ticket.id()).orElseThrow().assigneeId()).isEqualTo(second);
		this.routing.decline(ticket.id(), second);
		assertThat(this.routing.dispatch()).as("nobody left who has not declined").isZero();
		assertThat(this.routing.takeNext(first)).isEmpty();
	}

	@Test
	void takesBackTheOffersOfAVolunteerWhoGoesOfflineOrOnABreakWhoeverChoseIt() {
		long leaving = availableVolunteer("22", Set.of(), false, 1);
		TicketView ticket = liveCall("22000");
		this.routing.dispatch();
		assertThat(this.ticketQueries.find(ticket.id()).orElseThrow().assigneeId()).isEqualTo(leaving);

		// the console's Hors ligne button, not its closing
		this.volunteerPresence.choosePresence(leaving, Presence.OFFLINE);

		TicketView back = this.ticketQueries.find(ticket.id()).orElseThrow();
		assertThat(back.status()).isEqualTo(TicketStatus.QUEUED);
		assertThat(back.assigneeId()).isNull();
		assertThat(this.ticketQueries.timeline(ticket.id())).extracting("type").contains("VOLUNTEER_AWAY");
		assertThat(this.routingQueries.offersTo(leaving)).isEmpty();

		long pausing = availableVolunteer("22", Set.of(), false, 1);
		this.routing.dispatch();
		assertThat(this.ticketQueries.find(ticket.id()).orElseThrow().assigneeId()).isEqualTo(pausing);
		this.volunteerPresence.choosePresence(pausing, Presence.PAUSED);
		assertThat(this.ticketQueries.find(ticket.id()).orElseThrow().status()).isEqualTo(TicketStatus.QUEUED);
	}

	@Test
	void putsAnOfferNobodyAnsweredBackInTheQueueAfterItsTimeout() {
		long vanished = availableVolunteer("29", Set.of(), false, 1);
		TicketView ticket = liveCall("29200");
		this.routing.dispatch();
		assertThat(this.ticketQueries.find(ticket.id()).orElseThrow().status()).isEqualTo(TicketStatus.OFFERED);

		this.clock.advance(Duration.ofSeconds(29));
		assertThat(this.routing.sweepExpiredOffers()).isZero();
		this.clock.advance(Duration.ofSeconds(2));
		assertThat(this.routing.sweepExpiredOffers()).isEqualTo(1);

		TicketView back = this.ticketQueries.find(ticket.id()).orElseThrow();
		assertThat(back.status()).isEqualTo(TicketStatus.QUEUED);
		assertThat(back.waitingSince()).isEqualTo(ticket.waitingSince());
		assertThat(this.ticketQueries.timeline(ticket.id())).extracting("type").contains("OFFER_EXPIRED");
		assertThat(this.volunteerPresence.presence(vanished).status()).isEqualTo(Presence.AVAILABLE);
		long colleague = availableVolunteer("29", Set.of(), false, 1);
		assertThat(this.routing.takeNext(colleague)).map(TicketView::id).hasValue(ticket.id());
	}

	@Test
	void losesNoRequestWhenAClaimerDiesInTheMiddleOfItsTransaction() throws Exception {
		long volunteer = availableVolunteer("56", Set.of(), false, 1);
		TicketView ticket = liveCall("56000");
		Connection dying = java.sql.DriverManager
			.getConnection(this.dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class).getJdbcUrl(), "root", "");
		dying.setAutoCommit(false);
		dying.createStatement()
			.executeQuery("SELECT * FROM routing_entry WHERE ticket_id = " + ticket.id() + " FOR UPDATE");

		assertThat(this.routing.takeNext(volunteer)).as("skips the row another claimer holds").isEmpty();
		dying.abort(Runnable::run);

		assertThat(this.routing.takeNext(volunteer)).map(TicketView::id).hasValue(ticket.id());
	}

	@Test
	void forgetsARequestThatLeavesTheQueueAndFreesItsVolunteer() {
		long volunteer = availableVolunteer("67", Set.of(), false, 1);
		TicketView ticket = liveCall("67000");
		this.routing.takeNext(volunteer);

		this.tickets.callbackFailed(ticket.id(), volunteer, "NO_ANSWER", 1);

		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM routing_entry WHERE ticket_id = ?")
			.param(ticket.id())
			.query(Long.class)
			.single()).isZero();
		assertThat(this.volunteerPresence.presence(volunteer).status()).isEqualTo(Presence.AVAILABLE);
	}

	@Test
	void letsAVolunteerHandARequestBackToTheQueue() {
		long volunteer = availableVolunteer("44", Set.of(), false, 1);
		long colleague = availableVolunteer("44", Set.of(), false, 1);
		TicketView ticket = liveCall("44000");
		this.routing.takeNext(volunteer);

		TicketView released = this.routing.release(ticket.id(), volunteer);

		assertThat(released.status()).isEqualTo(TicketStatus.QUEUED);
		assertThat(this.routing.takeNext(colleague)).map(TicketView::id).hasValue(ticket.id());
		assertThatExceptionOfType(RejectedRequest.class).isThrownBy(() -> this.routing.release(ticket.id(), volunteer))
			.satisfies((ex) -> assertThat(ex.messageCode()).isEqualTo("ticket.not-found"));
	}

	@Test
	void keepsPracticeRequestsForVolunteersPractisingOnTheirTrainingPhone() {
		long withRealPhone = availableVolunteer("43", Set.of(), false, 1);
		this.volunteers.registerPhone(withRealPhone, String.format("075%07d", System.nanoTime() % 10_000_000));
		long practising = availableVolunteer("43", Set.of(), false, 1);
		this.volunteers.registerPhone(practising, String.format("+3361%07d", practising % 10_000_000));
		TicketView practice = this.tickets
			.open(this.requests.callback(TicketSource.PHONE, "CAF", "43000", TestPhones.randomMobile(), null, Set.of())
				.asPractice());

		assertThat(this.routing.takeNext(withRealPhone)).as("never offered to a volunteer who is not practising")
			.isEmpty();
		assertThat(this.routing.takeNext(practising)).map(TicketView::id).hasValue(practice.id());
	}

	private long availableVolunteer(String departement, Set<String> regions, boolean national, int capacity) {
		long id = TestAccounts.open(this.accounts, Role.VOLUNTEER).id();
		this.volunteers.register(id, departement, Set.of("CAF", "HEALTH"));
		this.volunteers.configureRouting(id, Set.of("fr"), capacity, Set.of(departement), regions, national);
		this.volunteers.qualify(id);
		// live calls go to volunteers the platform can ring
		this.volunteers.registerPhone(id, TestPhones.randomMobile());
		this.volunteerPresence.choosePresence(id, Presence.AVAILABLE);
		return id;
	}

	private TicketView callback(String postcode) {
		return this.tickets.open(this.requests.callback(TicketSource.WEB_FORM, "CAF", postcode,
				TestPhones.randomMobile(), null, Set.of()));
	}

	private TicketView liveCall(String postcode) {
		return this.tickets.open(new HelpRequest(TicketSource.PHONE, TicketKind.LIVE_CALL, this.requests.topic("CAF"),
				this.requests.area(postcode), this.requests.phone(TestPhones.randomMobile()), null, Set.of(), null));
	}

}
