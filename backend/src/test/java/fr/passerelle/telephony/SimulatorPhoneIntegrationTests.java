package fr.passerelle.telephony;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import fr.passerelle.IntegrationTest;
import fr.passerelle.StaffClient;
import fr.passerelle.TestAccounts;
import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.Role;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The training phone: a staff member's simulated phone calls the hotline through the
 * simulator, which posts the real, signed webhooks and follows their TwiML.
 */
@IntegrationTest
class SimulatorPhoneIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	StaffClient volunteer;

	@BeforeEach
	void signIn() {
		this.volunteer = new StaffClient(this.port);
		this.volunteer.login(TestAccounts.open(this.accounts, Role.VOLUNTEER).email(), TestAccounts.PASSWORD);
	}

	@Test
	void callsTheHotlineAsksForACallbackAndReceivesTheConfirmationText() {
		HttpResponse<String> phone = this.volunteer.get("/api/simulator/phone");
		assertThat(phone.statusCode()).isEqualTo(200);
		String number = JsonPath.read(phone.body(), "$.number");
		assertThat(number).matches("\\+3361\\d{7}");
		assertThat((List<?>) JsonPath.read(phone.body(), "$.inbox")).isEmpty();

		HttpResponse<String> welcome = this.volunteer.postJson("/api/simulator/phone/call", "{}");
		assertThat(welcome.statusCode()).isEqualTo(200);
		assertThat(heard(welcome)).first().asString().startsWith("Bonjour, vous êtes bien chez Passerelle");
		assertThat((Integer) JsonPath.read(welcome.body(), "$.awaitedKeys")).isEqualTo(1);

		HttpResponse<String> postcode = keys("1");
		assertThat((Integer) JsonPath.read(postcode.body(), "$.awaitedKeys")).isEqualTo(5);
		assertThat(String.join(" ", heard(postcode))).contains("code postal");
		assertThat(String.join(" ", heard(keys("35000")))).contains("3, 5, 0, 0, 0", "Rennes");
		HttpResponse<String> recorded = keys("1");
		assertThat((Boolean) JsonPath.read(recorded.body(), "$.ended")).isTrue();
		assertThat(String.join(" ", heard(recorded))).contains("Votre demande de rappel est enregistrée.");
		assertThat(this.jdbc.sql("SELECT status, outcome FROM telephony_call WHERE call_sid = ?")
			.param((String) JsonPath.read(recorded.body(), "$.sid"))
			.query()
			.singleRow()).as("the simulator reports the end of the call")
			.containsEntry("status", "completed")
			.containsEntry("outcome", "CALLBACK_REQUESTED");
		assertThat(this.jdbc.sql("""
				SELECT t.practice FROM telephony_call c JOIN ticket t ON t.id = c.ticket_id WHERE c.call_sid = ?""")
			.param((String) JsonPath.read(recorded.body(), "$.sid"))
			.query(Boolean.class)
			.single()).as("a request from a training phone is practice, counted in no figure").isTrue();

		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> !((List<?>) JsonPath.read(this.volunteer.get("/api/simulator/phone").body(), "$.inbox"))
				.isEmpty());
		String text = JsonPath.read(this.volunteer.get("/api/simulator/phone").body(), "$.inbox[0].body");
		assertThat(text).startsWith("Passerelle : votre demande ").contains("01 99 00 12 34");
		assertThat((Boolean) JsonPath.read(this.volunteer.get("/api/simulator/phone").body(), "$.call.ended"))
			.as("the phone still shows the call that ended")
			.isTrue();
	}

	@Test
	void letsTheCallerStayQuietAndHangUp() {
		this.volunteer.postJson("/api/simulator/phone/call", "{}");

		HttpResponse<String> repeated = this.volunteer.postJson("/api/simulator/phone/call/silence", "{}");
		assertThat(heard(repeated)).first().asString().isEqualTo("Je n'ai pas entendu votre choix.");
		HttpResponse<String> hungUp = this.volunteer.postJson("/api/simulator/phone/call/hangup", "{}");
		assertThat((Boolean) JsonPath.read(hungUp.body(), "$.ended")).isTrue();

		HttpResponse<String> nothingToAnswer = keys("1");
		assertThat(nothingToAnswer.statusCode()).isEqualTo(409);
		assertThat((String) JsonPath.read(nothingToAnswer.body(), "$.detail")).contains("appelez d'abord la ligne");
	}

	@Test
	void refusesKeysThatAPhoneDoesNotHaveAndStrangers() {
		this.volunteer.postJson("/api/simulator/phone/call", "{}");

		assertThat(keys("A").statusCode()).isEqualTo(400);
		assertThat(new StaffClient(this.port).get("/api/simulator/phone").statusCode()).isEqualTo(401);
	}

	private HttpResponse<String> keys(String keys) {
		return this.volunteer.postJson("/api/simulator/phone/call/keys", "{\"keys\":\"" + keys + "\"}");
	}

	private static List<String> heard(HttpResponse<String> response) {
		return JsonPath.read(response.body(), "$.heard");
	}

}
