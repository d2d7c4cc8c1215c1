package fr.passerelle.telephony.texts;

import fr.passerelle.telephony.TwilioWebhookClient;
import fr.passerelle.ticket.HelpRequests;
import fr.passerelle.telephony.simulator.TwilioSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.passerelle.IntegrationTest;
import fr.passerelle.TestClock;
import fr.passerelle.TestPhones;
import fr.passerelle.privacy.PhoneNumber;
import fr.passerelle.ticket.CallbackRequested;
import fr.passerelle.ticket.TicketManagement;
import fr.passerelle.ticket.TicketSource;
import fr.passerelle.ticket.TicketUnreachable;
import fr.passerelle.ticket.TicketView;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.AopTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Texts to citizens, through Twilio's SDK and the simulator's API over HTTP, landing in
 * the simulated phone's inbox.
 */
@IntegrationTest
class TextsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	HelpRequests requests;

	@Autowired
	TicketManagement tickets;

	@Autowired
	TwilioSimulator simulator;

	@Autowired
	CitizenTexts citizenTexts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Test
	void confirmsACallbackRequestedOnThePhoneByText() {
		String caller = "+33" + TestPhones.randomMobile().substring(1);
		Map<String, String> call = TwilioWebhookClient.call("CA" + System.nanoTime(), caller);

		new TwilioWebhookClient(this.port).post("/telephony/voice/confirm?topic=CAF&postcode=35000&silences=0",
				TwilioWebhookClient.pressed(call, "1"));

		TwilioSimulator.Text text = awaitText(caller);
		String reference = this.jdbc
			.sql("SELECT t.reference FROM ticket t JOIN telephony_call c ON c.ticket_id = t.id WHERE c.call_sid = ?")
			.param(call.get("CallSid"))
			.query(String.class)
			.single();
		assertThat(text.from()).isEqualTo("+33199001234");
		assertThat(text.body()).isEqualTo("Passerelle : votre demande " + reference
				+ " est enregistrée. Un bénévole vous rappellera dès que possible, depuis le 01 99 00 12 34. "
				+ "En attendant : https://passerelle.example/tutoriels#theme-CAF. "
				+ "Nous ne vous demanderons jamais de mot de passe.");
		assertThat(this.jdbc.sql("SELECT status FROM sms_message WHERE dedup_key = ?")
			.param("CALLBACK_CONFIRMATION:" + ticketOf(reference))
			.query(String.class)
			.single()).isEqualTo("SENT");
	}

	@Test
	void tellsACitizenWhoAskedOnTheWebWhenTheCallWillCome() {
		this.clock.set(java.time.Instant.parse("2027-03-06T10:00:00Z"));
		String mobile = TestPhones.randomMobile();

		TicketView ticket = this.tickets
			.open(this.requests.callback(TicketSource.WEB_FORM, "TAXES", "97400", mobile, null, Set.of()));

		assertThat(awaitText(PhoneNumber.parse(mobile).e164()).body()).as("in Réunion time")
			.contains(ticket.reference().value(), "à partir de lundi 8 mars à 12 heures");
	}

	@Test
	void pointsToTheOfficialSiteOfAThemeWithoutTutorials() {
		List<String> retirement = this.jdbc
			.sql("SELECT slug FROM tutorial WHERE status = 'PUBLISHED' AND topic_code = 'RETIREMENT'")
			.query(String.class)
			.list();
		assertThat(retirement).isNotEmpty();
		this.jdbc.sql("UPDATE tutorial SET status = 'DRAFT' WHERE slug IN (:slugs)")
			.param("slugs", retirement)
			.update();
		try {
			String mobile = TestPhones.randomMobile();
			this.tickets
				.open(this.requests.callback(TicketSource.WEB_FORM, "RETIREMENT", "59000", mobile, null, Set.of()));

			assertThat(awaitText(PhoneNumber.parse(mobile).e164()).body())
				.contains("En attendant : https://www.info-retraite.fr.");
		}
		finally {
			this.jdbc.sql("UPDATE tutorial SET status = 'PUBLISHED' WHERE slug IN (:slugs)")
				.param("slugs", retirement)
				.update();
		}
	}

	@Test
	void neverSendsTheSameTextTwiceWhenItsEventIsHandledAgain() {
		String mobile = TestPhones.randomMobile();
		TicketView ticket = this.tickets
			.open(this.requests.callback(TicketSource.WEB_FORM, "CAF", "35000", mobile, null, Set.of()));
		String number = PhoneNumber.parse(mobile).e164();
		awaitText(number);

		handlerOfEvents()
			.on(new CallbackRequested(ticket.id(), ticket.reference(), ticket.topicCode(), ticket.source()));

		assertThat(this.simulator.inbox(number)).hasSize(1);
	}

	@Test
	void tellsACitizenWeCouldNotReachThemAfterTheLastAttempt() {
		String mobile = TestPhones.randomMobile();
		TicketView ticket = this.tickets
			.open(this.requests.callback(TicketSource.WEB_FORM, "CAF", "35000", mobile, null, Set.of()));
		String number = PhoneNumber.parse(mobile).e164();
		awaitText(number);

		handlerOfEvents().on(new TicketUnreachable(ticket.id(), ticket.reference()));

		assertThat(this.simulator.inbox(number)).hasSize(2)
			.last()
			.satisfies((text) -> assertThat(text.body()).contains("nous n'avons pas réussi à vous joindre",
					ticket.reference().value(), "01 99 00 12 34"));
	}

	/**
	 * The listener itself, without its asynchronous proxy: its work is done on return.
	 */
	private CitizenTexts handlerOfEvents() {
		return AopTestUtils.getTargetObject(this.citizenTexts);
	}

	private TwilioSimulator.Text awaitText(String number) {
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !this.simulator.inbox(number).isEmpty());
		return this.simulator.inbox(number).get(0);
	}

	private long ticketOf(String reference) {
		return this.jdbc.sql("SELECT id FROM ticket WHERE reference = ?").param(reference).query(Long.class).single();
	}

}
