package fr.passerelle.telephony;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import fr.passerelle.HostileInput;
import fr.passerelle.IntegrationTest;
import fr.passerelle.StaffClient;
import fr.passerelle.TestAccounts;
import fr.passerelle.TestPhones;
import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input, generated ({@link HostileInput}: any code point, control characters,
 * lone surrogates, very long values, scripts, template and SQL fragments, JSON of the
 * wrong shape) and sent where strangers and staff can send it: the citizen form and
 * search, every Twilio webhook (signed, as Twilio or a leaked token would), every
 * endpoint of the JSON API (as an administrator, who reaches most). No answer is a 500 or
 * shows a stack trace, a webhook always gets well-formed TwiML, and no page gives a
 * script back unescaped. Each failure names the seed that replays it.
 */
@IntegrationTest
class HostileInputIntegrationTests {

	private static final List<String> FIELDS = List.of("phone", "body", "email", "password", "currentPassword",
			"newPassword", "role", "regionCode", "enabled", "topic", "postcode", "firstName", "reason", "status",
			"code", "slots", "keys", "skills", "departement", "displayName", "languages", "followUpOf", "recipient",
			"completion", "autonomy", "supportType", "durationMinutes", "slug", "title", "steps", "level", "page",
			"size", "from", "to", "action", "actor", "target", "before", "q");

	private static final List<String> TWILIO_FIELDS = List.of("From", "To", "CallSid", "Digits", "CallStatus",
			"MessageSid", "Body", "QueueSid", "QueueTime", "DialCallStatus", "CallDuration", "SequenceNumber",
			"Direction", "AccountSid", "ParentCallSid", "Timestamp", "SpeechResult", "ErrorCode");

	private static final List<String> RAW_BODIES = List.of("", "null", "[]", "{", "{\"phone\":",
			"[".repeat(2000) + "]".repeat(2000), "{\"a\":" + "{\"a\":".repeat(3000) + "1" + "}".repeat(3001));

	private static final Pattern PATH_VARIABLE = Pattern.compile("\\{[^}]+\\}");

	private final JsonMapper json = JsonMapper.builder().build();

	private final HostileInput input = new HostileInput();

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void theCitizenFormAndSearchTakeAnythingAndGiveNoScriptBack() {
		StaffClient browser = new StaffClient(this.port);
		List<String> failures = new ArrayList<>();
		for (int i = 0; i < 150; i++) {
			Map<String, String> form = new LinkedHashMap<>();
			for (String field : List.of("phone", "topic", "postcode", "firstName", "slots")) {
				form.put(field, this.input.text());
			}
			form.put("consent", this.input.pick(List.of("true", "", "on", this.input.text())));
			form.put("website", "");
			HttpRequest.Builder post = browser.request("/rappel")
				.header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
				.header("Accept", "text/html")
				// as many citizens behind the proxy, so that the limits per address do
				// not stop the form before its checks
				.header("X-Forwarded-For", "198.51.100." + (i % 250))
				.POST(BodyPublishers.ofString(formBody(form)));
			check("POST /rappel " + form, browser.send(post), failures);
		}
		for (int i = 0; i < 60; i++) {
			String query = this.input.text();
			for (String path : List.of("/tutoriels?q=", "/?q=", "/rappel?topic=")) {
				HttpResponse<String> page = browser
					.send(browser.request(path + encode(query)).header("Accept", "text/html").GET());
				check("GET " + path + query, page, failures);
			}
		}
		assertThat(failures).as("seed %d", this.input.seed()).isEmpty();
	}

	@Test
	void everyWebhookAnswersWellFormedTwimlWhateverTwilioOrAForgerSends() {
		TwilioWebhookClient twilio = new TwilioWebhookClient(this.port);
		Set<String> webhooks = new TreeSet<>();
		this.mappings.getHandlerMethods().keySet().forEach((info) -> info.getPatternValues().forEach((pattern) -> {
			if (pattern.startsWith("/telephony/")) {
				webhooks.add(pattern);
			}
		}));
		assertThat(webhooks).contains("/telephony/voice/incoming", "/telephony/sms/incoming");
		List<String> failures = new ArrayList<>();
		for (String webhook : webhooks) {
			for (int i = 0; i < 25; i++) {
				Map<String, String> query = this.input.map(List.of("ticket", "volunteer", "silences", "call", "leg"),
						this.input::text, 3);
				String path = webhook + (query.isEmpty() ? "" : "?" + formBody(query));
				Map<String, String> params = new LinkedHashMap<>(this.input.map(TWILIO_FIELDS, this.input::text, 8));
				params.putIfAbsent("From", TestPhones.randomMobile());
				HttpResponse<String> answer;
				try {
					answer = twilio.post(path, params);
				}
				catch (IllegalStateException dropped) {
					// a request line past Tomcat's 8 KB is refused before it is read: the
					// 400 may reach the client as a closed connection instead
					if (path.length() > 8 * 1024 && dropped.getCause() instanceof IOException) {
						continue;
					}
					throw dropped;
				}
				String what = "POST " + path + " " + params;
				check(what, answer, failures);
				if (answer.statusCode() == 200 && answer.headers().firstValue("Content-Type").orElse("").contains("xml")
						&& !wellFormed(answer.body())) {
					failures.add(what + " -> TwiML that does not parse: " + answer.body());
				}
			}
		}
		assertThat(failures).as("seed %d", this.input.seed()).isEmpty();
	}

