package fr.passerelle.telephony.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.passerelle.platform.HotlineNumber;
import fr.passerelle.telephony.TwilioSettings;

import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The part of Twilio's REST API (2010-04-01) that the platform calls, answered by the
 * simulator as Twilio would: the same paths, form parameters, Basic authentication with
 * the account SID and auth token, JSON answers and error codes. Twilio's SDK reaches it
 * through {@link TwilioHttp}. It exists in simulator mode only ({@link SimulatorMode}):
 * with a Twilio account there is no such path.
 */
@Conditional(SimulatorMode.class)
@RestController
@RequestMapping(TwilioSimulator.API_BASE + "/2010-04-01/Accounts/{accountSid}")
class SimulatedTwilioApi {

	private static final DateTimeFormatter RFC_2822 = DateTimeFormatter.RFC_1123_DATE_TIME;

	private static final int MAX_BODY = 1600;

	private final TwilioSettings settings;

	private final TwilioSimulator simulator;

	private final HotlineNumber hotline;

	private final SimulatedCalls calls;

	private final Clock clock;

	SimulatedTwilioApi(TwilioSettings settings, TwilioSimulator simulator, HotlineNumber hotline, SimulatedCalls calls,
			Clock clock) {
		this.settings = settings;
		this.simulator = simulator;
		this.hotline = hotline;
		this.calls = calls;
		this.clock = clock;
	}

	@PostMapping("/Messages.json")
	ResponseEntity<Map<String, Object>> createMessage(@PathVariable String accountSid,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestParam(name = "To", required = false) String to,
			@RequestParam(name = "From", required = false) String from,
			@RequestParam(name = "Body", required = false) String body) {
		ResponseEntity<Map<String, Object>> refused = refusal(accountSid, authorization);
		if (refused != null) {
			return refused;
		}
		if (to == null || !to.matches("\\+[1-9]\\d{7,14}")) {
			return error(HttpStatus.BAD_REQUEST, 21211, "The 'To' number " + to + " is not a valid phone number.");
		}
		if (from == null || !from.equals(this.hotline.e164())) {
			return error(HttpStatus.BAD_REQUEST, 21606, "The From phone number " + from
					+ " is not a valid, SMS-capable inbound phone number for your account.");
		}
		if (body == null || body.isBlank()) {
			return error(HttpStatus.BAD_REQUEST, 21602, "Message body is required.");
		}
		if (body.length() > MAX_BODY) {
			return error(HttpStatus.BAD_REQUEST, 21617,
					"The concatenated message body exceeds the 1600 character limit.");
		}
		TwilioSimulator.Text text = this.simulator.deliver(from, to, body);
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("sid", text.sid());
		message.put("account_sid", accountSid);
		message.put("to", to);
		message.put("from", from);
		message.put("body", body);
		message.put("status", "queued");
		message.put("direction", "outbound-api");
		message.put("num_segments", String.valueOf(segments(body)));
		message.put("date_created", RFC_2822.format(text.receivedAt().atOffset(ZoneOffset.UTC)));
		message.put("api_version", "2010-04-01");
		message.put("uri", "/2010-04-01/Accounts/" + accountSid + "/Messages/" + text.sid() + ".json");
		return ResponseEntity.status(HttpStatus.CREATED).body(message);
	}

	/**
	 * Places a call from the hotline's number; its phone rings, and when it answers the
	 * simulator fetches {@code Url}.
	 */
	@PostMapping("/Calls.json")
	ResponseEntity<Map<String, Object>> createCall(@PathVariable String accountSid,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestParam(name = "To", required = false) String to,
			@RequestParam(name = "From", required = false) String from,
			@RequestParam(name = "Url", required = false) String url,
			@RequestParam(name = "Method", required = false) String method,
			@RequestParam(name = "StatusCallback", required = false) String statusCallback,
			@RequestParam(name = "StatusCallbackEvent", required = false) List<String> statusCallbackEvents,
			@RequestParam(name = "Timeout", required = false) String timeout) {
		ResponseEntity<Map<String, Object>> refused = refusal(accountSid, authorization);
		if (refused != null) {
			return refused;
		}
		if (to == null || !to.matches("\\+[1-9]\\d{7,14}")) {
			return error(HttpStatus.BAD_REQUEST, 21211, "The 'To' number " + to + " is not a valid phone number.");
		}
		if (from == null || !from.equals(this.hotline.e164())) {
			return error(HttpStatus.BAD_REQUEST, 21210,
					"The source phone number provided, " + from + ", is not yet verified for your account.");
		}
		if (url == null || !url.matches("https?://.+")) {
			return error(HttpStatus.BAD_REQUEST, 21205, "Url is not a valid URL: " + url);
		}
		if (method != null && !method.equals("POST")) {
			return error(HttpStatus.BAD_REQUEST, 21208, "The simulator fetches TwiML with POST only.");
		}
		int ringSeconds = (timeout != null && timeout.matches("\\d{1,3}")) ? Integer.parseInt(timeout) : 60;
		if (ringSeconds < 1 || ringSeconds > 600) {
			return error(HttpStatus.BAD_REQUEST, 21216, "Timeout must be between 1 and 600 seconds.");
		}
		SimulatedCall.Callback callback = (statusCallback != null)
				? new SimulatedCall.Callback(statusCallback,
						Set.copyOf((statusCallbackEvents != null) ? statusCallbackEvents : List.of("completed")))
				: null;
		SimulatedCall call = this.calls.place(to, from, url, callback, ringSeconds);
		Map<String, Object> created = new LinkedHashMap<>();
		created.put("sid", call.sid());
		created.put("account_sid", accountSid);
		created.put("to", to);
		created.put("to_formatted", to);
		created.put("from", from);
		created.put("from_formatted", from);
		created.put("status", "queued");
		created.put("direction", call.direction());
		created.put("parent_call_sid", null);
		created.put("date_created", RFC_2822.format(this.clock.instant().atOffset(ZoneOffset.UTC)));
		created.put("api_version", "2010-04-01");
		created.put("uri", "/2010-04-01/Accounts/" + accountSid + "/Calls/" + call.sid() + ".json");
		return ResponseEntity.status(HttpStatus.CREATED).body(created);
	}

