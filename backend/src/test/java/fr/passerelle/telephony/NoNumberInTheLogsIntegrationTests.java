package fr.passerelle.telephony;

import fr.passerelle.telephony.simulator.TwilioSimulator;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import com.jayway.jsonpath.JsonPath;
import fr.passerelle.IntegrationTest;
import fr.passerelle.StaffClient;
import fr.passerelle.TestAccounts;
import fr.passerelle.TestPhones;
import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.Role;
import fr.passerelle.privacy.PhoneNumber;
import fr.passerelle.ticket.TicketManagement;
import fr.passerelle.ticket.TicketQueries;
import fr.passerelle.ticket.TicketStatus;
import fr.passerelle.volunteer.Volunteers;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the application writes in its logs while a citizen calls the hotline, asks to be
 * called back, is called back by a volunteer, texts, and fills in the web form: with the
 * application's own loggers at DEBUG, none of the numbers appears, in any of the ways a
 * number can be written. The failure paths log the most, so the run includes a forged
 * webhook.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class NoNumberInTheLogsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	Volunteers volunteers;

	@Autowired
	TicketManagement tickets;

	@Autowired
	TicketQueries ticketQueries;

	@Autowired
	TwilioSimulator simulator;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LoggingSystem logging;

	/**
	 * Every event that reaches the root logger, whatever state the console appender is in
	 * after the other tests of this JVM started and stopped their own applications.
	 */
	private final Recorder recorder = new Recorder();

	@BeforeEach
	void logEverythingTheApplicationSays() {
		this.logging.setLogLevel("fr.passerelle", LogLevel.DEBUG);
		this.recorder.setContext(root().getLoggerContext());
		this.recorder.start();
		root().addAppender(this.recorder);
	}

	@AfterEach
	void backToUsual() {
		root().detachAppender(this.recorder);
		this.recorder.stop();
		this.logging.setLogLevel("fr.passerelle", null);
	}

	private static Logger root() {
		return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
	}

	@Test
	void aCallACallbackATextAndAWebRequestLeaveNoNumberInTheLogs(CapturedOutput output) {
		List<String> numbers = new ArrayList<>();
		long volunteerId = TestAccounts.open(this.accounts, Role.VOLUNTEER).id();
		this.volunteers.register(volunteerId, "35", Set.of("CAF"));
		this.volunteers.qualify(volunteerId);
		StaffClient volunteer = new StaffClient(this.port);
		volunteer.login(this.accounts.find(volunteerId).orElseThrow().email(), TestAccounts.PASSWORD);
		String volunteerPhone = JsonPath.read(volunteer.get("/api/simulator/phone").body(), "$.number");
		numbers.add(volunteerPhone);
		assertThat(volunteer.putJson("/api/volunteers/me/phone", "{\"phone\":\"" + volunteerPhone + "\"}").statusCode())
			.isEqualTo(200);

		// a citizen calls and asks to be called back (the training phone is a real
		// caller of the hotline's webhooks)
		StaffClient citizen = new StaffClient(this.port);
		citizen.login(TestAccounts.open(this.accounts, Role.COORDINATOR).email(), TestAccounts.PASSWORD);
		String citizenPhone = JsonPath.read(citizen.get("/api/simulator/phone").body(), "$.number");
		numbers.add(citizenPhone);
		citizen.postJson("/api/simulator/phone/call", "{}");
		keys(citizen, "1");
		keys(citizen, "35000");
		String askingCall = JsonPath.read(keys(citizen, "1").body(), "$.sid");
		long ticketId = this.jdbc.sql("SELECT ticket_id FROM telephony_call WHERE call_sid = ?")
			.param(askingCall)
			.query(Long.class)
			.single();
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !this.simulator.inbox(citizenPhone).isEmpty());

		// the volunteer calls them back, texts them a link; they hang up
		this.tickets.assign(ticketId, volunteerId);
		assertThat(volunteer.postJson("/api/tickets/" + ticketId + "/call", "{}").statusCode()).isEqualTo(200);
		awaitState(volunteer, "RINGING");
		volunteer.postJson("/api/simulator/phone/call/answer", "{}");
		keys(volunteer, "1");
		awaitState(citizen, "RINGING");
		citizen.postJson("/api/simulator/phone/call/answer", "{}");
		awaitState(volunteer, "BRIDGED");
		assertThat(volunteer
			.postJson("/api/tickets/" + ticketId + "/texts", "{\"body\":\"Le lien promis : https://www.caf.fr/\"}")
			.statusCode()).isEqualTo(201);
		citizen.postJson("/api/simulator/phone/call/hangup", "{}");
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> this.ticketQueries.status(ticketId).orElseThrow() == TicketStatus.ASSIGNED);

		// the citizen answers the text; someone else fills in the web form, twice, and
		// types a wrong number
		TwilioWebhookClient twilio = new TwilioWebhookClient(this.port);
		Map<String, String> text = new LinkedHashMap<>();
		text.put("MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""));
		text.put("From", citizenPhone);
		text.put("To", "+33199001234");
		text.put("Body", "Merci beaucoup, mon numéro est le " + citizenPhone);
		assertThat(twilio.postDelivery("/telephony/sms/incoming", text, UUID.randomUUID().toString()).statusCode())
			.isEqualTo(200);
		String webPhone = TestPhones.randomMobile();
		numbers.add(webPhone);
		StaffClient browser = new StaffClient(this.port);
		for (int i = 0; i < 2; i++) {
			browser.postForm("/rappel", Map.of("phone", webPhone, "topic", "CAF", "postcode", "35000", "firstName",
					"Yvette", "consent", "true", "website", ""));
		}
		browser.postForm("/rappel", Map.of("phone", webPhone + "999", "topic", "CAF", "postcode", "35000", "consent",
				"true", "website", ""));

		// and a forger replays the call with a wrong signature, which is refused and
		// logged
		assertThat(
				twilio
					.post("/telephony/voice/incoming",
							TwilioWebhookClient.call("CA" + UUID.randomUUID().toString().replace("-", ""),
									citizenPhone),
							"forged")
					.statusCode())
			.isEqualTo(403);

		assertThat(this.recorder.applicationEvents()).as("the application's own events were recorded").isPositive();
		String logs = this.recorder.text() + output.getAll();
		for (String number : numbers) {
			for (String written : writings(number)) {
				assertThat(logs).as("the number %s written %s", number, written).doesNotContain(written);
			}
		}
	}

	/** The ways a French number is written: +33 6…, 06…, 6…, spaced, dotted. */
	private static List<String> writings(String number) {
		PhoneNumber phone = PhoneNumber.parse(number);
		String e164 = phone.e164();
		String national = "0" + e164.substring(3);
		List<String> pairs = new ArrayList<>();
		for (int i = 0; i < national.length(); i += 2) {
			pairs.add(national.substring(i, Math.min(i + 2, national.length())));
		}
		return List.of(e164, e164.substring(1), national, national.substring(1), String.join(" ", pairs),
				String.join(".", pairs), "%2B" + e164.substring(1));
	}

	private static void awaitState(StaffClient phone, String state) {
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.ignoreExceptions()
			.until(() -> state
				.equals(JsonPath.read(phone.get("/api/simulator/phone").body(), "$.call.state").toString()));
	}

	private static HttpResponse<String> keys(StaffClient phone, String keys) {
		return phone.postJson("/api/simulator/phone/call/keys", "{\"keys\":\"" + keys + "\"}");
	}

	/**
	 * Keeps what an appender could write of each event: message, arguments, MDC, causes.
	 */
	private static final class Recorder extends AppenderBase<ILoggingEvent> {

		private final StringBuilder text = new StringBuilder();

		private int applicationEvents;

		@Override
		protected synchronized void append(ILoggingEvent event) {
			if (event.getLoggerName().startsWith("fr.passerelle")) {
				this.applicationEvents++;
			}
			this.text.append(event.getLoggerName()).append(' ').append(event.getFormattedMessage()).append(' ');
			this.text.append(event.getMDCPropertyMap()).append(' ');
			for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
				this.text.append(cause.getClassName()).append(": ").append(cause.getMessage()).append(' ');
			}
			this.text.append('\n');
		}

		synchronized int applicationEvents() {
			return this.applicationEvents;
		}

		synchronized String text() {
			return this.text.toString();
		}

	}

}
