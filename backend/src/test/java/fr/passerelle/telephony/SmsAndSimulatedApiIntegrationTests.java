package fr.passerelle.telephony;

import fr.passerelle.telephony.texts.Texts;
import fr.passerelle.telephony.simulator.TwilioSimulator;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import fr.passerelle.IntegrationTest;
import fr.passerelle.TestPhones;
import fr.passerelle.platform.HotlineNumber;
import fr.passerelle.privacy.PhoneNumber;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The SMS webhook, and the simulated Twilio API as the SDK sees it.
 */
@IntegrationTest
class SmsAndSimulatedApiIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TwilioRestClient twilio;

	@Autowired
	TwilioSettings settings;

	@Autowired
	TwilioSimulator simulator;

	@Autowired
	HotlineNumber hotline;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void answersATextOnceWithHowToGetHelp() {
		TwilioWebhookClient client = new TwilioWebhookClient(this.port);
		Map<String, String> text = new LinkedHashMap<>();
		text.put("MessageSid", "SM" + System.nanoTime());
		text.put("From", PhoneNumber.parse(TestPhones.randomMobile()).e164());
		text.put("To", "+33199001234");
		text.put("Body", "Bonjour, pouvez-vous m'aider ?");
		String token = "token-" + System.nanoTime();

		HttpResponse<String> first = client.postDelivery("/telephony/sms/incoming", text, token);
		HttpResponse<String> again = client.postDelivery("/telephony/sms/incoming", text, token);

		Document reply = TwilioWebhookClient.twiml(first);
		assertThat(VoiceWebhookIntegrationTests.verbs(reply)).containsExactly("Message");
		assertThat(reply.getDocumentElement().getTextContent()).contains("ne lit pas les SMS", "01 99 00 12 34");
		assertThat(VoiceWebhookIntegrationTests.verbs(TwilioWebhookClient.twiml(again))).as("the same delivery again")
			.isEmpty();
		assertThat(client.post("/telephony/sms/incoming", text, (String) null).statusCode()).isEqualTo(403);
	}

	@Test
	void deliversTextsSentThroughTheSdkToTheSimulatedPhone() {
		String to = PhoneNumber.parse(TestPhones.randomMobile()).e164();

		Message message = Message
			.creator(new com.twilio.type.PhoneNumber(to), new com.twilio.type.PhoneNumber(this.hotline.e164()), "Salut")
			.create(this.twilio);

		assertThat(message.getSid()).startsWith("SM");
		assertThat(message.getStatus()).isEqualTo(Message.Status.QUEUED);
		assertThat(this.simulator.inbox(to)).singleElement()
			.satisfies((text) -> assertThat(text.body()).isEqualTo("Salut"));
	}

	@Test
	void refusesWhatTwilioWouldRefuse() {
		TwilioRestClient intruder = new TwilioRestClient.Builder(this.settings.accountSid(), "wrong-token")
			.httpClient(new TwilioHttp(() -> "http://127.0.0.1:" + this.port + TwilioSimulator.API_BASE))
			.build();
		com.twilio.type.PhoneNumber hotline = new com.twilio.type.PhoneNumber(this.hotline.e164());

		assertThatExceptionOfType(ApiException.class).isThrownBy(
				() -> Message.creator(new com.twilio.type.PhoneNumber("+33612345678"), hotline, "x").create(intruder))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(20003));
		assertThatExceptionOfType(ApiException.class).isThrownBy(
				() -> Message.creator(new com.twilio.type.PhoneNumber("0612345678"), hotline, "x").create(this.twilio))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(21211));
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(
					() -> Message
						.creator(new com.twilio.type.PhoneNumber("+33612345678"),
								new com.twilio.type.PhoneNumber("+33600000000"), "x")
						.create(this.twilio))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(21606));
	}

	@Test
	void recordsATextTwilioRefusedAndNeverTriesItAgain() {
		Texts texts = new Texts(this.twilio, new HotlineNumber("+33600000000"), this.jdbc, this.transactions,
				java.time.Clock.systemUTC(), new TelephonyMeters(new SimpleMeterRegistry()));
		String key = "TEST:" + System.nanoTime();
		PhoneNumber to = PhoneNumber.parse(TestPhones.randomMobile());

		assertThat(texts.sendOnce(key, null, null, to, "Bonjour")).isFalse();
		assertThat(texts.sendOnce(key, null, null, to, "Bonjour")).isFalse();

		assertThat(this.jdbc.sql("SELECT status, error FROM sms_message WHERE dedup_key = ?")
			.param(key)
			.query()
			.singleRow()).containsEntry("status", "FAILED").containsEntry("error", "Twilio error 21606");
		assertThat(this.simulator.inbox(to.e164())).isEmpty();
	}

}
