package fr.passerelle.telephony;

import fr.passerelle.ticket.HelpRequests;
import fr.passerelle.telephony.simulator.TwilioSimulator;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import fr.passerelle.IntegrationTest;
import fr.passerelle.StaffClient;
import fr.passerelle.TestAccounts;
import fr.passerelle.TestPhones;
import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.NewAccount;
import fr.passerelle.account.Role;
import fr.passerelle.platform.RejectedRequest;
import fr.passerelle.privacy.Blocklist;
import fr.passerelle.privacy.DataSubjectRequests;
import fr.passerelle.privacy.DataSubjectRequests.AccessFile;
import fr.passerelle.privacy.PhoneNumber;
import fr.passerelle.privacy.PhoneVault;
import fr.passerelle.ticket.TicketManagement;
import fr.passerelle.ticket.TicketQueries;
import fr.passerelle.ticket.TicketView;
import fr.passerelle.volunteer.Volunteers;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A citizen's access and erasure requests (issue 13), checked for completeness: a number
 * goes through every path that keeps something about it (the web form, the phone menu,
 * texts and their answers, notes, the fallback spool, the blocklist, a volunteer's
 * phone), the access file holds all of it, and after the erasure no column of any table
 * holds the number, however written, nor its hashes, except the blocklist, on purpose.
 * Every column whose name says it may hold a number, a hash or a person's words must be
 * classified here: a new one fails this test until a holder covers it.
 */
@IntegrationTest
class DataSubjectRequestsIntegrationTests {

	/**
	 * Columns that may hold a number, its hash or what a person said, and what covers
	 * them.
	 */
	private static final Map<String, String> CLASSIFIED = Map.ofEntries(Map.entry("ticket.phone_cipher", "requests"),
			Map.entry("ticket.phone_hash", "requests"), Map.entry("ticket.first_name", "requests"),
			Map.entry("ticket.preferred_slots", "requests"), Map.entry("ticket_note.body", "requests"),
			Map.entry("ticket_event.detail", "codes, no personal data"), Map.entry("sms_message.body", "hotline"),
			Map.entry("sms_message.dedup_key", "codes and ticket ids"),
			Map.entry("volunteer.phone_cipher", "volunteer phones"),
			Map.entry("volunteer.phone_hash", "volunteer phones: the keyed hash that recognises a trainee calling"),
			Map.entry("volunteer.training_phone", "a flag: whether the volunteer's phone is a training phone"),
			Map.entry("volunteer.trained_in_person_reason",
					"a coordinator's words on how a volunteer trained: staff's, never a citizen's"),
			Map.entry("blocked_number.lookup_hash", "blocklist, kept on purpose"),
			Map.entry("blocked_number.phone_cipher", "blocklist, kept on purpose"),
			Map.entry("blocked_number.reason", "blocklist, kept on purpose"),
			Map.entry("rate_limit_hit.subject", "limits"), Map.entry("rate_limit_subject.subject", "limits"),
			Map.entry("login_failure.subject", "staff sign-ins: addresses and e-mails, not numbers"),
			Map.entry("login_throttle_subject.subject", "staff sign-ins: addresses and e-mails, not numbers"),
			Map.entry("account.password_hash", "staff"), Map.entry("audit_event.detail", "masked numbers only"),
			Map.entry("sms_template.body_fr", "wording"), Map.entry("tutorial_image.token", "pictures' random names"),
			Map.entry("telephony_webhook_token.token", "Twilio's ids"),
			Map.entry("account_recovery_code.code_hash", "staff: hashes of random codes"),
			Map.entry("account_token.token_hash", "staff: hashes of random links"),
			Map.entry("account_two_factor.secret_cipher", "staff: authenticator keys"),
			Map.entry("account_two_factor.pending_cipher", "staff: authenticator keys"),
			Map.entry("statistics_requests.callbacks_phone", "counts of callbacks asked for by phone"),
			Map.entry("statistics_alert_subscription.phone_cipher", "coordinators' phones for the alerts"),
			Map.entry("staff_call_phone.phone_cipher", "coordinators' phones to call back from"));

	@LocalServerPort
	int port;

	@Autowired
	HelpRequests helpRequests;

	@Autowired
	InboundCalls calls;

	@Autowired
	FallbackSpool spool;

	@Autowired
	TicketManagement tickets;

	@Autowired
	TicketQueries ticketQueries;

	@Autowired
	AccountManagement accounts;

	@Autowired
	Volunteers volunteers;

	@Autowired
	Blocklist blocklist;

	@Autowired
	DataSubjectRequests requests;

	@Autowired
	PhoneVault vault;

	@Autowired
	TwilioSimulator simulator;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyColumnThatMayHoldANumberOrAPersonsWordsIsClassified() {
		List<String> columns = this.jdbc.sql("""
				SELECT CONCAT(LOWER(table_name), '.', LOWER(column_name)) FROM information_schema.columns
				WHERE table_schema = DATABASE() AND LOWER(table_name) NOT LIKE 'flyway%'
				  AND (LOWER(column_name) REGEXP 'phone|hash|subject|cipher|first_name|body|number|caller|reason|slots'
				       OR LOWER(column_name) IN ('detail', 'dedup_key', 'token'))""").query(String.class).list();

		assertThat(columns).isNotEmpty()
			.allSatisfy((column) -> assertThat(CLASSIFIED)
				.as("%s may hold a number or a person's words: cover it in a PersonalData holder and classify it here",
						column)
				.containsKey(column));
	}

