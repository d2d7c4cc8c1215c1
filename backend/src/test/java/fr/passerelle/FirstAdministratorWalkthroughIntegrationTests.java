package fr.passerelle;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.jayway.jsonpath.JsonPath;
import fr.passerelle.ticket.HelpRequests;
import fr.passerelle.ticket.TicketManagement;
import fr.passerelle.ticket.TicketSource;
import fr.passerelle.ticket.TicketView;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15's "done when", over HTTP as the screens call it, on a database of its own
 * where the first administrator is alone (no demo data): the administrator invites a
 * regional coordinator, who approves a volunteer, sets their territories and capacity and
 * validates their training; the administrator opens an exceptional closure and changes
 * the phone menu; the coordinator finds a waiting callback in the worklist and gives it
 * to the volunteer. Every step is in the audit log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FirstAdministratorWalkthroughIntegrationTests {

	private static final String ADMIN = "admin@passerelle.test";

	private static final String ADMIN_PASSWORD = "admin-password-for-tests";

	private static final String PASSWORD = "a passphrase of their own";

	private ConfigurableApplicationContext instance;

	private int port;

	@BeforeAll
	void startWithTheFirstAdministratorAlone() {
		this.instance = start();
		if (this.instance.getBean(JdbcClient.class)
			.sql("SELECT COUNT(*) FROM account")
			.query(Long.class)
			.single() != 1) {
			// a database left by an earlier run: emptied, and the first start again
			SeparateDatabase.reset(this.instance);
			this.instance.close();
			this.instance = start();
		}
		this.port = Integer.parseInt(this.instance.getEnvironment().getProperty("local.server.port"));
	}

	@AfterAll
	void stop() {
		if (this.instance != null) {
			this.instance.close();
		}
	}

	@Test
	void fromScreensOnlyTheServiceIsSetUpAndAWaitingCallbackGiven() throws Exception {
		// the first administrator signs in and sets up their second factor
		StaffClient admin = new StaffClient(this.port);
		assertThat(admin.login(ADMIN, ADMIN_PASSWORD, null).statusCode()).isEqualTo(200);
		setUpSecondFactor(admin);

		// they invite a coordinator of Bretagne (53), who chooses a password and a second
		// factor
		String coordinatorEmail = "coordination-" + UUID.randomUUID() + "@passerelle.test";
		assertThat(admin
			.postJson("/api/admin/accounts",
					"""
							{"email":"%s","displayName":"Coordination Bretagne","role":"COORDINATOR","regionCode":"53"}"""
						.formatted(coordinatorEmail))
			.statusCode()).isEqualTo(201);
		String invitation = link(mail(coordinatorEmail), "invitation");
		assertThat(new StaffClient(this.port)
			.postJson("/api/invitations/accept", "{\"token\":\"" + invitation + "\",\"password\":\"" + PASSWORD + "\"}")
			.statusCode()).isEqualTo(204);
		StaffClient coordinator = new StaffClient(this.port);
		assertThat(coordinator.login(coordinatorEmail, PASSWORD, null).statusCode()).isEqualTo(200);
		setUpSecondFactor(coordinator);

		// a volunteer of Ille-et-Vilaine signs up and confirms their address
		String volunteerEmail = "benevole-" + UUID.randomUUID() + "@passerelle.test";
		StaffClient visitor = new StaffClient(this.port);
		visitor.ensureCsrfCookie();
		assertThat(visitor
			.postJson("/api/sign-up",
					"""
							{"displayName":"Yann Le Goff","email":"%s","password":"%s","phone":"%s","departement":"35",
							 "skills":["CAF"],"languages":["fr"],"availability":"Le mardi"}""".formatted(volunteerEmail,
							PASSWORD, TestPhones.randomMobile()))
			.statusCode()).isEqualTo(202);
		assertThat(visitor
			.postJson("/api/sign-up/confirm", "{\"token\":\"" + link(mail(volunteerEmail), "confirmer-adresse") + "\"}")
			.statusCode()).isEqualTo(204);

		// the coordinator approves them, sets their territories and capacity, and
		// vouches for their training
		HttpResponse<String> applications = coordinator.get("/api/volunteer-applications");
		assertThat(applications.statusCode()).as(applications.body()).isEqualTo(200);
		List<Object> applicants = JsonPath.read(applications.body(), "$[*].accountId");
		assertThat(applicants).as(applications.body()).hasSize(1);
		long volunteerId = ((Number) applicants.get(0)).longValue();
		assertThat(coordinator.postJson("/api/volunteer-applications/" + volunteerId + "/approve", "{}").statusCode())
			.isEqualTo(200);
		HttpResponse<String> profile = coordinator.putJson("/api/volunteers/" + volunteerId + "/profile", """
				{"skills":["CAF"],"languages":["fr"],"capacity":2,"servedDepartements":["35"],"servedRegions":["53"],
				 "servesNationally":false,"version":%d}""".formatted(fileVersion(coordinator, volunteerId)));
		assertThat(profile.statusCode()).as(profile.body()).isEqualTo(200);
		HttpResponse<String> trained = coordinator.postJson("/api/volunteers/" + volunteerId + "/training",
				"{\"reason\":\"Formation faite en personne à Rennes\",\"version\":%d}"
					.formatted(fileVersion(coordinator, volunteerId)));
		assertThat(trained.statusCode()).as(trained.body()).isEqualTo(200);

		// the administrator announces a closure and rewords the phone menu
		LocalDate nextWeek = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(7);
		HttpResponse<String> closed = admin.postJson("/api/settings/calendar/exceptions",
				"{\"kind\":\"CLOSED\",\"firstDay\":\"%s\",\"message\":\"Fermé pour formation.\",\"version\":%d}"
					.formatted(nextWeek,
							(Integer) JsonPath.read(admin.get("/api/settings/calendar").body(), "$.version")));
		assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
		String menu = admin.get("/api/settings/menu").body();
		HttpResponse<String> reworded = admin.putJson("/api/settings/menu",
				menu.replaceFirst("\"spokenFr\":null", "\"spokenFr\":\"la CAF, le RSA et la prime d'activité\""));
		assertThat(reworded.statusCode()).as(reworded.body()).isEqualTo(200);

		// the volunteer signs in and is available; a citizen asks for a callback
		StaffClient volunteer = new StaffClient(this.port);
		assertThat(volunteer.login(volunteerEmail, PASSWORD, null).statusCode()).isEqualTo(200);
		assertThat(volunteer.putJson("/api/volunteers/me/presence", "{\"status\":\"PAUSED\"}").statusCode())
			.isEqualTo(200);
		TicketView waiting = this.instance.getBean(TicketManagement.class)
			.open(this.instance.getBean(HelpRequests.class)
				.callback(TicketSource.WEB_FORM, "CAF", "35000", TestPhones.randomMobile(), null, Set.of()));

		// the coordinator finds it in the worklist and gives it to the volunteer
		List<Integer> worklist = JsonPath
			.read(coordinator.get("/api/tickets?status=QUEUED&status=SCHEDULED&order=oldest").body(), "$.items[*].id");
		assertThat(worklist).contains((int) waiting.id());
		assertThat(JsonPath.<List<Integer>>read(coordinator.get("/api/tickets/" + waiting.id() + "/assignees").body(),
				"$[*].id"))
			.contains((int) volunteerId);
		HttpResponse<String> given = coordinator.postJson("/api/tickets/" + waiting.id() + "/assign",
				"{\"volunteerId\":" + volunteerId + "}");
		assertThat(given.statusCode()).as(given.body()).isEqualTo(200);
		assertThat(JsonPath.<List<Integer>>read(volunteer.get("/api/console").body(), "$.held[*].id"))
			.contains((int) waiting.id());

		// every step is in the audit log, under whoever took it
		assertThat(actors(admin, "ACCOUNT_INVITED")).contains(ADMIN);
		assertThat(actors(admin, "INVITATION_ACCEPTED")).isNotEmpty();
		assertThat(actors(admin, "ACCOUNT_APPROVED")).contains(coordinatorEmail);
		assertThat(actors(admin, "VOLUNTEER_PROFILE_CHANGED")).contains(coordinatorEmail);
		assertThat(actors(admin, "TRAINING_VALIDATED")).contains(coordinatorEmail);
		assertThat(actors(admin, "SERVICE_EXCEPTION_ADDED")).contains(ADMIN);
		assertThat(actors(admin, "TOPIC_MENU_CHANGED")).contains(ADMIN);
		assertThat(actors(admin, "REQUEST_CHANGED")).contains(coordinatorEmail);
	}

	private ConfigurableApplicationContext start() {
		List<String> arguments = new ArrayList<>(List.of(SeparateDatabase.arguments("passerelle_walkthrough")));
		arguments.add("--server.port=0");
		return new SpringApplicationBuilder(PasserelleApplication.class, TestMailConfiguration.class).profiles("test")
			.run(arguments.toArray(String[]::new));
	}

	private static void setUpSecondFactor(StaffClient client) {
		String secret = JsonPath.read(client.postJson("/api/account/two-factor/setup", "{}").body(), "$.secret");
		assertThat(client
			.postJson("/api/account/two-factor/confirm", "{\"code\":\"" + TestTotp.code(secret, Instant.now()) + "\"}")
			.statusCode()).isEqualTo(200);
	}

	private MimeMessage mail(String to) throws Exception {
		return TestMailbox.to(this.instance.getBean(GreenMail.class), to, 1).get(0);
	}

	private static String link(MimeMessage mail, String page) throws Exception {
		Matcher link = Pattern.compile("https://passerelle\\.example/app/" + page + "#([A-Za-z0-9_-]{43})")
			.matcher((String) mail.getContent());
		assertThat(link.find()).as("the link in the e-mail").isTrue();
		return link.group(1);
	}

	private static int fileVersion(StaffClient coordinator, long volunteerId) {
		return JsonPath.read(coordinator.get("/api/volunteers/" + volunteerId).body(), "$.version");
	}

	private static List<String> actors(StaffClient admin, String action) {
		return JsonPath.read(admin.get("/api/admin/audit?action=" + action).body(), "$.events[*].actor");
	}

}
