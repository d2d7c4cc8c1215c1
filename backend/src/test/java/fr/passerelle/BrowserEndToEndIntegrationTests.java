package fr.passerelle;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.util.GreenMail;
import com.sun.net.httpserver.HttpServer;
import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.NewAccount;
import fr.passerelle.account.Role;
import fr.passerelle.routing.Routing;
import fr.passerelle.telephony.CitizenCalls;
import fr.passerelle.volunteer.Volunteers;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the Playwright specs of {@code frontend/e2e} in Debian's Chromium against this
 * running platform: a coordinator signs in, changes password and signs out; axe-core
 * audits the citizen and staff pages; the training phones call the hotline, wait on the
 * line and answer a live call, or ask for a callback and are called back. Without
 * Chromium the test is skipped with a notice, unless {@code PASSERELLE_E2E=required} (as
 * in CI), where a missing browser fails it.
 */
@IntegrationTest
class BrowserEndToEndIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	Volunteers volunteers;

	@Autowired
	Routing routing;

	@Autowired
	TestClock clock;

	@Autowired
	GreenMail mail;

	@Autowired
	JdbcClient jdbc;

	private final String totpSecret = TestTotp.randomSecret();

	@Test
	void staffAndCitizenPagesWorkInARealBrowser() throws Exception {
		Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/lib/chromium/chromium"));
		if (!Files.isExecutable(chromium)) {
			assertThat("required").as("Chromium missing at " + chromium + " while PASSERELLE_E2E=required")
				.isNotEqualTo(System.getenv("PASSERELLE_E2E"));
			Assumptions
				.abort("Chromium not found at " + chromium + ": browser tests skipped (apt-get install chromium)");
		}
		Path frontend = Path.of(System.getProperty("passerelle.test.frontend-dir", "../frontend")).toAbsolutePath();
		String email = TestAccounts.uniqueEmail(Role.COORDINATOR);
		staff(NewAccount.of(email, "Coordination E2E", Role.COORDINATOR, TestAccounts.PASSWORD));
		String volunteer = TestAccounts.uniqueEmail(Role.VOLUNTEER);
		this.accounts.open(NewAccount.of(volunteer, "Bénévole E2E", Role.VOLUNTEER, TestAccounts.PASSWORD));
		// live answering: a caller from Haute-Corse, and a volunteer serving it (where no
		// other test sends requests)
		String citizen = TestAccounts.uniqueEmail(Role.COORDINATOR);
		staff(NewAccount.of(citizen, "Appelant E2E", Role.COORDINATOR, TestAccounts.PASSWORD));
		String liveVolunteer = qualifiedVolunteer("Bénévole en direct E2E", "2B");
		// callbacks: another caller (the same number calling twice for the same theme is
		// one request)
		String callbackCitizen = TestAccounts.uniqueEmail(Role.COORDINATOR);
		staff(NewAccount.of(callbackCitizen, "Appelante E2E", Role.COORDINATOR, TestAccounts.PASSWORD));
		String callbackVolunteer = qualifiedVolunteer("Bénévole rappels E2E", "2B");

		// the console: a volunteer and a colleague of the Hautes-Alpes (where no other
		// test sends requests), and a caller from there
		String consoleCitizen = TestAccounts.uniqueEmail(Role.COORDINATOR);
		staff(NewAccount.of(consoleCitizen, "Appelant console E2E", Role.COORDINATOR, TestAccounts.PASSWORD));
		String consoleVolunteer = qualifiedVolunteer("Bénévole console E2E", "05");
		String consoleColleague = qualifiedVolunteer("Collègue console E2E", "05");

		// a live call taken from the console and handed over: a caller and a volunteer of
		// the Ariège (where no other test sends requests), and a coordinator of Occitanie
		String handoverCitizen = TestAccounts.uniqueEmail(Role.COORDINATOR);
		staff(NewAccount.of(handoverCitizen, "Appelant transmis E2E", Role.COORDINATOR, TestAccounts.PASSWORD));
		String handoverVolunteer = qualifiedVolunteer("Bénévole Ariège E2E", "09");
		String handoverCoordinator = TestAccounts.uniqueEmail(Role.COORDINATOR);
		staff(NewAccount.of(handoverCoordinator, "Coordination Occitanie E2E", Role.COORDINATOR, TestAccounts.PASSWORD)
			.inRegion("76"));

		// the tutorials editor: a national coordinator (another spec changes the first
		// one's password)
		String editor = TestAccounts.uniqueEmail(Role.COORDINATOR);
		staff(NewAccount.of(editor, "Rédaction E2E", Role.COORDINATOR, TestAccounts.PASSWORD));

		// onboarding: a coordinator of Bourgogne-Franche-Comté approves a sign-up from
		// the Territoire de Belfort
		String administrator = TestAccounts.uniqueEmail(Role.ADMIN);
		staff(NewAccount.of(administrator, "Administration E2E", Role.ADMIN, TestAccounts.PASSWORD));
		String approver = TestAccounts.uniqueEmail(Role.COORDINATOR);
		staff(NewAccount.of(approver, "Coordination BFC E2E", Role.COORDINATOR, TestAccounts.PASSWORD).inRegion("27"));
		// staff accounts: an administrator changes a volunteer's role, then deactivates
		// them
		String accountsAdministrator = TestAccounts.uniqueEmail(Role.ADMIN);
		staff(NewAccount.of(accountsAdministrator, "Administration comptes E2E", Role.ADMIN, TestAccounts.PASSWORD));
		String managedName = "Compte géré E2E " + UUID.randomUUID().toString().substring(0, 8);
		this.accounts.open(NewAccount.of(TestAccounts.uniqueEmail(Role.VOLUNTEER), managedName, Role.VOLUNTEER,
				TestAccounts.PASSWORD));
		// the dashboard: a coordinator of Centre-Val de Loire (where no other spec sends
		// requests) watches a call from Tours arrive
		String dashboardCoordinator = TestAccounts.uniqueEmail(Role.COORDINATOR);
		staff(NewAccount.of(dashboardCoordinator, "Coordination Centre E2E", Role.COORDINATOR, TestAccounts.PASSWORD)
			.inRegion("24"));
		// volunteers' files: a coordinator of Normandie sets the profile and shifts of a
		// volunteer of the Calvados, approved, and vouches for their training
		String filesCoordinator = TestAccounts.uniqueEmail(Role.COORDINATOR);
		staff(NewAccount.of(filesCoordinator, "Coordination Normandie E2E", Role.COORDINATOR, TestAccounts.PASSWORD)
			.inRegion("28"));
		String filedName = "Bénévole Calvados E2E " + UUID.randomUUID().toString().substring(0, 8);
		long filed = this.accounts
			.open(NewAccount.of(TestAccounts.uniqueEmail(Role.VOLUNTEER), filedName, Role.VOLUNTEER,
					TestAccounts.PASSWORD))
			.id();
		this.volunteers.register(filed, "14", Set.of("CAF"));
		this.jdbc.sql("UPDATE volunteer SET approved_at = NOW(6) WHERE account_id = ?").param(filed).update();
		// the help desk's hours: a national coordinator announces a closure, then
		// withdraws it
		String calendarCoordinator = TestAccounts.uniqueEmail(Role.COORDINATOR);
		staff(NewAccount.of(calendarCoordinator, "Coordination nationale horaires E2E", Role.COORDINATOR,
				TestAccounts.PASSWORD));
		// the phone menu and the delays; the worklist (each sign-in uses one of the few
		// codes the standing clock allows)
		String menuCoordinator = TestAccounts.uniqueEmail(Role.COORDINATOR);
		staff(NewAccount.of(menuCoordinator, "Coordination nationale menu E2E", Role.COORDINATOR,
				TestAccounts.PASSWORD));
		String worklistCoordinator = TestAccounts.uniqueEmail(Role.COORDINATOR);
		staff(NewAccount.of(worklistCoordinator, "Coordination nationale demandes E2E", Role.COORDINATOR,
				TestAccounts.PASSWORD));
		// two-factor authentication: a coordinator who has not set it up yet
		String newCoordinator = TestAccounts.uniqueEmail(Role.COORDINATOR);
		this.accounts
			.open(NewAccount.of(newCoordinator, "Nouvelle coordination E2E", Role.COORDINATOR, TestAccounts.PASSWORD));

		ProcessBuilder playwright = new ProcessBuilder(frontend.resolve("node_modules/.bin/playwright").toString(),
				"test")
			.directory(frontend.toFile())
			.redirectErrorStream(true);
		playwright.environment().put("PASSERELLE_BASE_URL", "http://localhost:" + this.port);
		playwright.environment().put("PASSERELLE_E2E_EMAIL", email);
		playwright.environment().put("PASSERELLE_E2E_PASSWORD", TestAccounts.PASSWORD);
		playwright.environment().put("PASSERELLE_E2E_VOLUNTEER_EMAIL", volunteer);
		playwright.environment().put("PASSERELLE_E2E_CITIZEN_EMAIL", citizen);
		playwright.environment().put("PASSERELLE_E2E_LIVE_VOLUNTEER_EMAIL", liveVolunteer);
		playwright.environment().put("PASSERELLE_E2E_CALLBACK_CITIZEN_EMAIL", callbackCitizen);
		playwright.environment().put("PASSERELLE_E2E_CALLBACK_VOLUNTEER_EMAIL", callbackVolunteer);
		playwright.environment().put("PASSERELLE_E2E_LIVE_POSTCODE", "20200");
		playwright.environment().put("PASSERELLE_E2E_CONSOLE_CITIZEN_EMAIL", consoleCitizen);
		playwright.environment().put("PASSERELLE_E2E_CONSOLE_VOLUNTEER_EMAIL", consoleVolunteer);
		playwright.environment().put("PASSERELLE_E2E_CONSOLE_COLLEAGUE_EMAIL", consoleColleague);
		playwright.environment().put("PASSERELLE_E2E_CONSOLE_POSTCODE", "05000");
		playwright.environment().put("PASSERELLE_E2E_HANDOVER_CITIZEN_EMAIL", handoverCitizen);
		playwright.environment().put("PASSERELLE_E2E_HANDOVER_VOLUNTEER_EMAIL", handoverVolunteer);
		playwright.environment().put("PASSERELLE_E2E_HANDOVER_COORDINATOR_EMAIL", handoverCoordinator);
		playwright.environment().put("PASSERELLE_E2E_HANDOVER_COORDINATOR_NAME", "Coordination Occitanie E2E");
		playwright.environment().put("PASSERELLE_E2E_HANDOVER_POSTCODE", "09000");
		playwright.environment().put("PASSERELLE_E2E_APPROVER_EMAIL", approver);
		playwright.environment().put("PASSERELLE_E2E_EDITOR_EMAIL", editor);
		playwright.environment().put("PASSERELLE_E2E_ADMIN_EMAIL", administrator);
		playwright.environment().put("PASSERELLE_E2E_NEW_COORDINATOR_EMAIL", newCoordinator);
		playwright.environment().put("PASSERELLE_E2E_ACCOUNTS_ADMIN_EMAIL", accountsAdministrator);
		playwright.environment().put("PASSERELLE_E2E_MANAGED_NAME", managedName);
		playwright.environment().put("PASSERELLE_E2E_DASHBOARD_EMAIL", dashboardCoordinator);
		playwright.environment().put("PASSERELLE_E2E_FILES_COORDINATOR_EMAIL", filesCoordinator);
		playwright.environment().put("PASSERELLE_E2E_FILED_NAME", filedName);
		playwright.environment().put("PASSERELLE_E2E_CALENDAR_EMAIL", calendarCoordinator);
		playwright.environment().put("PASSERELLE_E2E_MENU_EMAIL", menuCoordinator);
		playwright.environment().put("PASSERELLE_E2E_WORKLIST_EMAIL", worklistCoordinator);
		// the codes of the authenticator app, computed at the time the (standing) test
		// clock shows
		playwright.environment().put("PASSERELLE_E2E_TOTP_SECRET", this.totpSecret);
		playwright.environment().put("PASSERELLE_E2E_CLOCK", String.valueOf(this.clock.instant().toEpochMilli()));
		playwright.environment().put("CHROMIUM_PATH", chromium.toString());
		playwright.environment().put("CI", "1");
		HttpServer mailbox = mailbox();
		playwright.environment()
			.put("PASSERELLE_E2E_MAILBOX", "http://127.0.0.1:" + mailbox.getAddress().getPort() + "/");
		Process process = playwright.start();
		Thread report = new Thread(
				() -> new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
					.lines()
					.forEach(System.out::println));
		report.start();

		// the routing jobs are off in tests: offers are made here, as the job makes them
		ScheduledExecutorService jobs = Executors.newSingleThreadScheduledExecutor();
		jobs.scheduleWithFixedDelay(() -> {
			try {
				this.routing.dispatch();
			}
			catch (RuntimeException failed) {
				// as the scheduled job does: log, and try again next time
				LoggerFactory.getLogger(BrowserEndToEndIntegrationTests.class).warn("Dispatch failed", failed);
			}
		}, 1, 1, TimeUnit.SECONDS);
		boolean finished;
		try {
			finished = process.waitFor(8, TimeUnit.MINUTES);
		}
		finally {
			jobs.shutdownNow();
			mailbox.stop(0);
		}
		if (!finished) {
			process.destroyForcibly();
		}
		assertThat(finished).as("Playwright finished within 8 minutes").isTrue();
		report.join();
		assertThat(process.exitValue()).as("Playwright exit code (its report is above)").isZero();
	}

	/**
	 * What the specs read the e-mails from (as a person reads their inbox): {@code GET
	 * /?to=address} answers the text of the last e-mail sent to that address, or 404; and
	 * where they have a citizen call the hotline ({@code POST /call}).
	 */
	private HttpServer mailbox() throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		// a citizen's call from Tours (POST /call): a real call, not a training phone's
		server.createContext("/call", (exchange) -> {
			String callSid = CitizenCalls.call(this.port, "37000");
			byte[] body = callSid.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.createContext("/", (exchange) -> {
			String query = Objects.requireNonNullElse(exchange.getRequestURI().getQuery(), "");
			String to = query.startsWith("to=") ? URLDecoder.decode(query.substring(3), StandardCharsets.UTF_8) : "";
			byte[] body = new byte[0];
			int status = 404;
			try {
				List<MimeMessage> received = TestMailbox.to(this.mail, to, 0);
				if (!received.isEmpty()) {
					body = ((String) received.get(received.size() - 1).getContent()).getBytes(StandardCharsets.UTF_8);
					status = 200;
				}
			}
			catch (Exception ex) {
				status = 500;
			}
			exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
			exchange.sendResponseHeaders(status, (body.length > 0) ? body.length : -1);
			if (body.length > 0) {
				exchange.getResponseBody().write(body);
			}
			exchange.close();
		});
		server.start();
		return server;
	}

	/**
	 * A coordinator or administrator, whose two-factor authentication is set up with the
	 * secret the specs compute their codes from.
	 */
	private void staff(NewAccount account) {
		this.accounts.enrolTwoFactor(this.accounts.open(account).id(), this.totpSecret);
	}

	/**
	 * An approved and trained volunteer helping with the CAF theme in their own
	 * département (French, one request at a time), offline.
	 */
	private String qualifiedVolunteer(String name, String departement) {
		String email = TestAccounts.uniqueEmail(Role.VOLUNTEER);
		long id = this.accounts.open(NewAccount.of(email, name, Role.VOLUNTEER, TestAccounts.PASSWORD)).id();
		this.volunteers.register(id, departement, Set.of("CAF"));
		this.volunteers.qualify(id);
		return email;
	}

}