	@Test
	void theAccessFileHoldsEverythingAndTheErasureLeavesNothingButTheBlocklist() {
		String number = TestPhones.randomMobile();
		PhoneNumber phone = PhoneNumber.parse(number);
		String other = TestPhones.randomMobile();
		long coordinator = TestAccounts.open(this.accounts, Role.COORDINATOR).id();

		// the web form (and its confirmation text), the phone menu, a note, an answer to
		// a
		// text, a request kept on disk, a volunteer's phone, a block
		StaffClient browser = new StaffClient(this.port);
		for (String citizen : List.of(number, other)) {
			assertThat(browser
				.postForm("/rappel", Map.of("phone", citizen, "topic", "CAF", "postcode", "35000", "firstName",
						"Yvette", "slots", "MORNING", "consent", "true", "website", ""))
				.statusCode()).isLessThan(400);
		}
		TicketView web = this.ticketQueries.find(this.ticketQueries.requestsFrom(this.vault.lookupHashes(phone)).get(0))
			.orElseThrow();
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !this.simulator.inbox(phone.e164()).isEmpty());
		TicketView byPhone = this.calls.requestCallback(callSid(), phone, this.helpRequests.topic("TAXES"),
				this.helpRequests.area("75011"));
		this.tickets.addNote(web.id(), coordinator, "Mme a du mal avec son dossier APL, rappeler en fin de matinée");
		TwilioWebhookClient twilio = new TwilioWebhookClient(this.port);
		Map<String, String> text = new LinkedHashMap<>();
		text.put("MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""));
		text.put("From", phone.e164());
		text.put("To", "+33199001234");
		text.put("Body", "Merci");
		twilio.postDelivery("/telephony/sms/incoming", text, UUID.randomUUID().toString());
		this.spool.keep(callSid(), phone, "HEALTH", "69001");
		long volunteer = this.accounts
			.open(NewAccount.of(TestAccounts.uniqueEmail(Role.VOLUNTEER), "Bénévole", Role.VOLUNTEER,
					TestAccounts.PASSWORD))
			.id();
		this.volunteers.register(volunteer, "35", Set.of("CAF"));
		this.volunteers.registerPhone(volunteer, number);
		StaffClient alerted = TestAccounts.signedIn(this.accounts, Role.COORDINATOR, this.port);
		assertThat(
				alerted.putJson("/api/statistics/alerts/subscription", "{\"phone\":\"" + number + "\"}").statusCode())
			.as("a coordinator texted the alerts on it")
			.isEqualTo(200);
		assertThat(alerted.putJson("/api/staff/me/call-phone", "{\"phone\":\"" + number + "\"}").statusCode())
			.as("and rung on it to call back")
			.isEqualTo(200);
		this.blocklist.block(phone, "Appels injurieux", coordinator);

		AccessFile file = this.requests.access(phone);
		assertThat(file.masked()).isEqualTo(phone.masked());
		assertThat(file.kept().get("requests")).hasSize(2)
			.anySatisfy((request) -> assertThat(request).containsEntry("firstName", "Yvette")
				.containsEntry("topic", "CAF")
				.hasEntrySatisfying("notes", (notes) -> assertThat(notes.toString()).contains("dossier APL")))
			.anySatisfy((request) -> assertThat(request).containsEntry("topic", "TAXES"));
		assertThat(file.kept().get("hotline"))
			.anySatisfy((item) -> assertThat(item).containsEntry("kind", "text")
				.hasEntrySatisfying("body", (body) -> assertThat(body.toString()).contains(web.reference().value())))
			.anySatisfy((item) -> assertThat(item).containsEntry("kind", "call"))
			.anySatisfy((item) -> assertThat(item).containsEntry("kind", "kept callback request")
				.containsEntry("topic", "HEALTH"));
		assertThat(file.kept().get("limits")).extracting((item) -> item.get("limit"))
			.contains("callback-number", "phone-request-number", "text-inbound-reply");
		assertThat(file.kept().get("blocklist")).singleElement()
			.satisfies((item) -> assertThat(item).containsEntry("reason", "Appels injurieux"));
		assertThat(file.kept().get("volunteer phones")).singleElement()
			.satisfies((item) -> assertThat(item).containsEntry("volunteerAccount", volunteer));
		assertThat(file.kept().get("coordinators' alert phones")).hasSize(1);
		assertThat(file.kept().get("coordinators' phones to call back from")).hasSize(1);

		assertThatExceptionOfType(RejectedRequest.class).as("while a request is open")
			.isThrownBy(() -> this.requests.erase(phone))
			.satisfies((refused) -> assertThat(refused.messageCode()).isEqualTo("privacy.erasure.open-request"));
		this.tickets.cancel(web.id(), coordinator, "CITIZEN_WITHDREW");
		this.tickets.cancel(byPhone.id(), coordinator, "CITIZEN_WITHDREW");

		Map<String, Integer> erased = this.requests.erase(phone);

		assertThat(erased).allSatisfy((holder, count) -> {
			if (!holder.equals("blocklist")) {
				assertThat(count).as(holder).isPositive();
			}
		});
		assertThat(this.requests.erase(phone)).as("erasing again changes nothing")
			.allSatisfy((holder, count) -> assertThat(count).as(holder).isZero());
		assertThat(this.requests.access(phone).kept()).allSatisfy((holder, items) -> {
			if (!holder.equals("blocklist")) {
				assertThat(items).as(holder).isEmpty();
			}
		});
		assertThat(this.blocklist.isBlocked(phone)).as("kept on purpose").isTrue();
		assertThat(this.ticketQueries.find(web.id())).as("the request stays, about nobody, for the statistics")
			.hasValueSatisfying((request) -> assertThat(request.maskedPhone()).isNull());
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM ticket_note WHERE ticket_id = ?")
			.param(web.id())
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM sms_message WHERE ticket_id = ? AND body <> ''")
			.param(web.id())
			.query(Long.class)
			.single()).isZero();
		assertThat(columnsHolding(writings(phone))).as("no column holds the number, however written").isEmpty();
		List<String> hashes = new ArrayList<>(this.vault.lookupHashes(phone));
		assertThat(columnsHolding(hashes)).as("nor its hash, but the blocklist")
			.allSatisfy((column) -> assertThat(column).startsWith("blocked_number."));