	/**
	 * Changes a call under way: {@code Status=canceled} (still ringing) or
	 * {@code completed}, or {@code Url} to redirect it.
	 */
	@PostMapping("/Calls/{callSid}.json")
	ResponseEntity<Map<String, Object>> updateCall(@PathVariable String accountSid, @PathVariable String callSid,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestParam(name = "Status", required = false) String status,
			@RequestParam(name = "Url", required = false) String url) {
		ResponseEntity<Map<String, Object>> refused = refusal(accountSid, authorization);
		if (refused != null) {
			return refused;
		}
		if (status != null && !status.equals("canceled") && !status.equals("completed")) {
			return error(HttpStatus.BAD_REQUEST, 21218, "Invalid call status: " + status);
		}
		if (status == null && (url == null || !url.matches("https?://.+"))) {
			return error(HttpStatus.BAD_REQUEST, 21205, "Url is not a valid URL: " + url);
		}
		return this.calls.update(callSid, status, url).map((call) -> {
			Map<String, Object> updated = new LinkedHashMap<>();
			updated.put("sid", call.sid());
			updated.put("account_sid", accountSid);
			updated.put("to", call.to());
			updated.put("from", call.from());
			updated.put("direction", call.direction());
			updated.put("status", (status != null) ? status : "in-progress");
			updated.put("api_version", "2010-04-01");
			updated.put("uri", "/2010-04-01/Accounts/" + accountSid + "/Calls/" + callSid + ".json");
			return ResponseEntity.ok(updated);
		})
			.orElseGet(() -> error(HttpStatus.NOT_FOUND, 20404, "The requested resource /2010-04-01/Accounts/"
					+ accountSid + "/Calls/" + callSid + ".json was not found"));
	}

	/**
	 * Takes a caller out of a queue to the TwiML at {@code Url} (Twilio's "update a queue
	 * member").
	 */
	@PostMapping("/Queues/{queueSid}/Members/{callSid}.json")
	ResponseEntity<Map<String, Object>> dequeue(@PathVariable String accountSid, @PathVariable String queueSid,
			@PathVariable String callSid,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestParam(name = "Url", required = false) String url,
			@RequestParam(name = "Method", required = false) String method) {
		ResponseEntity<Map<String, Object>> refused = refusal(accountSid, authorization);
		if (refused != null) {
			return refused;
		}
		if (url == null || !url.matches("https?://.+")) {
			return error(HttpStatus.BAD_REQUEST, 21205, "Url is not a valid URL: " + url);
		}
		if (method != null && !method.equals("POST")) {
			return error(HttpStatus.BAD_REQUEST, 21208, "The simulator fetches TwiML with POST only.");
		}
		return this.calls.dequeue(queueSid, callSid, url).map((member) -> {
			Map<String, Object> answer = new LinkedHashMap<>(member);
			answer.put("date_enqueued", RFC_2822.format(this.clock.instant().atOffset(ZoneOffset.UTC)));
			answer.put("uri",
					"/2010-04-01/Accounts/" + accountSid + "/Queues/" + queueSid + "/Members/" + callSid + ".json");
			return ResponseEntity.ok(answer);
		})
			.orElseGet(() -> error(HttpStatus.NOT_FOUND, 20404, "The requested resource /2010-04-01/Accounts/"
					+ accountSid + "/Queues/" + queueSid + "/Members/" + callSid + ".json was not found"));
	}

	private ResponseEntity<Map<String, Object>> refusal(String accountSid, String authorization) {
		String expected = "Basic " + Base64.getEncoder()
			.encodeToString(
					(this.settings.accountSid() + ":" + this.settings.authToken()).getBytes(StandardCharsets.UTF_8));
		if (authorization == null
				|| !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
						authorization.getBytes(StandardCharsets.UTF_8))
				|| !this.settings.accountSid().equals(accountSid)) {
			return error(HttpStatus.UNAUTHORIZED, 20003, "Authenticate");
		}
		return null;
	}

	/** Segments of 160 GSM characters, or of 70 when the text needs Unicode. */
	private static int segments(String body) {
		boolean gsm = body.chars().allMatch((c) -> c < 128 || "éèùìòÇØøÅåÄÖÑÜäöñüà€£¥".indexOf(c) >= 0);
		int single = gsm ? 160 : 70;
		int multi = gsm ? 153 : 67;
		return (body.length() <= single) ? 1 : (body.length() + multi - 1) / multi;
	}

	private static ResponseEntity<Map<String, Object>> error(HttpStatus status, int code, String message) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("code", code);
		error.put("message", message);
		error.put("more_info", "https://www.twilio.com/docs/errors/" + code);
		error.put("status", status.value());
		return ResponseEntity.status(status).body(error);
	}

}
