package fr.passerelle.telephony;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import fr.passerelle.IntegrationTest;
import fr.passerelle.TestPhones;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.w3c.dom.Document;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static fr.passerelle.telephony.TwilioWebhookClient.call;
import static fr.passerelle.telephony.TwilioWebhookClient.pressed;
import static fr.passerelle.telephony.TwilioWebhookClient.twiml;
import static fr.passerelle.telephony.VoiceWebhookIntegrationTests.only;
import static fr.passerelle.telephony.VoiceWebhookIntegrationTests.spoken;
import static fr.passerelle.telephony.VoiceWebhookIntegrationTests.verbs;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Twilio's fallback URL: a caller still leaves a callback request when the main path
 * failed, even while the database cannot record it.
 */
@IntegrationTest
class FallbackIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FallbackSpool spool;

	@MockitoSpyBean
	InboundCalls calls;

	@Value("${passerelle.telephony.spool-dir}")
	Path spoolDirectory;

	TwilioWebhookClient twilio;

	Map<String, String> call;

	String mobile;

	@BeforeEach
	void newCall() {
		this.twilio = new TwilioWebhookClient(this.port);
		this.mobile = TestPhones.randomMobile();
		this.call = call("CA" + UUID.randomUUID().toString().replace("-", ""), "+33" + this.mobile.substring(1));
	}

	@AfterEach
	void databaseBack() {
		Mockito.reset(this.calls);
	}

	@Test
	void asksForThePostcodeAndTakesTheRequest() {
		Document first = twiml(this.twilio.post("/telephony/voice/fallback", this.call));
		assertThat(spoken(first))
			.startsWith("Bonjour, vous êtes bien chez Passerelle. Nous avons un problème technique");
		assertThat(only(first, "Gather").getAttribute("action")).isEqualTo("/telephony/voice/fallback/postcode");

		Document recorded = twiml(this.twilio.post("/telephony/voice/fallback/postcode", pressed(this.call, "35000")));

		assertThat(spoken(recorded)).contains("Votre numéro de dossier est");
		assertThat(ticketsOf(this.call)).containsExactly("OTHER");
	}

	@Test
	void keepsTheRequestWhileTheDatabaseIsDownAndRecordsItWhenItIsBack() throws Exception {
		Mockito.doThrow(new CannotGetJdbcConnectionException("database down"))
			.when(this.calls)
			.requestCallback(Mockito.anyString(), Mockito.any(), Mockito.any(), Mockito.any());

		Document answer = twiml(this.twilio.post("/telephony/voice/fallback/postcode", pressed(this.call, "35000")));

		assertThat(spoken(answer)).contains("Votre demande de rappel est enregistrée.");
		assertThat(verbs(answer)).endsWith("Hangup");
		assertThat(ticketsOf(this.call)).isEmpty();
		List<Path> kept = kept();
		assertThat(kept).hasSize(1);
		assertThat(Files.readString(kept.get(0))).as("the number is kept encrypted")
			.doesNotContain(this.mobile.substring(1));

		Mockito.reset(this.calls);
		assertThat(this.spool.replay()).isEqualTo(1);

		assertThat(ticketsOf(this.call)).containsExactly("OTHER");
		assertThat(kept()).isEmpty();
	}

	@Test
	void keepsTheRequestOfACallerInTheMainMenuWhenTheDatabaseStopsAnswering() throws Exception {
		Mockito.doThrow(new CannotGetJdbcConnectionException("database down"))
			.when(this.calls)
			.requestCallback(Mockito.anyString(), Mockito.any(), Mockito.any(), Mockito.any(), Mockito.any());
		Mockito.doThrow(new CannotGetJdbcConnectionException("database down"))
			.when(this.calls)
			.waitOnLine(Mockito.anyString(), Mockito.any(), Mockito.any(), Mockito.any());

		Document answer = twiml(this.twilio.post("/telephony/voice/confirm?topic=CAF&postcode=35000&silences=0",
				pressed(this.call, "1")));

		assertThat(spoken(answer)).contains("Votre demande de rappel est enregistrée.");
		assertThat(kept()).hasSize(1);

		Mockito.reset(this.calls);
		assertThat(this.spool.replay()).isEqualTo(1);
		assertThat(ticketsOf(this.call)).containsExactly("CAF");
	}

	@Test
	void sendsACallerToTheFallbacksMenuWhenTheDatabaseStopsAnswering() {
		Mockito.doThrow(new CannotGetJdbcConnectionException("database down"))
			.when(this.calls)
			.answered(Mockito.anyString());

		Document answer = twiml(this.twilio.post("/telephony/voice/incoming", this.call));

		assertThat(verbs(answer)).containsExactly("Redirect");
		assertThat(only(answer, "Redirect").getTextContent()).isEqualTo("/telephony/voice/fallback");
	}

	@Test
	void asksAgainForAPostcodeThatDoesNotExist() {
		Document again = twiml(this.twilio.post("/telephony/voice/fallback/postcode", pressed(this.call, "00000")));

		assertThat(spoken(again)).startsWith("Le code postal 0, 0, 0, 0, 0 n'existe pas.");
		assertThat(only(again, "Gather").getAttribute("action")).isEqualTo("/telephony/voice/fallback/postcode");
	}

	private List<Path> kept() throws Exception {
		if (!Files.isDirectory(this.spoolDirectory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(this.spoolDirectory)) {
			return files.filter((file) -> file.toString().endsWith(".request")).toList();
		}
	}

	private List<String> ticketsOf(Map<String, String> call) {
		return this.jdbc.sql("""
				SELECT t.topic_code FROM ticket t JOIN telephony_call c ON c.ticket_id = t.id WHERE c.call_sid = ?""")
			.param(call.get("CallSid"))
			.query(String.class)
			.list();
	}

}
