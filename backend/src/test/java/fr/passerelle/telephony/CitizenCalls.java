package fr.passerelle.telephony;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import fr.passerelle.TestPhones;

import static fr.passerelle.telephony.TwilioWebhookClient.pressed;

/**
 * A citizen's call to the hotline, played as Twilio plays it (signed webhooks) from an
 * ordinary mobile, not a training phone: for the specs that must see a real call arrive.
 */
public final class CitizenCalls {

	private CitizenCalls() {
	}

	/**
	 * Calls, picks theme 1 and the postcode, confirms it, and hangs up: a callback
	 * request when nobody can take the call now, or a caller left waiting otherwise.
	 * @return the call's {@code CallSid}
	 */
	public static String call(int port, String postcode) {
		TwilioWebhookClient twilio = new TwilioWebhookClient(port);
		String mobile = TestPhones.randomMobile();
		Map<String, String> call = TwilioWebhookClient.call("CA" + UUID.randomUUID().toString().replace("-", ""),
				"+33" + mobile.substring(1));
		twilio.post("/telephony/voice/incoming", call);
		twilio.post("/telephony/voice/topic?silences=0", pressed(call, "1"));
		twilio.post("/telephony/voice/postcode?topic=CAF&silences=0", pressed(call, postcode));
		twilio.post("/telephony/voice/confirm?topic=CAF&postcode=" + postcode + "&silences=0", pressed(call, "1"));
		Map<String, String> ended = new LinkedHashMap<>(call);
		ended.put("CallStatus", "completed");
		ended.put("CallDuration", "40");
		twilio.post("/telephony/voice/status", ended);
		return call.get("CallSid");
	}

}
