package fr.passerelle.account;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.jayway.jsonpath.JsonPath;
import fr.passerelle.IntegrationTest;
import fr.passerelle.StaffClient;
import fr.passerelle.TestAccounts;
import fr.passerelle.TestClock;
import fr.passerelle.TestMailbox;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Mot de passe oublié" over real HTTP, with the e-mails sent over real SMTP to an
 * in-process server and read back from it.
 */
@IntegrationTest
class PasswordResetIntegrationTests {

	private static final Pattern LINK = Pattern
		.compile("https://passerelle\\.example/app/nouveau-mot-de-passe#([A-Za-z0-9_-]{43})");

	private static final String NEW_PASSWORD = "a brand new passphrase for me";

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	GreenMail mail;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aLinkSentToTheAddressSetsANewPasswordOnceAndEndsEverySession() throws Exception {
		StaffAccount volunteer = TestAccounts.open(this.accounts, Role.VOLUNTEER);
		StaffClient signedIn = new StaffClient(this.port);
		assertThat(signedIn.login(volunteer.email(), TestAccounts.PASSWORD).statusCode()).isEqualTo(200);

		assertThat(ask(volunteer.email()).statusCode()).isEqualTo(202);

		List<MimeMessage> received = mailsTo(volunteer.email(), 1);
		MimeMessage mail = received.get(0);
		assertThat(mail.getSubject()).isEqualTo("Passerelle : choisir un nouveau mot de passe");
		String body = (String) mail.getContent();
		assertThat(body).startsWith("Bonjour Test VOLUNTEER,").contains("dans les 30 minutes");
		String token = token(body);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM account_token WHERE token_hash = ?")
			.param(token)
			.query(Long.class)
			.single()).as("only the link's hash is kept").isZero();

		assertThat(complete(token, NEW_PASSWORD).statusCode()).isEqualTo(204);

