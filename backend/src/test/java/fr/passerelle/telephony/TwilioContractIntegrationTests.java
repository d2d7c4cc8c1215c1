package fr.passerelle.telephony;

import fr.passerelle.telephony.texts.Texts;
import fr.passerelle.telephony.simulator.TwilioSimulator;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import com.twilio.http.TwilioRestClient;
import fr.passerelle.IntegrationTest;
import fr.passerelle.TestPhones;
import fr.passerelle.platform.HotlineNumber;
import fr.passerelle.privacy.PhoneNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request the platform sends to Twilio, checked against Twilio's official OpenAPI
 * description: the SDK is pointed ({@code passerelle.twilio.api-base-url}) at a server
 * that records what it receives.
 */
@IntegrationTest
class TwilioContractIntegrationTests {

	private static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";

	private static TwilioOpenApi twilioApi;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	HotlineNumber hotline;

	private final List<Recorded> requests = new CopyOnWriteArrayList<>();

	private HttpServer server;

	@BeforeAll
	static void loadTwiliosDescription() throws Exception {
		twilioApi = TwilioOpenApi.load();
	}

	@BeforeEach
	void recordRequests() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", (exchange) -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			this.requests
				.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), form(body)));
			String prefix = exchange.getRequestURI().getPath().endsWith("/Calls.json") ? "CA" : "SM";
			byte[] answer = ("{\"sid\": \"" + prefix + "0123456789abcdef0123456789abcdef\", \"status\": \"queued\"}")
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(201, answer.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(answer);
			}
		});
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	@Test
	void sendsTextsAsTwiliosApiDescribesThem() {
		Texts texts = new Texts(client(), this.hotline, this.jdbc, this.transactions, Clock.systemUTC(),
				new TelephonyMeters(new SimpleMeterRegistry()));

		texts.sendOnce("CONTRACT:" + System.nanoTime(), null, null, PhoneNumber.parse(TestPhones.randomMobile()),
				"Passerelle : votre demande K7F-4QX est enregistrée.");

		assertThat(this.requests).hasSize(1);
		assertValid(this.requests);
	}

	@Test
	void placesCallsAsTwiliosApiDescribesThem() {
		String sid = CallbackCalls
			.volunteerCall("https://passerelle.example", PhoneNumber.parse(TestPhones.randomMobile()), this.hotline, 42,
					7)
			.create(client())
			.getSid();

		assertThat(sid).startsWith("CA");
		assertThat(this.requests).singleElement()
			.satisfies((request) -> assertThat(request.form()).containsKeys("To", "From", "Url", "StatusCallback",
					"StatusCallbackEvent", "Timeout"))
			.satisfies((request) -> assertThat(request.form().get("StatusCallbackEvent")).hasSize(4));
		assertValid(this.requests);
	}

	@Test
	void ringsVolunteersAndTakesCallersOutOfTheQueueAsTwiliosApiDescribesIt() {
		LiveCalls
			.offerCall("https://passerelle.example", PhoneNumber.parse(TestPhones.randomMobile()), this.hotline, 42, 7)
			.create(client());
		LiveCalls.cancel("CA0123456789abcdef0123456789abcdef").update(client());
		LiveCalls
			.dequeue("https://passerelle.example",
					new CallStore.Waiting("CA0123456789abcdef0123456789abcdef",
							TwilioSimulator.queueSid(LiveCalls.QUEUE)),
					42, 7)
			.update(client());

		assertThat(this.requests).extracting(Recorded::path)
			.containsExactly("/2010-04-01/Accounts/" + ACCOUNT + "/Calls.json",
					"/2010-04-01/Accounts/" + ACCOUNT + "/Calls/CA0123456789abcdef0123456789abcdef.json",
					"/2010-04-01/Accounts/" + ACCOUNT + "/Queues/" + TwilioSimulator.queueSid(LiveCalls.QUEUE)
							+ "/Members/CA0123456789abcdef0123456789abcdef.json");
		assertValid(this.requests);
	}

	private static void assertValid(List<Recorded> requests) {
		for (Recorded request : requests) {
			assertThat(twilioApi.violationsOf(request.method(), request.path(), request.form()))
				.as(request.method() + " " + request.path())
				.isEmpty();
		}
	}

	@Test
	void findsWhatTwiliosApiWouldRefuse() {
		String messages = "/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json";

		assertThat(twilioApi.violations("POST", messages, Map.of("Bdy", "x", "From", "0199001234")))
			.containsExactlyInAnyOrder("required parameter To missing", "parameter Bdy is not defined",
					"parameter From is not a phone number");
		assertThat(
				twilioApi.violations("POST", "/2010-04-01/Accounts/nope/Messages.json", Map.of("To", "+33612345678")))
			.singleElement()
			.asString()
			.contains("AccountSid");
		assertThat(twilioApi.violations("PATCH", messages, Map.of())).singleElement().asString().contains("PATCH");
		assertThat(twilioApi.violationsOf("POST", "/2010-04-01/Accounts/" + ACCOUNT + "/Calls.json",
				Map.of("To", List.of("+33612345678"), "From", List.of("+33199001234"), "Url",
						List.of("https://passerelle.example/telephony/voice/x"), "Timeout", List.of("soon"),
						"StatusCallbackMethod", List.of("PUT"), "Method", List.of("POST", "GET"))))
			.containsExactlyInAnyOrder("parameter Timeout is not an integer",
					"parameter StatusCallbackMethod 'PUT' is not one of [GET, POST]",
					"parameter Method is given 2 times");
		assertThat(twilioApi.violations("POST", "/2010-04-01/Nothing.json", Map.of())).isNotEmpty();
	}

	private TwilioRestClient client() {
		String base = "http://127.0.0.1:" + this.server.getAddress().getPort();
		return new TwilioRestClient.Builder(ACCOUNT, "token").httpClient(new TwilioHttp(() -> base)).build();
	}

	private static Map<String, List<String>> form(String body) {
		Map<String, List<String>> form = new LinkedHashMap<>();
		for (String pair : body.split("&")) {
			if (!pair.isEmpty()) {
				String[] parts = pair.split("=", 2);
				form.computeIfAbsent(URLDecoder.decode(parts[0], StandardCharsets.UTF_8), (name) -> new ArrayList<>())
					.add((parts.length > 1) ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
			}
		}
		return form;
	}

	private record Recorded(String method, String path, Map<String, List<String>> form) {
	}

}
