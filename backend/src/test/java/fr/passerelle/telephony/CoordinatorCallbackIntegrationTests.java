package fr.passerelle.telephony;

import fr.passerelle.ticket.HelpRequests;
import fr.passerelle.telephony.simulator.SimulatedCall;
import fr.passerelle.telephony.simulator.SimulatedCalls;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import fr.passerelle.IntegrationTest;
import fr.passerelle.StaffClient;
import fr.passerelle.TestAccounts;
import fr.passerelle.TestPhones;
import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.NewAccount;
import fr.passerelle.account.Role;
import fr.passerelle.account.StaffAccount;
import fr.passerelle.privacy.PhoneNumber;
import fr.passerelle.ticket.TicketManagement;
import fr.passerelle.ticket.TicketQueries;
import fr.passerelle.ticket.TicketSource;
import fr.passerelle.ticket.TicketStatus;
import fr.passerelle.ticket.TicketView;
import fr.passerelle.ticket.TimelineEntry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static fr.passerelle.telephony.CallbackCallIntegrationTests.awaitState;
import static fr.passerelle.telephony.CallbackCallIntegrationTests.heard;
import static fr.passerelle.telephony.CallbackCallIntegrationTests.keys;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coordinators call back too (issue 15): a coordinator with a registered phone takes a
 * waiting callback from the worklist and calls the citizen exactly as a volunteer does:
 * their phone rings from the hotline, then the citizen's, who sees only the hotline.
 */
@IntegrationTest
class CoordinatorCallbackIntegrationTests {

	private static final String HOTLINE = "+33199001234";

	@LocalServerPort
	int port;

	@Autowired
	HelpRequests requests;

	@Autowired
	AccountManagement accounts;

	@Autowired
	TicketManagement tickets;

	@Autowired
	TicketQueries ticketQueries;

	@Autowired
	SimulatedCalls simulatedCalls;

	@Test
	void aCoordinatorTakesAWaitingCallbackAndCallsTheCitizenFromTheirOwnPhone() {
		StaffAccount account = TestAccounts.open(this.accounts,
				NewAccount
					.of(TestAccounts.uniqueEmail(Role.COORDINATOR), "Coordination Grand Est", Role.COORDINATOR,
							TestAccounts.PASSWORD)
					.inRegion("44"));
		StaffClient coordinator = new StaffClient(this.port);
		coordinator.login(account.email(), TestAccounts.PASSWORD);
		String citizenPhone = PhoneNumber.parse(TestPhones.randomMobile()).e164();
		TicketView ticket = this.tickets
			.open(this.requests.callback(TicketSource.WEB_FORM, "CAF", "55000", citizenPhone, null, Set.of()));
		assertThat(coordinator
			.postJson("/api/tickets/" + ticket.id() + "/assign", "{\"volunteerId\":" + account.id() + "}")
			.statusCode()).as("taken from the worklist").isEqualTo(200);

		HttpResponse<String> noPhone = coordinator.postJson("/api/tickets/" + ticket.id() + "/call", "{}");
		assertThat(noPhone.statusCode()).isEqualTo(409);
		assertThat((String) JsonPath.read(noPhone.body(), "$.code")).isEqualTo("telephony.callback.no-volunteer-phone");

		String ownPhone = JsonPath.read(coordinator.get("/api/simulator/phone").body(), "$.number");
		HttpResponse<String> registered = coordinator.putJson("/api/staff/me/call-phone",
				"{\"phone\":\"" + ownPhone + "\"}");
		assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(coordinator.get("/api/staff/me/call-phone").body(), "$.maskedPhone"))
			.contains("••");
		assertThat(JsonPath.<List<Integer>>read(coordinator.get("/api/console").body(), "$.held[*].id"))
			.as("in their console")
			.contains((int) ticket.id());

		HttpResponse<String> placed = coordinator.postJson("/api/tickets/" + ticket.id() + "/call", "{}");
		assertThat(placed.statusCode()).as(placed.body()).isEqualTo(200);
		awaitState(coordinator, "RINGING");
		assertThat((String) JsonPath.read(coordinator.get("/api/simulator/phone").body(), "$.call.otherNumber"))
			.as("the coordinator sees the hotline")
			.isEqualTo(HOTLINE);
		HttpResponse<String> briefing = coordinator.postJson("/api/simulator/phone/call/answer", "{}");
		assertThat(String.join(" ", heard(briefing))).contains("Rappel de la demande", "tapez 1");
		assertThat(String.join(" ", heard(keys(coordinator, "1")))).contains("Nous appelons la personne");
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> this.simulatedCalls.current(citizenPhone) != null
					&& this.simulatedCalls.current(citizenPhone).state() == SimulatedCall.State.RINGING);

		assertThat(this.ticketQueries.find(ticket.id()).orElseThrow().status()).isIn(TicketStatus.ASSIGNED,
				TicketStatus.IN_CALL);
		assertThat(this.ticketQueries.timeline(ticket.id())).extracting(TimelineEntry::type)
			.contains("TAKEN_BY_COORDINATOR");
	}

	@Test
	void aVolunteerRegistersTheirPhoneOnTheirProfileNotHere() {
		StaffClient volunteer = TestAccounts.signedIn(this.accounts, Role.VOLUNTEER, this.port);
		assertThat(volunteer.putJson("/api/staff/me/call-phone", "{\"phone\":\"06 12 34 56 78\"}").statusCode())
			.isEqualTo(403);
		StaffClient coordinator = TestAccounts.signedIn(this.accounts, Role.COORDINATOR, this.port);
		HttpResponse<String> malformed = coordinator.putJson("/api/staff/me/call-phone", "{\"phone\":\"12\"}");
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(malformed.body(), "$.fields[0].field")).isEqualTo("phone");
	}

}
