package fr.passerelle.routing;

import java.time.Instant;
import java.util.Set;

import fr.passerelle.ticket.HelpRequests;
import fr.passerelle.IntegrationTest;
import fr.passerelle.StaffClient;
import fr.passerelle.TestAccounts;
import fr.passerelle.TestClock;
import fr.passerelle.TestClockConfiguration;
import fr.passerelle.TestPhones;
import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.NewAccount;
import fr.passerelle.account.Role;
import fr.passerelle.account.StaffAccount;
import fr.passerelle.platform.RejectedRequest;
import fr.passerelle.ticket.HelpRequest;
import fr.passerelle.ticket.Note;
import fr.passerelle.ticket.Outcome;
import fr.passerelle.ticket.TicketKind;
import fr.passerelle.ticket.TicketManagement;
import fr.passerelle.ticket.TicketQueries;
import fr.passerelle.ticket.TicketSource;
import fr.passerelle.ticket.TicketStatus;
import fr.passerelle.ticket.TicketView;
import fr.passerelle.ticket.TimelineEntry;
import fr.passerelle.volunteer.Presence;
import fr.passerelle.volunteer.Volunteers;
import fr.passerelle.volunteer.VolunteerPresence;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Handing a request over to a named colleague or a coordinator. Requests and volunteers
 * here are in the Lot (46, région 76), which no other test uses.
 */
