package fr.passerelle.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import fr.passerelle.ticket.HelpRequests;
import fr.passerelle.IntegrationTest;
import fr.passerelle.TestAccounts;
import fr.passerelle.TestClock;
import fr.passerelle.TestClockConfiguration;
import fr.passerelle.TestPhones;
import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.Role;
import fr.passerelle.ticket.Outcome;
import fr.passerelle.ticket.TicketManagement;
import fr.passerelle.ticket.TicketQueries;
import fr.passerelle.ticket.TicketSource;
import fr.passerelle.ticket.TicketStatus;
import fr.passerelle.ticket.TicketView;
import fr.passerelle.volunteer.Presence;
import fr.passerelle.volunteer.PresenceState;
import fr.passerelle.volunteer.Volunteers;
import fr.passerelle.volunteer.WrapUps;
import fr.passerelle.volunteer.VolunteerPresence;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After each request leaves a volunteer's hands, a wrap-up time (60 s by default) during
 * which routing offers them nothing. Volunteers here live in the Cantal (15), which no
 * other test uses.
 */
@IntegrationTest
class WrapUpIntegrationTests {

	@Autowired
	HelpRequests requests;

	@Autowired
	Routing routing;

	@Autowired
	TicketManagement tickets;

	@Autowired
	TicketQueries ticketQueries;

	@Autowired
	Volunteers volunteers;

	@Autowired
	WrapUps wrapUps;

	@Autowired
	VolunteerPresence volunteerPresence;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@BeforeEach
	void startWithNothingWaitingInTheCantal() {
		this.clock.set(Instant.parse(TestClockConfiguration.MONDAY_MORNING));
		this.jdbc.sql("DELETE FROM routing_entry WHERE departement_code = '15'").update();
	}

	@Test
	void offersNothingDuringTheWrapUpTimeThenOffersAgain() {
		long volunteer = availableVolunteer();
		TicketView first = callback();
		this.routing.takeNext(volunteer).orElseThrow();
		this.tickets.recordOutcome(first.id(), volunteer, resolved());

		PresenceState presence = this.volunteerPresence.presence(volunteer);
		assertThat(presence.status()).isEqualTo(Presence.AVAILABLE);
		assertThat(presence.wrapUpUntil()).isEqualTo(this.clock.instant().plusSeconds(60));

		TicketView next = callback();
		this.routing.dispatch();
		assertThat(this.ticketQueries.find(next.id()).orElseThrow().status()).isEqualTo(TicketStatus.QUEUED);

		this.clock.advance(Duration.ofSeconds(61));
		this.routing.dispatch();
		TicketView offered = this.ticketQueries.find(next.id()).orElseThrow();
		assertThat(offered.status()).isEqualTo(TicketStatus.OFFERED);
		assertThat(offered.assigneeId()).isEqualTo(volunteer);
	}

	@Test
	void aVolunteerReadyBeforeTheEndOfTheWrapUpTimeGetsOffersAtOnce() {
		long volunteer = availableVolunteer();
		TicketView first = callback();
		this.routing.takeNext(volunteer).orElseThrow();
		this.tickets.recordOutcome(first.id(), volunteer, resolved());
		TicketView next = callback();

		assertThat(this.wrapUps.endWrapUp(volunteer).wrapUpUntil()).isNull();
		// ending it again changes nothing
		assertThat(this.wrapUps.endWrapUp(volunteer).wrapUpUntil()).isNull();
		this.routing.dispatch();

		assertThat(this.ticketQueries.find(next.id()).orElseThrow().assigneeId()).isEqualTo(volunteer);
	}

	@Test
	void declinedOffersAndTakingTheNextOneByHandNeedNoWrapUp() {
		long volunteer = availableVolunteer();
		TicketView declined = callback();
		this.routing.dispatch();
		this.routing.decline(declined.id(), volunteer);
		assertThat(this.volunteerPresence.presence(volunteer).wrapUpUntil()).isNull();

		TicketView first = callback();
		this.routing.takeNext(volunteer).orElseThrow();
		this.tickets.recordOutcome(first.id(), volunteer, resolved());
		TicketView next = callback();
		// wrapping up, a volunteer may still take the next one themselves
		assertThat(this.routing.takeNext(volunteer)).map(TicketView::id).hasValue(next.id());
	}

	private long availableVolunteer() {
		long id = TestAccounts.open(this.accounts, Role.VOLUNTEER).id();
		this.volunteers.register(id, "15", Set.of("CAF"));
		this.volunteers.qualify(id);
		this.volunteerPresence.choosePresence(id, Presence.AVAILABLE);
		return id;
	}

	private TicketView callback() {
		return this.tickets.open(this.requests.callback(TicketSource.WEB_FORM, "CAF", "15000",
				TestPhones.randomMobile(), null, Set.of()));
	}

	private static Outcome resolved() {
		return new Outcome(Outcome.SupportType.ADMINISTRATIVE_PROCEDURE, 20,
				Set.of(Outcome.ProcedureTheme.SOCIAL_HEALTH), Set.of(), Set.of(Outcome.Equipment.PHONE),
				Outcome.Autonomy.AUTONOMOUS, Outcome.Completion.COMPLETED, null);
	}

}
