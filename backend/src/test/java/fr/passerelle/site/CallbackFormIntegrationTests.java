package fr.passerelle.site;

import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import fr.passerelle.IntegrationTest;
import fr.passerelle.StaffClient;
import fr.passerelle.TestPhones;
import fr.passerelle.ticket.TicketQueries;
import fr.passerelle.ticket.TicketReference;
import fr.passerelle.ticket.TicketSource;
import fr.passerelle.ticket.TicketStatus;
import fr.passerelle.ticket.TicketView;
import fr.passerelle.ticket.TimeSlot;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class CallbackFormIntegrationTests {

	private static final Pattern REFERENCE = Pattern.compile("<strong>([A-Z0-9]{3}-[A-Z0-9]{3})</strong>");

	@LocalServerPort
	int port;

	@Autowired
	TicketQueries tickets;

	@Autowired
	JdbcClient jdbc;

	@Test
	void showsAFormThatNeedsNoJavaScript() {
		HttpResponse<String> page = citizen().get("/rappel");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).doesNotContainIgnoringCase("<script")
			.contains("<label for=\"phone\">Votre numéro de téléphone</label>")
			.contains("autocomplete=\"tel\"")
			.contains("<legend>Pour quelle démarche ?</legend>")
			.contains("<label for=\"topic-CAF\">CAF &amp; prestations sociales</label>")
			.contains("<label for=\"slot-AFTERNOON\">L&#39;après-midi (14 h – 18 h)</label>")
			.contains("J&#39;accepte d&#39;être rappelé");
		assertThat(page.body().getBytes(StandardCharsets.UTF_8).length).isLessThan(150 * 1024);
	}

	@Test
	void takesARequestAndGivesItsReferenceWithoutAnySession() {
		StaffClient citizen = citizen();
		HttpResponse<String> done = post(citizen, form(TestPhones.randomMobile(), "HEALTH", "35000"));

		assertThat(done.statusCode()).isEqualTo(200);
		assertThat(done.body()).contains("Votre demande est enregistrée")
			.contains("Un médiateur vous appellera dès que possible")
			.contains("href=\"tel:+33199001234\"");
		TicketView ticket = this.tickets.findByReference(new TicketReference(reference(done))).orElseThrow();
		assertThat(ticket.source()).isEqualTo(TicketSource.WEB_FORM);
		assertThat(ticket.status()).isEqualTo(TicketStatus.QUEUED);
		assertThat(ticket.departementCode()).isEqualTo("35");
		assertThat(ticket.firstName()).isEqualTo("Yvette");
		assertThat(ticket.preferredSlots()).containsExactlyInAnyOrder(TimeSlot.MORNING, TimeSlot.AFTERNOON);
		assertThat(citizen.cookie("SESSION")).isEmpty();
	}

	@Test
	void listsEveryProblemInTheOrderOfTheFormAndKeepsWhatWasTyped() {
		long before = tickets();
		Map<String, String> form = form("123", "ASTROLOGY", "99999");
		form.remove("consent");
		form.put("firstName", "Y".repeat(61));

		HttpResponse<String> refused = post(citizen(), form);

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("<title>Erreur – Être rappelé – Passerelle</title>");
		String summary = refused.body().substring(refused.body().indexOf("error-summary"));
		assertThat(summary.indexOf("href=\"#phone\"")).isLessThan(summary.indexOf("href=\"#topic\""));
		assertThat(summary.indexOf("href=\"#topic\"")).isLessThan(summary.indexOf("href=\"#postcode\""));
		assertThat(summary.indexOf("href=\"#postcode\"")).isLessThan(summary.indexOf("href=\"#firstName\""));
		assertThat(summary.indexOf("href=\"#firstName\"")).isLessThan(summary.indexOf("href=\"#consent\""));
		assertThat(refused.body()).contains("Le code postal 99999 n&#39;existe pas.")
			.contains("Le prénom doit tenir en 60 caractères.")
			.contains("value=\"99999\"")
			.contains("aria-invalid=\"true\"");
		assertThat(tickets()).isEqualTo(before);
	}

	@Test
	void takesTheRequestWhenATimeSaysNothing() {
		// as the fuzz test sent it: a NUL character, which binds to no time at all (it
		// made the page fail)
		Map<String, String> form = form(TestPhones.randomMobile(), "CAF", "35000");
		form.put("slots", "MORNING,\u0000");

		HttpResponse<String> taken = post(citizen(), form);

		assertThat(taken.statusCode()).isEqualTo(200);
		assertThat(taken.body()).contains("<h1>Votre demande est enregistrée</h1>");
	}

	@Test
	void refusesSlotsWhenTheHelpDeskIsNeverOpenForThatCitizen() {
		Map<String, String> form = form(TestPhones.randomMobile(), "CAF", "97400");
		form.put("slots", "MORNING");

		HttpResponse<String> refused = post(citizen(), form);

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("Nous ne sommes jamais ouverts à ces moments-là");
	}

	@Test
	void limitsTheRequestsOfOneNumberToThreeAnHour() {
		String phone = TestPhones.randomMobile();
		StaffClient citizen = citizen();
		for (String topic : new String[] { "CAF", "TAXES", "HOUSING" }) {
			assertThat(post(citizen, form(phone, topic, "13001")).statusCode()).isEqualTo(200);
		}

		HttpResponse<String> fourth = post(citizen, form(phone, "BANKING", "13001"));

		assertThat(fourth.statusCode()).isEqualTo(400);
		assertThat(fourth.body()).contains("Vous avez déjà fait plusieurs demandes dans l&#39;heure.");
		assertThat(post(citizen, form(TestPhones.randomMobile(), "BANKING", "13001")).statusCode())
			.as("another number from the same address")
			.isEqualTo(200);
	}

	@Test
	void limitsEachCitizenBehindTheProxyOnTheirOwn() {
		// the tests' requests come from the loopback, a trusted proxy, as the
		// TLS-terminating proxy's do in production
		String address = "203.0.113." + ThreadLocalRandom.current().nextInt(1, 255);
		String neighbour = "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255);
		StaffClient proxy = citizen();
		for (int i = 0; i < CallbackFormController.PER_ADDRESS_PER_HOUR; i++) {
			assertThat(post(proxy, form(TestPhones.randomMobile(), "CAF", "13001"), address).statusCode())
				.isEqualTo(200);
		}

		HttpResponse<String> tooMany = post(proxy, form(TestPhones.randomMobile(), "CAF", "13001"), address);

		assertThat(tooMany.statusCode()).isEqualTo(400);
		assertThat(tooMany.body()).contains("Vous avez déjà fait plusieurs demandes dans l&#39;heure.");
		assertThat(post(proxy, form(TestPhones.randomMobile(), "CAF", "13001"), neighbour).statusCode())
			.as("another citizen behind the same proxy")
			.isEqualTo(200);
	}

	@Test
	void turnsAwayRobotsThatFillTheHiddenField() {
		long before = tickets();
		Map<String, String> form = form(TestPhones.randomMobile(), "CAF", "75001");
		form.put("website", "http://spam.example");

		assertThat(post(citizen(), form).statusCode()).isEqualTo(400);
		assertThat(tickets()).isEqualTo(before);
	}

	@Test
	void givesTheSameReferenceWhenTheFormIsSentTwice() {
		Map<String, String> form = form(TestPhones.randomMobile(), "IDENTITY", "69003");

		String first = reference(post(citizen(), form));
		String second = reference(post(citizen(), form));

		assertThat(second).isEqualTo(first);
	}

	private StaffClient citizen() {
		return new StaffClient(this.port);
	}

	private static HttpResponse<String> post(StaffClient citizen, Map<String, String> form) {
		return post(citizen, form, null);
	}

	private static HttpResponse<String> post(StaffClient citizen, Map<String, String> form, String forwardedFor) {
		String body = form.entrySet()
			.stream()
			.flatMap((e) -> java.util.Arrays.stream(e.getValue().split(","))
				.map((v) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
						+ URLEncoder.encode(v, StandardCharsets.UTF_8)))
			.collect(Collectors.joining("&"));
		var request = citizen.request("/rappel")
			.setHeader("Accept", "text/html")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(body));
		if (forwardedFor != null) {
			request.header("X-Forwarded-For", forwardedFor).header("X-Forwarded-Proto", "https");
		}
		return citizen.send(request);
	}

	private static Map<String, String> form(String phone, String topic, String postcode) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("phone", phone);
		form.put("topic", topic);
		form.put("postcode", postcode);
		form.put("firstName", "Yvette");
		form.put("slots", "MORNING,AFTERNOON");
		form.put("consent", "true");
		form.put("website", "");
		return form;
	}

	private static String reference(HttpResponse<String> page) {
		Matcher matcher = REFERENCE.matcher(page.body());
		assertThat(matcher.find()).as("a reference in the page").isTrue();
		return matcher.group(1);
	}

	private long tickets() {
		return this.jdbc.sql("SELECT COUNT(*) FROM ticket").query(Long.class).single();
	}

}