		assertThat(signedIn.get("/api/auth/me").statusCode()).as("the sessions opened before end").isEqualTo(401);
		assertThat(new StaffClient(this.port).login(volunteer.email(), TestAccounts.PASSWORD).statusCode())
			.isEqualTo(401);
		assertThat(new StaffClient(this.port).login(volunteer.email(), NEW_PASSWORD).statusCode()).isEqualTo(200);
		HttpResponse<String> again = complete(token, "yet another long passphrase");
		assertThat(again.statusCode()).as("a link works once").isEqualTo(400);
		assertThat((String) JsonPath.read(again.body(), "$.code")).isEqualTo("account.reset.invalid");
	}

	@Test
	void anUnknownOrDeactivatedAddressGetsTheSameAnswerAndNoMail() throws Exception {
		StaffAccount known = TestAccounts.open(this.accounts, Role.VOLUNTEER);
		String unknown = TestAccounts.uniqueEmail(Role.VOLUNTEER);

		HttpResponse<String> forKnown = ask(known.email());
		HttpResponse<String> forUnknown = ask(unknown);

		assertThat(forUnknown.statusCode()).isEqualTo(forKnown.statusCode()).isEqualTo(202);
		assertThat(forUnknown.body()).isEqualTo(forKnown.body());
		assertThat(mailsTo(known.email(), 1)).hasSize(1);
		allSent();
		assertThat(mailsTo(unknown, 0)).isEmpty();
	}

	@Test
	void aLinkExpiresAfterThirtyMinutesAndANewerOneReplacesIt() throws Exception {
		StaffAccount volunteer = TestAccounts.open(this.accounts, Role.VOLUNTEER);
		ask(volunteer.email());
		String first = token((String) mailsTo(volunteer.email(), 1).get(0).getContent());
		this.clock.advance(Duration.ofMinutes(31));

		assertThat(complete(first, NEW_PASSWORD).statusCode()).isEqualTo(400);

		ask(volunteer.email());
		String second = token((String) mailsTo(volunteer.email(), 2).get(1).getContent());
		ask(volunteer.email());
		String third = token((String) mailsTo(volunteer.email(), 3).get(2).getContent());
		assertThat(complete(second, NEW_PASSWORD).statusCode()).as("replaced by the newer link").isEqualTo(400);
		assertThat(complete(third, NEW_PASSWORD).statusCode()).isEqualTo(204);
	}

	@Test
	void aPasswordThePolicyRefusesLeavesTheLinkUsable() throws Exception {
		StaffAccount volunteer = TestAccounts.open(this.accounts, Role.VOLUNTEER);
		ask(volunteer.email());
		String token = token((String) mailsTo(volunteer.email(), 1).get(0).getContent());

		HttpResponse<String> tooShort = complete(token, "short");

		assertThat(tooShort.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(tooShort.body(), "$.code")).startsWith("account.password.");
		assertThat(complete(token, NEW_PASSWORD).statusCode()).isEqualTo(204);
	}

	@Test
	void aMadeUpOrMissingTokenIsRefusedPlainly() {
		HttpResponse<String> madeUp = complete("A".repeat(43), NEW_PASSWORD);
		assertThat(madeUp.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(madeUp.body(), "$.code")).isEqualTo("account.reset.invalid");
		assertThat(new StaffClient(this.port).postJson("/api/password-reset/complete", "{}").statusCode())
			.isEqualTo(400);
		assertThat(new StaffClient(this.port).postJson("/api/password-reset", "{\"email\":\"\"}").statusCode())
			.isEqualTo(400);
	}

	@Test
	void theSameLinkUsedAtOnceFromManyPlacesWorksOnce() throws Exception {
		StaffAccount volunteer = TestAccounts.open(this.accounts, Role.VOLUNTEER);
		ask(volunteer.email());
		String token = token((String) mailsTo(volunteer.email(), 1).get(0).getContent());
		ExecutorService pool = Executors.newFixedThreadPool(6);
		try {
			List<Callable<Integer>> attempts = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				String password = NEW_PASSWORD + " " + i;
				attempts.add(() -> complete(token, password).statusCode());
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> status : pool.invokeAll(attempts)) {
				statuses.add(status.get());
			}
			assertThat(statuses).containsOnly(204, 400).containsOnlyOnce(204);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void anAddressGetsAtMostThreeLinksAnHourAndIsNotToldWhenItGetsNoMore() throws Exception {
		StaffAccount volunteer = TestAccounts.open(this.accounts, Role.VOLUNTEER);

		for (int i = 0; i < 5; i++) {
			assertThat(ask(volunteer.email()).statusCode()).isEqualTo(202);
		}

		allSent();
		assertThat(mailsTo(volunteer.email(), 0)).hasSize(3);
	}

	@Test
	void theSecondFactorIsStillAskedAfterAReset() throws Exception {
		StaffAccount coordinator = TestAccounts.open(this.accounts, Role.COORDINATOR);
		ask(coordinator.email());
		assertThat(complete(token((String) mailsTo(coordinator.email(), 1).get(0).getContent()), NEW_PASSWORD)
			.statusCode()).isEqualTo(204);

		HttpResponse<String> withoutCode = new StaffClient(this.port).login(coordinator.email(), NEW_PASSWORD, null);

		assertThat(withoutCode.statusCode()).isEqualTo(401);
		assertThat((String) JsonPath.read(withoutCode.body(), "$.code")).isEqualTo("account.two-factor.required");
		assertThat(new StaffClient(this.port).login(coordinator.email(), NEW_PASSWORD).statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> ask(String email) {
		return new StaffClient(this.port).postJson("/api/password-reset", "{\"email\":\"" + email + "\"}");
	}

	private HttpResponse<String> complete(String token, String password) {
		return new StaffClient(this.port).postJson("/api/password-reset/complete",
				"{\"token\":\"" + token + "\",\"password\":\"" + password + "\"}");
	}

	private List<MimeMessage> mailsTo(String email, int atLeast) throws Exception {
		return TestMailbox.to(this.mail, email, atLeast);
	}

	/**
	 * Waits until every e-mail asked for so far has been sent: they leave one after the
	 * other, so once a last one for a fresh account arrives, so have the ones before.
	 */
	private void allSent() throws Exception {
		StaffAccount marker = TestAccounts.open(this.accounts, Role.VOLUNTEER);
		assertThat(ask(marker.email()).statusCode()).isEqualTo(202);
		mailsTo(marker.email(), 1);
	}

	private static String token(String body) {
		Matcher link = LINK.matcher(body);
		assertThat(link.find()).as("the link in %s", body).isTrue();
		return link.group(1);
	}

}
