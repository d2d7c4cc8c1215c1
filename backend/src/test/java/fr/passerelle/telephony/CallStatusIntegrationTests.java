package fr.passerelle.telephony;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import fr.passerelle.IntegrationTest;
import fr.passerelle.TestPhones;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Twilio's status callbacks: a call's record only ever moves forward, whatever order and
 * however many times they arrive.
 */
@IntegrationTest
class CallStatusIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	TwilioWebhookClient twilio;

	Map<String, String> call;

	@BeforeEach
	void answerACall() {
		this.twilio = new TwilioWebhookClient(this.port);
		this.call = TwilioWebhookClient.call("CA" + UUID.randomUUID().toString().replace("-", ""),
				"+33" + TestPhones.randomMobile().substring(1));
		this.twilio.post("/telephony/voice/incoming", this.call);
	}

	@Test
	void keepsTheEndOfACallWhenAnEarlierStatusArrivesAfterIt() {
		assertThat(status("completed", "2", "42").statusCode()).isEqualTo(204);
		status("in-progress", "1", null);
		status("ringing", "0", null);

		assertThat(record()).containsEntry("status", "completed")
			.containsEntry("duration_seconds", 42)
			.containsEntry("outcome", "LEFT_IN_MENU");
	}

	@Test
	void changesNothingWhenTheSameStatusIsDeliveredAgain() {
		status("completed", "1", "3");
		Object endedAt = record().get("ended_at");

		status("completed", "1", "30");
		status("completed", "2", "30");

		assertThat(record()).containsEntry("duration_seconds", 3)
			.containsEntry("outcome", "SHORT_ABANDON")
			.containsEntry("ended_at", endedAt);
	}

	@Test
	void followsACallForwardAndRecordsThatItEndedInACallbackRequest() {
		status("ringing", "0", null);
		status("in-progress", "1", null);
		assertThat(record()).containsEntry("status", "in-progress").containsEntry("outcome", null);
		this.twilio.post("/telephony/voice/confirm?topic=CAF&postcode=35000&silences=0",
				TwilioWebhookClient.pressed(this.call, "1"));

		status("completed", "2", "95");

		assertThat(record()).containsEntry("status", "completed").containsEntry("outcome", "CALLBACK_REQUESTED");
	}

	@Test
	void ignoresUnknownCallsAndStatuses() {
		Map<String, String> stranger = TwilioWebhookClient.call("CA-never-seen", "+33612345678");
		stranger.put("CallStatus", "completed");
		assertThat(this.twilio.post("/telephony/voice/status", stranger).statusCode()).isEqualTo(204);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM telephony_call WHERE call_sid = 'CA-never-seen'")
			.query(Integer.class)
			.single()).isZero();

		assertThat(status("teleported", "5", "1").statusCode()).isEqualTo(204);
		assertThat(status("completed", "not-a-number", "-3").statusCode()).isEqualTo(204);
		assertThat(record()).containsEntry("status", "completed").containsEntry("duration_seconds", null);
	}

	private HttpResponse<String> status(String status, String sequence, String duration) {
		Map<String, String> parameters = new LinkedHashMap<>(this.call);
		parameters.put("CallStatus", status);
		parameters.put("SequenceNumber", sequence);
		if (duration != null) {
			parameters.put("CallDuration", duration);
		}
		return this.twilio.post("/telephony/voice/status", parameters);
	}

	private Map<String, Object> record() {
		return this.jdbc
			.sql("SELECT status, duration_seconds, outcome, ended_at FROM telephony_call WHERE call_sid = ?")
			.param(this.call.get("CallSid"))
			.query()
			.singleRow();
	}

}