@IntegrationTest
class HandoverIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	HelpRequests requests;

	@Autowired
	Handovers handovers;

	@Autowired
	Routing routing;

	@Autowired
	RoutingStore store;

	@Autowired
	TicketManagement tickets;

	@Autowired
	TicketQueries ticketQueries;

	@Autowired
	Volunteers volunteers;

	@Autowired
	VolunteerPresence volunteerPresence;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@BeforeEach
	void startWithNothingWaitingAndNobodyOnlineInTheLot() {
		this.clock.set(Instant.parse(TestClockConfiguration.MONDAY_MORNING));
		this.jdbc.sql("DELETE FROM routing_entry WHERE departement_code = '46'").update();
		// the volunteers of earlier tests are not proposed any more
		this.jdbc
			.sql("UPDATE volunteer_presence SET status = 'OFFLINE' "
					+ "WHERE account_id IN (SELECT account_id FROM volunteer WHERE departement_code = '46')")
			.update();
	}

	@Test
	void aColleagueReceivesTheRequestWithTheNoteAndTheGiverIsFreeOfIt() {
		StaffAccount giver = volunteer("CAF", Presence.AVAILABLE);
		StaffAccount colleague = volunteer("CAF", Presence.PAUSED);
		TicketView ticket = callbackHeldBy(giver);

		TicketView handed = this.handovers.handOver(ticket.id(), giver, colleague.id(), "Parle arabe, rappeler demain");

		assertThat(handed.status()).isEqualTo(TicketStatus.ASSIGNED);
		assertThat(handed.assigneeId()).isEqualTo(colleague.id());
		assertThat(this.ticketQueries.notes(ticket.id())).extracting(Note::body)
			.containsExactly("Parle arabe, rappeler demain");
		assertThat(this.ticketQueries.timeline(ticket.id())).extracting(TimelineEntry::type)
			.contains("HANDED_TO_COLLEAGUE");
		assertThat(this.store.load(giver.id())).isZero();
		assertThat(this.store.load(colleague.id())).isEqualTo(1);
		assertThat(this.ticketQueries.heldBy(colleague.id())).extracting(TicketView::id).containsExactly(ticket.id());
		assertThat(this.ticketQueries.heldBy(giver.id())).isEmpty();

		// a retry changes nothing
		this.handovers.handOver(ticket.id(), giver, colleague.id(), "Parle arabe, rappeler demain");
		assertThat(this.ticketQueries.notes(ticket.id())).hasSize(1);
		assertThat(this.ticketQueries.timeline(ticket.id())).filteredOn((e) -> e.type().equals("HANDED_TO_COLLEAGUE"))
			.hasSize(1);

		// given back to the queue, it is not offered to the one who handed it over
		this.routing.release(ticket.id(), colleague.id());
		assertThat(this.store.skipped(ticket.id())).contains(giver.id(), colleague.id());
	}

	@Test
	void aColleagueAtCapacityBecomesBusyWithTheRequestHandedOver() {
		StaffAccount giver = volunteer("CAF", Presence.AVAILABLE);
		StaffAccount colleague = volunteer("CAF", Presence.AVAILABLE);
		TicketView ticket = callbackHeldBy(giver);

		this.handovers.handOver(ticket.id(), giver, colleague.id(), "Dossier APL, voir notes");

		assertThat(this.volunteerPresence.presence(colleague.id()).status()).isEqualTo(Presence.BUSY);
		TicketView another = callbackHeldBy(giver);
		assertThatThrownBy(() -> this.handovers.handOver(another.id(), giver, colleague.id(), "Encore une"))
			.isInstanceOfSatisfying(RejectedRequest.class,
					(e) -> assertThat(e.messageCode()).isEqualTo("ticket.handover.at-capacity"));
		assertThat(this.ticketQueries.find(another.id()).orElseThrow().assigneeId()).isEqualTo(giver.id());
	}

	@Test
	void refusesRecipientsWhoCannotTakeTheRequestAndChangesNothing() {
		StaffAccount giver = volunteer("CAF", Presence.AVAILABLE);
		TicketView ticket = callbackHeldBy(giver);
		StaffAccount offline = volunteer("CAF", Presence.OFFLINE);
		StaffAccount otherTheme = volunteer("TAXES", Presence.AVAILABLE);
		StaffAccount elsewhere = coordinator("84");
		StaffAccount stranger = volunteer("CAF", Presence.AVAILABLE);

		assertRefused(() -> this.handovers.handOver(ticket.id(), giver, offline.id(), "x"), "ticket.handover.offline");
		assertRefused(() -> this.handovers.handOver(ticket.id(), giver, otherTheme.id(), "x"),
				"ticket.handover.not-qualified");
		assertRefused(() -> this.handovers.handOver(ticket.id(), giver, elsewhere.id(), "x"),
				"ticket.handover.outside-region");
		assertRefused(() -> this.handovers.handOver(ticket.id(), giver, giver.id(), "x"), "ticket.handover.self");
		assertRefused(() -> this.handovers.handOver(ticket.id(), giver, Long.MAX_VALUE, "x"),
				"ticket.handover.recipient-unknown");
		assertRefused(() -> this.handovers.handOver(ticket.id(), stranger, giver.id(), "x"), "ticket.not-found");
		// a stranger learns neither the request's région nor its topic from the checks on
		// the recipient, nor that it exists
		assertRefused(() -> this.handovers.handOver(ticket.id(), stranger, elsewhere.id(), "x"), "ticket.not-found");
		assertRefused(() -> this.handovers.handOver(ticket.id(), stranger, otherTheme.id(), "x"), "ticket.not-found");
		assertRefused(() -> this.handovers.handOver(ticket.id(), stranger, stranger.id(), "x"), "ticket.not-found");

		TicketView unchanged = this.ticketQueries.find(ticket.id()).orElseThrow();
		assertThat(unchanged.assigneeId()).isEqualTo(giver.id());
		assertThat(this.ticketQueries.notes(ticket.id())).isEmpty();
		assertThat(this.store.load(giver.id())).isEqualTo(1);
	}

	@Test
	void proposesColleaguesWhoCanTakeItNearestFirstAndTheCoordinatorsWhoCoverIt() {
		StaffAccount giver = volunteer("CAF", Presence.AVAILABLE);
		StaffAccount near = volunteer("CAF", Presence.PAUSED);
		StaffAccount offline = volunteer("CAF", Presence.OFFLINE);
		StaffAccount otherTheme = volunteer("TAXES", Presence.AVAILABLE);
		StaffAccount regional = coordinator("76");
		StaffAccount elsewhere = coordinator("84");
		TicketView ticket = callbackHeldBy(giver);

		Handovers.Candidates candidates = this.handovers.candidates(ticket.id(), giver);

		assertThat(candidates.colleagues()).extracting(Handovers.Candidate::id)
			.contains(near.id())
			.doesNotContain(giver.id(), offline.id(), otherTheme.id());
		assertThat(candidates.colleagues().get(0).nearness()).isZero();
		assertThat(candidates.coordinators()).extracting(Handovers.Candidate::id)
			.contains(regional.id())
			.doesNotContain(elsewhere.id());
		assertRefused(() -> this.handovers.candidates(ticket.id(), near), "ticket.not-found");
	}

	@Test
	void aCoordinatorHoldsWhatWasHandedOverAndGivesItToAVolunteerOrBackToTheQueue() {
		StaffAccount giver = volunteer("CAF", Presence.AVAILABLE);
		StaffAccount coordinator = coordinator("76");
		StaffAccount colleague = volunteer("CAF", Presence.AVAILABLE);
		TicketView first = callbackHeldBy(giver);
		TicketView second = callbackHeldBy(giver);

		this.handovers.handOver(first.id(), giver, coordinator.id(), "Personne en détresse, à rappeler");
		this.handovers.handOver(second.id(), giver, coordinator.id(), "Réclamation");
		assertThat(this.ticketQueries.heldBy(coordinator.id())).extracting(TicketView::id)
			.containsExactly(first.id(), second.id());
		assertThat(this.ticketQueries.timeline(first.id())).extracting(TimelineEntry::type)
			.contains("HANDED_TO_COORDINATOR");

		this.handovers.handOver(first.id(), coordinator, colleague.id(), "Rappeler avec douceur");
		assertThat(this.ticketQueries.find(first.id()).orElseThrow().assigneeId()).isEqualTo(colleague.id());
		assertThat(this.store.load(colleague.id())).isEqualTo(1);

		TicketView released = this.routing.release(second.id(), coordinator.id());
		assertThat(released.status()).isEqualTo(TicketStatus.QUEUED);
		assertThat(this.store.skipped(second.id())).contains(giver.id());
	}

	@Test
	void aCoordinatorClosesWhatWasHandedOver() {
		StaffAccount giver = volunteer("CAF", Presence.AVAILABLE);
		StaffAccount coordinator = coordinator(null);
		TicketView ticket = callbackHeldBy(giver);
		this.handovers.handOver(ticket.id(), giver, coordinator.id(), "Cas particulier");

		TicketView closed = this.tickets.recordOutcome(ticket.id(), coordinator.id(), resolved());

		assertThat(closed.status()).isEqualTo(TicketStatus.RESOLVED);
		assertThat(this.ticketQueries.heldBy(coordinator.id())).isEmpty();
	}

	@Test
	void aLiveCallIsHandedOverOnceTheLineIsHungUpAndBecomesACallback() {
		StaffAccount giver = volunteer("CAF", Presence.AVAILABLE);
		StaffAccount colleague = volunteer("CAF", Presence.AVAILABLE);
		TicketView call = this.tickets
			.open(new HelpRequest(TicketSource.PHONE, TicketKind.LIVE_CALL, this.requests.topic("CAF"),
					this.requests.area("46000"), this.requests.phone(TestPhones.randomMobile()), null, Set.of(), null));
		this.routing.takeNext(giver.id()).orElseThrow();

		assertRefused(() -> this.handovers.handOver(call.id(), giver, colleague.id(), "x"),
				"ticket.handover.caller-waiting");
		this.tickets.startCall(call.id(), giver.id());
		assertRefused(() -> this.handovers.handOver(call.id(), giver, colleague.id(), "x"), "ticket.handover.in-call");
		this.tickets.endCall(call.id(), giver.id());

		TicketView handed = this.handovers.handOver(call.id(), giver, colleague.id(), "À rappeler, coupure");
		assertThat(handed.kind()).isEqualTo(TicketKind.CALLBACK);
		assertThat(handed.assigneeId()).isEqualTo(colleague.id());
	}

	@Test
	void overHttpTheConsoleOfACoordinatorShowsWhatWasHandedOverAndBadInputIsRefused() {
		StaffAccount giver = volunteer("CAF", Presence.AVAILABLE);
		StaffAccount coordinator = coordinator("76");
		TicketView ticket = callbackHeldBy(giver);
		StaffClient volunteer = signIn(giver);

		var blank = volunteer.postJson("/api/tickets/" + ticket.id() + "/handover",
				"{\"recipientId\":%d,\"note\":\"  \"}".formatted(coordinator.id()));
		assertThat(blank.statusCode()).isEqualTo(400);
		var list = volunteer.get("/api/tickets/" + ticket.id() + "/handover");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("\"id\":" + coordinator.id());

		var handed = volunteer.postJson("/api/tickets/" + ticket.id() + "/handover",
				"{\"recipientId\":%d,\"note\":\"Situation délicate\"}".formatted(coordinator.id()));
		assertThat(handed.statusCode()).isEqualTo(200);
		var again = volunteer.postJson("/api/tickets/" + ticket.id() + "/handover",
				"{\"recipientId\":%d,\"note\":\"Situation délicate\"}".formatted(coordinator.id()));
		assertThat(again.statusCode()).isEqualTo(200);

		var console = signIn(coordinator).get("/api/console");
		assertThat(console.statusCode()).isEqualTo(200);
		assertThat(console.body()).contains("\"reference\":\"" + ticket.reference() + "\"");

		var notYours = volunteer.get("/api/tickets/" + ticket.id() + "/handover");
		assertThat(notYours.statusCode()).isEqualTo(404);
		assertThat(notYours.body()).contains("n'est pas entre vos mains");
	}

	private StaffAccount volunteer(String topic, Presence presence) {
		StaffAccount account = TestAccounts.open(this.accounts, Role.VOLUNTEER);
		this.volunteers.register(account.id(), "46", Set.of(topic));
		this.volunteers.qualify(account.id());
		this.volunteers.configureRouting(account.id(), Set.of("fr"), 1, Set.of("46"), Set.of(), false);
		this.volunteerPresence.choosePresence(account.id(), presence);
		return account;
	}

	private StaffAccount coordinator(String region) {
		NewAccount account = NewAccount.of(TestAccounts.uniqueEmail(Role.COORDINATOR), "Coordination 46",
				Role.COORDINATOR, TestAccounts.PASSWORD);
		return TestAccounts.open(this.accounts, (region != null) ? account.inRegion(region) : account);
	}

	/**
	 * A callback in the Lot, taken by the volunteer (whose capacity is raised to hold
	 * it).
	 */
	private TicketView callbackHeldBy(StaffAccount volunteer) {
		this.volunteers.configureRouting(volunteer.id(), Set.of("fr"), 5, Set.of("46"), Set.of(), false);
		this.volunteerPresence.choosePresence(volunteer.id(), Presence.AVAILABLE);
		TicketView ticket = this.tickets.open(this.requests.callback(TicketSource.WEB_FORM, "CAF", "46000",
				TestPhones.randomMobile(), null, Set.of()));
		TicketView taken = this.routing.takeNext(volunteer.id()).orElseThrow();
		assertThat(taken.id()).isEqualTo(ticket.id());
		return taken;
	}

	private StaffClient signIn(StaffAccount account) {
		StaffClient client = new StaffClient(this.port);
		client.login(account.email(), TestAccounts.PASSWORD);
		return client;
	}

	private static void assertRefused(Runnable action, String messageKey) {
		assertThatThrownBy(action::run).isInstanceOfSatisfying(RejectedRequest.class,
				(e) -> assertThat(e.messageCode()).isEqualTo(messageKey));
	}

	private static Outcome resolved() {
		return new Outcome(Outcome.SupportType.ADMINISTRATIVE_PROCEDURE, 20,
				Set.of(Outcome.ProcedureTheme.SOCIAL_HEALTH), Set.of(), Set.of(Outcome.Equipment.PHONE),
				Outcome.Autonomy.AUTONOMOUS, Outcome.Completion.COMPLETED, null);
	}

}
