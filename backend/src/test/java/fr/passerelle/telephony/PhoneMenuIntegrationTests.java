package fr.passerelle.telephony;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import fr.passerelle.IntegrationTest;
import fr.passerelle.PasserelleApplication;
import fr.passerelle.StaffClient;
import fr.passerelle.TestAccounts;
import fr.passerelle.TestPhones;
import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.NewAccount;
import fr.passerelle.account.Role;
import fr.passerelle.topic.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static fr.passerelle.telephony.TwilioWebhookClient.call;
import static fr.passerelle.telephony.TwilioWebhookClient.pressed;
import static fr.passerelle.telephony.TwilioWebhookClient.twiml;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The themes and the phone menu, set from the staff app (issue 15): a change is said by
 * the IVR of this instance at once and of another instance within seconds; a menu with
 * two themes on one key, more than ten, without the fallback on key 0 or leaving a theme
 * out is refused beside the field; a stale change 409; regional coordinators and
 * volunteers 403; every change audited with what it replaced.
 */
@IntegrationTest
class PhoneMenuIntegrationTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Topics topics;

	private StaffClient national;

	private ObjectNode original;

	@BeforeEach
	void signIn() {
		this.national = coordinator(null);
		this.original = menu();
	}

	@AfterEach
	void backToTheFirstMenu() {
		ObjectNode now = menu();
		this.original.put("version", now.get("version").asInt());
		ArrayNode kept = (ArrayNode) this.original.get("topics");
		for (JsonNode topic : now.get("topics")) {
			boolean known = false;
			for (JsonNode before : kept) {
				known |= before.get("code").asString().equals(topic.get("code").asString());
			}
			if (!known) {
				// a theme is never deleted from the screens; the test leaves none behind
				kept.add(((ObjectNode) topic.deepCopy()).put("active", false));
			}
		}
		assertThat(this.national.putJson("/api/settings/menu", this.original.toString()).statusCode()).isEqualTo(200);
		this.jdbc.sql("DELETE FROM topic WHERE code LIKE 'TEST_%'").update();
		this.jdbc.sql("UPDATE topic_menu_state SET version = version + 1").update();
		this.topics.refresh();
	}

	@Test
	void aNewThemeOnAKeyIsSaidAtOnceHereAndWithinSecondsOnAnotherInstance() throws Exception {
		TwilioWebhookClient here = new TwilioWebhookClient(this.port);
		try (ConfigurableApplicationContext second = new SpringApplicationBuilder(PasserelleApplication.class)
			.profiles("test")
			.run("--server.port=0")) {
			TwilioWebhookClient there = new TwilioWebhookClient(
					Integer.parseInt(second.getEnvironment().getProperty("local.server.port")));
			assertThat(pressing(there, "7")).contains("topic=HOUSING");

			ObjectNode menu = menu();
			ArrayNode topics = (ArrayNode) menu.get("topics");
			for (JsonNode topic : topics) {
				if (topic.get("code").asString().equals("HOUSING")) {
					((ObjectNode) topic).put("active", false);
				}
			}
			topics.insert(0,
					this.json.createObjectNode()
						.put("code", "TEST_ENERGY")
						.put("nameFr", "Énergie & chauffage")
						.put("nameEn", "Energy & heating")
						.put("menuDigit", "7")
						.put("spokenFr", "le chèque énergie et le chauffage")
						.put("active", true));
			HttpResponse<String> changed = this.national.putJson("/api/settings/menu", menu.toString());

			assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
			assertThat(spoken(here)).as("this instance, at once")
				.startsWith("Bonjour")
				.contains("Pour le chèque énergie et le chauffage, tapez 7.")
				.doesNotContain("Logement");
			assertThat(pressing(here, "7")).contains("topic=TEST_ENERGY");
			// the other instance's scheduler reads the menu again every few seconds
			long deadline = System.nanoTime() + 15_000_000_000L;
			while (!pressing(there, "7").contains("topic=TEST_ENERGY") && System.nanoTime() < deadline) {
				Thread.sleep(250);
			}
			assertThat(pressing(there, "7")).as("the other instance").contains("topic=TEST_ENERGY");
			assertThat(spoken(there)).contains("Pour le chèque énergie et le chauffage, tapez 7.");
		}
		assertThat(new StaffClient(this.port).get("/").body()).as("the home page lists the themes offered")
			.contains("Énergie &amp; chauffage")
			.doesNotContain("Logement &amp; énergie");
		assertThat(JsonPath.<List<String>>read(new StaffClient(this.port).get("/api/topics").body(), "$[*].code"))
			.contains("TEST_ENERGY")
			.doesNotContain("HOUSING");
		String audited = this.jdbc
			.sql("SELECT detail FROM audit_event WHERE action = 'TOPIC_MENU_CHANGED' ORDER BY id DESC LIMIT 1")
			.query(String.class)
			.single();
		assertThat(audited).contains("key=7, code=HOUSING", "key=-, code=HOUSING", "key=7, code=TEST_ENERGY");
	}

	@Test
	void refusesTwoThemesOnOneKeyMoreThanTenTheFallbackOffZeroAndAThemeLeftOutBesideTheField() {
		int version = menu().get("version").asInt();

		ObjectNode twoOnOne = menu();
		((ObjectNode) twoOnOne.get("topics").get(1)).put("menuDigit", "1");
		HttpResponse<String> sameKey = this.national.putJson("/api/settings/menu", twoOnOne.toString());

		ObjectNode eleven = menu();
		((ArrayNode) eleven.get("topics")).add(this.json.createObjectNode()
			.put("code", "TEST_MORE")
			.put("nameFr", "Encore")
			.put("nameEn", "More")
			.put("menuDigit", "5")
			.put("active", true));
		HttpResponse<String> tooMany = this.national.putJson("/api/settings/menu", eleven.toString());

		ObjectNode offZero = menu();
		for (JsonNode topic : offZero.get("topics")) {
			if (topic.get("code").asString().equals("OTHER")) {
				((ObjectNode) topic).put("active", false);
			}
		}
		HttpResponse<String> noFallback = this.national.putJson("/api/settings/menu", offZero.toString());

		ObjectNode leftOut = menu();
		((ArrayNode) leftOut.get("topics")).remove(2);
		HttpResponse<String> missing = this.national.putJson("/api/settings/menu", leftOut.toString());

		ObjectNode badLink = menu();
		((ObjectNode) badLink.get("topics").get(0)).put("linkUrl", "javascript:alert(1)");
		HttpResponse<String> link = this.national.putJson("/api/settings/menu", badLink.toString());

		assertThat(sameKey.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(sameKey.body(), "$.fields[0].field")).isEqualTo("topics[1].menuDigit");
		assertThat((String) JsonPath.read(sameKey.body(), "$.detail")).contains("touche 1");
		assertThat(tooMany.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(tooMany.body(), "$.fields[0].field")).startsWith("topics[");
		assertThat(noFallback.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(noFallback.body(), "$.fields[0].field")).endsWith(".menuDigit");
		assertThat(missing.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(missing.body(), "$.fields[0].field")).isEqualTo("topics");
		assertThat((String) JsonPath.read(link.body(), "$.fields[0].field")).isEqualTo("topics[0].linkUrl");
		assertThat(menu().get("version").asInt()).as("nothing changed").isEqualTo(version);
		assertThat(this.topics.all()).hasSize(10);
	}

	@Test
	void refusesAStaleChangeRegionalCoordinatorsAndVolunteers() {
		ObjectNode menu = menu();
		((ObjectNode) menu.get("topics").get(0)).put("nameFr", "CAF et prestations");
		assertThat(this.national.putJson("/api/settings/menu", menu.toString()).statusCode()).isEqualTo(200);

		assertThat(this.national.putJson("/api/settings/menu", menu.toString()).statusCode()).as("stale")
			.isEqualTo(409);
		ObjectNode fresh = menu();
		assertThat(fresh.get("topics").get(0).get("nameFr").asString()).isEqualTo("CAF et prestations");
		assertThat(coordinator("53").putJson("/api/settings/menu", fresh.toString()).statusCode()).isEqualTo(403);
		assertThat(coordinator("53").get("/api/settings/menu").statusCode()).as("read by every coordinator")
			.isEqualTo(200);
		assertThat(TestAccounts.signedIn(this.accounts, Role.VOLUNTEER, this.port)
			.putJson("/api/settings/menu", fresh.toString())
			.statusCode()).isEqualTo(403);
	}

	private ObjectNode menu() {
		return (ObjectNode) this.json.readTree(this.national.get("/api/settings/menu").body());
	}

	private static String pressing(TwilioWebhookClient twilio, String digits) {
		Map<String, String> call = call(callSid(), caller());
		return twilio.post("/telephony/voice/topic", pressed(call, digits)).body();
	}

	private static String spoken(TwilioWebhookClient twilio) {
		return twiml(twilio.post("/telephony/voice/incoming", call(callSid(), caller()))).getDocumentElement()
			.getTextContent();
	}

	private static String caller() {
		return "+33" + TestPhones.randomMobile().replace(" ", "").substring(1);
	}

	private static String callSid() {
		return "CA" + UUID.randomUUID().toString().replace("-", "");
	}

	private StaffClient coordinator(String region) {
		StaffClient client = new StaffClient(this.port);
		var account = TestAccounts.open(this.accounts, new NewAccount(TestAccounts.uniqueEmail(Role.COORDINATOR),
				"Coordination", Role.COORDINATOR, region, TestAccounts.PASSWORD, false));
		assertThat(client.login(account.email(), TestAccounts.PASSWORD).statusCode()).isEqualTo(200);
		return client;
	}

}
