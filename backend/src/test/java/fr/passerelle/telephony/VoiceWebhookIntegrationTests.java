package fr.passerelle.telephony;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.passerelle.IntegrationTest;
import fr.passerelle.TestClock;
import fr.passerelle.TestPhones;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static fr.passerelle.telephony.TwilioWebhookClient.call;
import static fr.passerelle.telephony.TwilioWebhookClient.pressed;
import static fr.passerelle.telephony.TwilioWebhookClient.twiml;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The phone menu over real HTTP, as Twilio drives it: signed webhooks in, TwiML out,
 * parsed and checked verb by verb.
 */
@IntegrationTest
class VoiceWebhookIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	TwilioWebhookClient twilio;

	Map<String, String> call;

	@BeforeEach
	void newCall() {
		this.twilio = new TwilioWebhookClient(this.port);
		this.call = call("CA" + UUID.randomUUID().toString().replace("-", ""), e164(TestPhones.randomMobile()));
	}

	@Test
	void welcomesACallerWithTheThemeMenuInSlowFrench() {
		HttpResponse<String> response = this.twilio.post("/telephony/voice/incoming", this.call);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/xml"));
		Document twiml = twiml(response);
		assertThat(verbs(twiml)).containsExactly("Say", "Gather");
		Element gather = only(twiml, "Gather");
		assertThat(gather.getAttribute("input")).isEqualTo("dtmf");
		assertThat(gather.getAttribute("numDigits")).isEqualTo("1");
		assertThat(gather.getAttribute("actionOnEmptyResult")).isEqualTo("true");
		assertThat(gather.getAttribute("action")).isEqualTo("/telephony/voice/topic?silences=0");
		for (Element say : all(twiml, "Say")) {
			assertThat(say.getAttribute("language")).isEqualTo("fr-FR");
			assertThat(((Element) say.getElementsByTagName("prosody").item(0)).getAttribute("rate")).isEqualTo("90%");
		}
		assertThat(spoken(twiml))
			.contains("Passerelle", "Pour CAF et prestations sociales, tapez 1.", "Pour Impôts, tapez 3.",
					"Pour une autre question, tapez 0.", "tapez étoile")
			.doesNotContain("fermés");
		assertThat(this.jdbc.sql("SELECT direction FROM telephony_call WHERE call_sid = ?")
			.param(this.call.get("CallSid"))
			.query(String.class)
			.single()).isEqualTo("INBOUND");
	}

	@Test
	void tellsACallerOutsideOpeningHoursThatWeAreClosedButCanCallBack() {
		this.clock.set(Instant.parse("2027-03-06T20:00:00Z"));

		Document twiml = twiml(this.twilio.post("/telephony/voice/incoming", this.call));

		assertThat(spoken(twiml)).contains("Nous sommes fermés en ce moment, mais nous pouvons vous rappeler.");
		assertThat(verbs(twiml)).containsExactly("Say", "Say", "Gather");
	}

	@Test
	void takesACallbackRequestThroughTheMenuAndReadsTheReferenceBack() {
		this.twilio.post("/telephony/voice/incoming", this.call);

		Document postcode = twiml(this.twilio.post("/telephony/voice/topic?silences=0", pressed(this.call, "1")));
		Element gather = only(postcode, "Gather");
		assertThat(gather.getAttribute("numDigits")).isEqualTo("5");
		assertThat(gather.getAttribute("action")).isEqualTo("/telephony/voice/postcode?topic=CAF&silences=0");
		assertThat(spoken(postcode)).contains("cinq chiffres de votre code postal");

		Document readBack = twiml(this.twilio.post(gather.getAttribute("action"), pressed(this.call, "35000")));
		Element confirm = only(readBack, "Gather");
		assertThat(spoken(readBack)).contains("Vous avez tapé 3, 5, 0, 0, 0. Rennes.", "tapez 1", "tapez 2");
		assertThat(confirm.getAttribute("action"))
			.isEqualTo("/telephony/voice/confirm?topic=CAF&postcode=35000&silences=0");

		Document recorded = twiml(this.twilio.post(confirm.getAttribute("action"), pressed(this.call, "1")));
		assertThat(verbs(recorded)).endsWith("Hangup");
		List<Map<String, Object>> tickets = ticketsOf(this.call);
		assertThat(tickets).hasSize(1);
		Map<String, Object> ticket = tickets.get(0);
		assertThat(ticket).containsEntry("source", "PHONE")
			.containsEntry("kind", "CALLBACK")
			.containsEntry("topic_code", "CAF")
			.containsEntry("postcode", "35000")
			.containsEntry("status", "QUEUED");
		assertThat(route(this.call)).as("open, yet the caller could not wait: nobody, or too many waiting")
			.isIn("NO_VOLUNTEER", "QUEUE_FULL");
		assertThat(ticket).containsEntry("practice", false);
		String reference = (String) ticket.get("reference");
		assertThat(spoken(recorded)).contains("Votre demande de rappel est enregistrée.",
				"Votre numéro de dossier est : " + Voice.spelled(reference), "dès que possible",
				"depuis le numéro 01, 99, 00, 12, 34");

		Document replayed = twiml(this.twilio.post(confirm.getAttribute("action"), pressed(this.call, "1")));
		assertThat(spoken(replayed)).as("a webhook delivered twice").isEqualTo(spoken(recorded));
		assertThat(ticketsOf(this.call)).hasSize(1);
	}

	@Test
	void tellsWhenTheCallbackWillComeWhenItCannotBeToday() {
		this.clock.set(Instant.parse("2027-03-06T10:00:00Z"));

		Document recorded = twiml(this.twilio.post("/telephony/voice/confirm?topic=TAXES&postcode=69001&silences=0",
				pressed(this.call, "1")));

		assertThat(spoken(recorded)).contains("à partir de lundi 8 mars à 9 heures");
		assertThat(ticketsOf(this.call)).singleElement()
			.satisfies((ticket) -> assertThat(ticket).containsEntry("status", "SCHEDULED"));
		assertThat(route(this.call)).as("kept for the statistics: a request outside opening hours").isEqualTo("CLOSED");
	}

	@Test
	void tellsARepeatCallerTheirRequestComesFirst() {
		this.twilio.post("/telephony/voice/confirm?topic=CAF&postcode=35000&silences=0", pressed(this.call, "1"));
		this.clock.advance(Duration.ofHours(1));
		Map<String, String> again = call("CA" + UUID.randomUUID().toString().replace("-", ""), this.call.get("From"));

		Document recorded = twiml(
				this.twilio.post("/telephony/voice/confirm?topic=CAF&postcode=35000&silences=0", pressed(again, "1")));

		assertThat(spoken(recorded)).contains("votre demande passe en priorité");
	}

	@Test
	void repeatsTheMenuToASilentCallerTwiceThenOffersACallback() {
		Document first = twiml(this.twilio.post("/telephony/voice/topic?silences=0", pressed(this.call, "")));
		assertThat(spoken(first)).startsWith("Je n'ai pas entendu votre choix.");
		assertThat(only(first, "Gather").getAttribute("action")).isEqualTo("/telephony/voice/topic?silences=1");

		Document second = twiml(this.twilio.post("/telephony/voice/topic?silences=1", pressed(this.call, "")));
		assertThat(only(second, "Gather").getAttribute("action")).isEqualTo("/telephony/voice/topic?silences=2");

		Document offer = twiml(this.twilio.post("/telephony/voice/topic?silences=2", pressed(this.call, "")));
		assertThat(only(offer, "Gather").getAttribute("action")).isEqualTo("/telephony/voice/offer");
		assertThat(spoken(offer)).contains("Pour être rappelé par un bénévole, tapez 1.");

		Document accepted = twiml(this.twilio.post("/telephony/voice/offer", pressed(this.call, "1")));
		assertThat(only(accepted, "Gather").getAttribute("action"))
			.isEqualTo("/telephony/voice/postcode?topic=OTHER&silences=0");
		Document silent = twiml(this.twilio.post("/telephony/voice/offer", pressed(this.call, "")));
		assertThat(verbs(silent)).containsExactly("Say", "Hangup");
	}

	@Test
	void repeatsTheMenuOnStarAndRefusesAChoiceThatDoesNotExist() {
		Document repeated = twiml(this.twilio.post("/telephony/voice/topic?silences=2", pressed(this.call, "*")));
		assertThat(verbs(repeated)).containsExactly("Gather");
		assertThat(only(repeated, "Gather").getAttribute("action")).isEqualTo("/telephony/voice/topic?silences=0");

		Document unknown = twiml(this.twilio.post("/telephony/voice/topic?silences=0", pressed(this.call, "42")));
		assertThat(spoken(unknown)).startsWith("Ce choix n'existe pas.");
	}

	@Test
	void letsTheCallerSkipTheMenuWithZero() {
		Document postcode = twiml(this.twilio.post("/telephony/voice/topic?silences=0", pressed(this.call, "0")));

		assertThat(only(postcode, "Gather").getAttribute("action"))
			.isEqualTo("/telephony/voice/postcode?topic=OTHER&silences=0");
	}

	@Test
	void asksAgainForAPostcodeThatDoesNotExistOrThatTheCallerCorrects() {
		Document impossible = twiml(
				this.twilio.post("/telephony/voice/postcode?topic=CAF&silences=0", pressed(this.call, "00000")));
		assertThat(spoken(impossible)).startsWith("Le code postal 0, 0, 0, 0, 0 n'existe pas.");
		assertThat(only(impossible, "Gather").getAttribute("numDigits")).isEqualTo("5");

		Document corrected = twiml(this.twilio.post("/telephony/voice/confirm?topic=CAF&postcode=35000&silences=0",
				pressed(this.call, "2")));
		assertThat(only(corrected, "Gather").getAttribute("action"))
			.isEqualTo("/telephony/voice/postcode?topic=CAF&silences=0");
		assertThat(ticketsOf(this.call)).isEmpty();
	}

	@Test
	void cannotCallBackAWithheldNumberAndSaysSo() {
		this.call.put("From", "anonymous");

		Document answer = twiml(this.twilio.post("/telephony/voice/confirm?topic=CAF&postcode=35000&silences=0",
				pressed(this.call, "1")));

		assertThat(spoken(answer)).contains("Votre numéro est masqué");
		assertThat(verbs(answer)).containsExactly("Say", "Hangup");
		assertThat(ticketsOf(this.call)).isEmpty();
	}

	@Test
	void answersWithAnApologyRatherThanAnErrorWhenAStepCannotBeUnderstood() {
		HttpResponse<String> response = this.twilio.post("/telephony/voice/postcode?topic=NOPE&silences=0",
				pressed(this.call, "35000"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(spoken(twiml(response))).contains("problème technique");
		assertThat(verbs(twiml(response))).containsExactly("Say", "Hangup");
	}

	@Test
	void recordsOneRequestWhenTheConfirmationIsDeliveredThreeTimesAtOnce() throws Exception {
		String path = "/telephony/voice/confirm?topic=HOUSING&postcode=13001&silences=0";
		java.util.concurrent.ExecutorService twilioRetries = java.util.concurrent.Executors.newFixedThreadPool(3);
		List<java.util.concurrent.Future<HttpResponse<String>>> deliveries = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			deliveries.add(twilioRetries.submit(() -> this.twilio.post(path, pressed(this.call, "1"))));
		}
		List<String> answers = new ArrayList<>();
		for (java.util.concurrent.Future<HttpResponse<String>> delivery : deliveries) {
			HttpResponse<String> response = delivery.get();
			assertThat(response.statusCode()).isEqualTo(200);
			answers.add(spoken(twiml(response)));
		}
		twilioRetries.shutdown();

		assertThat(ticketsOf(this.call)).hasSize(1);
		assertThat(answers).containsOnly(answers.get(0)).first().asString().contains("Votre numéro de dossier est");
	}

	@Test
	void answersStrangeKeysAndParametersWithAPromptToTryAgain() {
		Document letters = twiml(this.twilio.post("/telephony/voice/topic?silences=0", pressed(this.call, "abc")));
		assertThat(spoken(letters)).startsWith("Ce choix n'existe pas.");

		Document huge = twiml(this.twilio.post("/telephony/voice/postcode?topic=CAF&silences=0",
				pressed(this.call, "7".repeat(5000))));
		assertThat(spoken(huge)).contains("n'existe pas");
		assertThat(only(huge, "Gather").getAttribute("numDigits")).isEqualTo("5");

		Document notDigits = twiml(
				this.twilio.post("/telephony/voice/postcode?topic=CAF&silences=0", pressed(this.call, "35a00")));
		assertThat(spoken(notDigits)).contains("n'existe pas");

		HttpResponse<String> garbled = this.twilio.post("/telephony/voice/topic?silences=lots",
				pressed(this.call, "1"));
		assertThat(garbled.statusCode()).isEqualTo(200);
		assertThat(spoken(twiml(garbled))).contains("problème technique");

		HttpResponse<String> noCall = this.twilio.post("/telephony/voice/incoming", Map.of("From", "+33612345678"));
		assertThat(noCall.statusCode()).isEqualTo(200);
		assertThat(verbs(twiml(noCall))).endsWith("Hangup");
	}

	@Test
	void acceptsOnlyWebhooksSignedForThePublicAddress() {
		String path = "/telephony/voice/incoming";
		String url = TwilioWebhookClient.PUBLIC_BASE_URL + path;

		assertThat(this.twilio.post(path, this.call).statusCode()).as("signed for the public https address")
			.isEqualTo(200);
		assertThat(this.twilio.post(path, this.call, null).statusCode()).as("unsigned").isEqualTo(403);
		assertThat(this.twilio.post(path, this.call, TwilioWebhookClient.signature("another-token", url, this.call))
			.statusCode()).as("forged").isEqualTo(403);
		assertThat(this.twilio
			.post(path, this.call,
					TwilioWebhookClient.signature(TwilioWebhookClient.AUTH_TOKEN,
							"http://localhost:" + this.port + path, this.call))
			.statusCode()).as("signed for the address behind the proxy").isEqualTo(403);
		String signed = TwilioWebhookClient.signature(TwilioWebhookClient.AUTH_TOKEN, url, this.call);
		assertThat(this.twilio.post(path, pressed(this.call, "1"), signed).statusCode())
			.as("a parameter added after signing")
			.isEqualTo(403);
		assertThat(this.twilio.post("/telephony/voice/topic?silences=1", pressed(this.call, "1"),
				TwilioWebhookClient.signature(TwilioWebhookClient.AUTH_TOKEN,
						TwilioWebhookClient.PUBLIC_BASE_URL + "/telephony/voice/topic?silences=0",
						pressed(this.call, "1")))
			.statusCode()).as("a query string changed after signing").isEqualTo(403);
	}

	private String route(Map<String, String> call) {
		return this.jdbc.sql("SELECT route FROM telephony_call WHERE call_sid = ?")
			.param(call.get("CallSid"))
			.query(String.class)
			.single();
	}

	private List<Map<String, Object>> ticketsOf(Map<String, String> call) {
		return this.jdbc.sql("""
				SELECT t.source, t.kind, t.topic_code, t.postcode, t.status, t.reference, t.practice FROM ticket t
				JOIN telephony_call c ON c.ticket_id = t.id WHERE c.call_sid = ?""")
			.param(call.get("CallSid"))
			.query()
			.listOfRows();
	}

	private static String e164(String national) {
		return "+33" + national.substring(1);
	}

	static List<String> verbs(Document twiml) {
		List<String> verbs = new ArrayList<>();
		NodeList children = twiml.getDocumentElement().getChildNodes();
		for (int i = 0; i < children.getLength(); i++) {
			if (children.item(i).getNodeType() == Node.ELEMENT_NODE) {
				verbs.add(children.item(i).getNodeName());
			}
		}
		return verbs;
	}

	static List<Element> all(Document twiml, String verb) {
		List<Element> found = new ArrayList<>();
		NodeList nodes = twiml.getElementsByTagName(verb);
		for (int i = 0; i < nodes.getLength(); i++) {
			found.add((Element) nodes.item(i));
		}
		return found;
	}

	static Element only(Document twiml, String verb) {
		List<Element> found = all(twiml, verb);
		assertThat(found).as(verb).hasSize(1);
		return found.get(0);
	}

	/** Everything the caller hears, in order. */
	static String spoken(Document twiml) {
		return String.join(" ", all(twiml, "Say").stream().map((say) -> say.getTextContent().strip()).toList());
	}

}