		assertThat(this.requests.access(PhoneNumber.parse(other)).kept().get("requests"))
			.as("another citizen's requests are untouched")
			.singleElement()
			.satisfies((request) -> assertThat(request).containsEntry("firstName", "Yvette"));
	}

	@Test
	void nationalStaffAnswerOverHttpWithAFileAndRegionalCoordinatorsAreRefused() {
		String number = TestPhones.randomMobile();
		StaffClient national = TestAccounts.signedIn(this.accounts, Role.COORDINATOR, this.port);
		StaffClient regional = new StaffClient(this.port);
		regional.login(
				TestAccounts
					.open(this.accounts,
							NewAccount
								.of(TestAccounts.uniqueEmail(Role.COORDINATOR), "Coordination Bretagne",
										Role.COORDINATOR, TestAccounts.PASSWORD)
								.inRegion("53"))
					.email(),
				TestAccounts.PASSWORD);

		HttpResponse<String> file = national.postJson("/api/privacy/requests/access", "{\"phone\":\"" + number + "\"}");
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.headers().firstValue("Content-Disposition")).hasValueSatisfying(
				(disposition) -> assertThat(disposition).startsWith("attachment").contains("passerelle-donnees-"));
		assertThat(JsonPath.<String>read(file.body(), "$.masked")).isEqualTo(PhoneNumber.parse(number).masked());
		assertThat(national.postJson("/api/privacy/requests/erasure", "{\"phone\":\"" + number + "\"}").statusCode())
			.isEqualTo(200);
		HttpResponse<String> wrong = national.postJson("/api/privacy/requests/access", "{\"phone\":\"12\"}");
		assertThat(wrong.statusCode()).isEqualTo(400);
		assertThat(regional.postJson("/api/privacy/requests/access", "{\"phone\":\"" + number + "\"}").statusCode())
			.as("a région's coordinator cannot look anyone up by their number")
			.isEqualTo(403);
	}

	/** Every column of every table that holds one of these texts, as table.column. */
	private List<String> columnsHolding(List<String> texts) {
		List<String> found = new ArrayList<>();
		List<Map<String, Object>> columns = this.jdbc.sql("""
				SELECT table_name, column_name, data_type FROM information_schema.columns
				WHERE table_schema = DATABASE()
				  AND data_type IN ('char', 'varchar', 'text', 'mediumtext', 'longtext', 'varbinary', 'blob',
				                    'mediumblob', 'longblob')""").query().listOfRows();
		for (Map<String, Object> column : columns) {
			String table = (String) column.get("table_name");
			String name = (String) column.get("column_name");
			for (String text : texts) {
				long rows = this.jdbc
					.sql("SELECT COUNT(*) FROM `" + table + "` WHERE CAST(`" + name + "` AS BINARY) LIKE ?")
					.param("%" + text + "%")
					.query(Long.class)
					.single();
				if (rows > 0) {
					found.add(table.toLowerCase() + "." + name.toLowerCase());
				}
			}
		}
		return found;
	}

	/** The ways a French number is written: +33 6…, 33 6…, 06…, spaced, dotted. */
	private static List<String> writings(PhoneNumber phone) {
		String e164 = phone.e164();
		String national = "0" + e164.substring(3);
		List<String> pairs = new ArrayList<>();
		for (int i = 0; i < national.length(); i += 2) {
			pairs.add(national.substring(i, i + 2));
		}
		return List.of(e164, e164.substring(1), national, String.join(" ", pairs), String.join(".", pairs));
	}

	private static String callSid() {
		return "CA" + UUID.randomUUID().toString().replace("-", "");
	}

}