	@Test
	void everyEndpointOfTheApiRefusesHostileJsonCleanly() {
		StaffClient admin = TestAccounts.signedIn(this.accounts, Role.ADMIN, this.port);
		Set<String> endpoints = new TreeSet<>();
		this.mappings.getHandlerMethods().keySet().forEach((info) -> {
			Set<String> methods = new TreeSet<>();
			info.getMethodsCondition().getMethods().forEach((method) -> methods.add(method.name()));
			for (String pattern : info.getPatternValues()) {
				if (pattern.startsWith("/api/") || pattern.startsWith("/twilio/")) {
					methods.forEach((method) -> endpoints.add(method + " " + pattern));
				}
			}
		});
		assertThat(endpoints).hasSizeGreaterThan(50);
		List<String> failures = new ArrayList<>();
		for (String endpoint : endpoints) {
			String method = endpoint.substring(0, endpoint.indexOf(' '));
			String pattern = endpoint.substring(endpoint.indexOf(' ') + 1);
			for (int i = 0; i < 8; i++) {
				String path = PATH_VARIABLE.matcher(pattern)
					.replaceAll(Matcher.quoteReplacement(encode(this.input.text())));
				Map<String, String> query = this.input.map(FIELDS, this.input::text, 4);
				String body = switch (this.input.between(0, 2)) {
					case 0 ->
						this.json.writeValueAsString(this.input.map(FIELDS, () -> this.input.jsonValue(FIELDS), 6));
					case 1 -> this.input.text();
					default -> this.input.pick(RAW_BODIES);
				};
				String target = path + (query.isEmpty() ? "" : "?" + formBody(query));
				HttpRequest.Builder request = admin.withCsrf(admin.request(target)
					.header("Content-Type", "application/json")
					.method(method, "GET".equals(method) ? BodyPublishers.noBody() : BodyPublishers.ofString(body)));
				check(method + " " + shortened(target) + " " + shortened(body), sendOnce(admin, request), failures);
			}
		}
		assertThat(failures).as("seed %d", this.input.seed()).isEmpty();
	}

	/**
	 * Sends the request, again once on a new connection if the pooled one was closed
	 * under it (the JDK's client may reuse a kept-alive connection as the server closes
	 * it; no answer is not an answer to judge).
	 */
	private static HttpResponse<String> sendOnce(StaffClient client, HttpRequest.Builder request) {
		try {
			return client.send(request);
		}
		catch (UncheckedIOException closed) {
			if (closed.getMessage() == null || !closed.getMessage().contains("received no bytes")) {
				throw closed;
			}
			return client.send(request);
		}
	}

	/**
	 * A failure is a 5xx, a stack trace, or a page that gives the script back as it came.
	 */
	private static void check(String what, HttpResponse<String> answer, List<String> failures) {
		String body = answer.body();
		String type = answer.headers().firstValue("Content-Type").orElse("");
		if (answer.statusCode() >= 500) {
			failures.add(shortened(what) + " -> " + answer.statusCode() + " " + shortened(body));
		}
		else if (body.contains("\tat java.") || body.contains("\tat fr.passerelle") || body.contains("Exception:")) {
			failures.add(shortened(what) + " -> a stack trace");
		}
		else if (type.contains("html") && body.contains(HostileInput.SCRIPT)) {
			failures.add(shortened(what) + " -> the script is back in the page, unescaped");
		}
	}

	private static boolean wellFormed(String xml) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
			return true;
		}
		catch (Exception ex) {
			return false;
		}
	}

	private static String formBody(Map<String, String> form) {
		List<String> pairs = new ArrayList<>();
		form.forEach((name, value) -> pairs.add(encode(name) + "=" + encode(value)));
		return String.join("&", pairs);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String shortened(String text) {
		return (text.length() > 300) ? text.substring(0, 300) + "…" : text;
	}

}
