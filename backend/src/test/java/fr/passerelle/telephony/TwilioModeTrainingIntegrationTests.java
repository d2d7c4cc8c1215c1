package fr.passerelle.telephony;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import fr.passerelle.IntegrationTest;
import fr.passerelle.TestAccounts;
import fr.passerelle.TestPhones;
import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.Role;
import fr.passerelle.privacy.PhoneNumber;
import fr.passerelle.ticket.TicketQueries;
import fr.passerelle.ticket.TicketStatus;
import fr.passerelle.ticket.TicketView;
import fr.passerelle.ticket.TimelineEntry;
import fr.passerelle.volunteer.Onboarding;
import fr.passerelle.volunteer.Volunteers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static fr.passerelle.telephony.TwilioWebhookClient.pressed;
import static fr.passerelle.telephony.TwilioWebhookClient.twiml;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Training with a Twilio account (issue 15), where there is no simulated training phone:
 * a volunteer in training calls the real hotline from the phone they registered; the
 * hotline recognises it by its keyed hash, says it is a practice call, walks the whole
 * menu and counts it; the practice request reaches no volunteer on duty and leaves the
 * queue when the call ends. Once trained, the same phone calls as anyone.
 */
@IntegrationTest
class TwilioModeTrainingIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	Volunteers volunteers;

	@Autowired
	Onboarding onboarding;

	@Autowired
	TicketQueries tickets;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aTraineesCallFromTheirRegisteredPhoneIsAPracticeCallThatCountsAndReachesNobody() {
		long trainee = TestAccounts.open(this.accounts, Role.VOLUNTEER).id();
		this.volunteers.register(trainee, "35", Set.of("CAF"));
		String phone = realMobile();
		this.volunteers.registerPhone(trainee, phone);
		TwilioWebhookClient twilio = new TwilioWebhookClient(this.port);
		Map<String, String> call = TwilioWebhookClient.call("CA" + UUID.randomUUID().toString().replace("-", ""),
				phone);

		String welcome = twiml(twilio.post("/telephony/voice/incoming", call)).getDocumentElement().getTextContent();
		twilio.post("/telephony/voice/topic?silences=0", pressed(call, "1"));
		twilio.post("/telephony/voice/postcode?topic=CAF&silences=0", pressed(call, "35000"));
		twilio.post("/telephony/voice/confirm?topic=CAF&postcode=35000&silences=0", pressed(call, "1"));
		long ticketId = this.jdbc.sql("SELECT ticket_id FROM telephony_call WHERE call_sid = ?")
			.param(call.get("CallSid"))
			.query(Long.class)
			.single();
		boolean practice = this.jdbc.sql("SELECT practice FROM ticket WHERE id = ?")
			.param(ticketId)
			.query(Boolean.class)
			.single();
		hangUp(twilio, call);

		assertThat(welcome).contains("Ceci est un appel d'entraînement");
		assertThat(practice).as("marked as practice: never offered to volunteers on duty, never counted").isTrue();
		assertThat(this.onboarding.training(trainee).practiceCalls()).isEqualTo(1);
		TicketView after = this.tickets.find(ticketId).orElseThrow();
		assertThat(after.status()).as("nobody answers a real phone's practice: out of the queue")
			.isEqualTo(TicketStatus.CANCELLED);
		assertThat(this.tickets.timeline(ticketId)).extracting(TimelineEntry::detail).contains("PRACTICE_CALL");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM routing_entry WHERE ticket_id = ?")
			.param(ticketId)
			.query(Long.class)
			.single()).isZero();

		hangUp(twilio, call);
		assertThat(this.onboarding.training(trainee).practiceCalls()).as("Twilio's retry counts once").isEqualTo(1);
	}

	@Test
	void onceTrainedOrFromAnotherPhoneTheCallIsAnyonesCall() {
		long volunteer = TestAccounts.open(this.accounts, Role.VOLUNTEER).id();
		this.volunteers.register(volunteer, "35", Set.of("CAF"));
		String phone = realMobile();
		this.volunteers.registerPhone(volunteer, phone);
		this.volunteers.qualify(volunteer);
		TwilioWebhookClient twilio = new TwilioWebhookClient(this.port);

		String trained = twiml(twilio.post("/telephony/voice/incoming",
				TwilioWebhookClient.call("CA" + UUID.randomUUID().toString().replace("-", ""), phone)))
			.getDocumentElement()
			.getTextContent();
		String stranger = twiml(
				twilio.post("/telephony/voice/incoming",
						TwilioWebhookClient.call("CA" + UUID.randomUUID().toString().replace("-", ""),
								PhoneNumber.parse(TestPhones.randomMobile()).e164())))
			.getDocumentElement()
			.getTextContent();

		assertThat(trained).doesNotContain("entraînement");
		assertThat(stranger).doesNotContain("entraînement");
	}

	/** A mobile number that is not a simulated training phone ({@code +3361…}). */
	private static String realMobile() {
		return PhoneNumber.parse(String.format("075%07d", ThreadLocalRandom.current().nextInt(10_000_000))).e164();
	}

	private static void hangUp(TwilioWebhookClient twilio, Map<String, String> call) {
		Map<String, String> ended = new LinkedHashMap<>(call);
		ended.put("CallStatus", "completed");
		ended.put("CallDuration", "40");
		twilio.post("/telephony/voice/status", ended);
	}

}
