package fr.passerelle.account;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coordinators and administrators join by invitation, over real HTTP, the e-mails read
 * back from the tests' SMTP server.
 */
@IntegrationTest
class InvitationIntegrationTests {

	private static final Pattern LINK = Pattern
		.compile("https://passerelle\\.example/app/invitation#([A-Za-z0-9_-]{43})");

	private static final String PASSWORD = "my very own passphrase here";

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

	StaffAccount administrator;

	StaffClient admin;

	@BeforeEach
	void signInAnAdministrator() {
		this.administrator = TestAccounts.open(this.accounts, Role.ADMIN);
		this.admin = new StaffClient(this.port);
		assertThat(this.admin.login(this.administrator.email(), TestAccounts.PASSWORD).statusCode()).isEqualTo(200);
	}

	@Test
	void anInvitedCoordinatorChoosesTheirPasswordOnceThenSetsUpTheirSecondFactor() throws Exception {
		String email = TestAccounts.uniqueEmail(Role.COORDINATOR);

		HttpResponse<String> invited = invite(email, "Camille Martin", "COORDINATOR", "75");

		assertThat(invited.statusCode()).isEqualTo(201);
		assertThat((String) JsonPath.read(invited.body(), "$.regionCode")).isEqualTo("75");
		assertThat(Instant.parse(JsonPath.read(invited.body(), "$.invitationExpiresAt")))
			.isEqualTo(this.clock.instant().plus(Duration.ofHours(72)));
		MimeMessage mail = TestMailbox.to(this.mail, email, 1).get(0);
		assertThat(mail.getSubject()).isEqualTo("Passerelle : votre compte vous attend");
		String body = (String) mail.getContent();
		assertThat(body).startsWith("Bonjour Camille Martin,")
			.contains(this.administrator.displayName() + " vous a ouvert un compte de coordinateur ou coordinatrice")
			.contains("dans les 72 heures");
		String token = token(body);
		assertThat(new StaffClient(this.port).login(email, PASSWORD, null).statusCode())
			.as("nobody signs in before choosing the password")
			.isEqualTo(401);

		assertThat(accept(token, PASSWORD).statusCode()).isEqualTo(204);

		StaffClient coordinator = new StaffClient(this.port);
		assertThat(coordinator.login(email, PASSWORD, null).statusCode()).isEqualTo(200);
		HttpResponse<String> elsewhere = coordinator.get("/api/volunteer-applications");
		assertThat(elsewhere.statusCode()).as("the second factor comes first").isEqualTo(403);
		assertThat((String) JsonPath.read(elsewhere.body(), "$.code")).isEqualTo("account.two-factor.setup-required");
		HttpResponse<String> again = accept(token, "another passphrase of mine");
		assertThat(again.statusCode()).as("an invitation works once").isEqualTo(400);
		assertThat((String) JsonPath.read(again.body(), "$.code")).isEqualTo("account.invitation.invalid");
		assertThat(invitationOf(JsonPath.<Integer>read(invited.body(), "$.id"))).as("no longer pending").isNull();
	}

	@Test
	void anExpiredInvitationIsShownAndSentAgainTheOldLinkVoid() throws Exception {
		String email = TestAccounts.uniqueEmail(Role.ADMIN);
		long id = JsonPath.<Integer>read(invite(email, "Alex Durand", "ADMIN", null).body(), "$.id");
		String first = token((String) TestMailbox.to(this.mail, email, 1).get(0).getContent());
		this.clock.advance(Duration.ofHours(73));
		// the administrator's session outlives no clock: sign in again
		signInAnAdministrator();

		assertThat(accept(first, PASSWORD).statusCode()).isEqualTo(400);
		assertThat(invitationOf(id)).as("still pending, expired").isBefore(this.clock.instant());

		HttpResponse<String> resent = this.admin.postJson("/api/admin/accounts/" + id + "/invitation", "{}");
		assertThat(resent.statusCode()).isEqualTo(200);
		String second = token((String) TestMailbox.to(this.mail, email, 2).get(1).getContent());
		assertThat(second).isNotEqualTo(first);
		assertThat(accept(first, PASSWORD).statusCode()).isEqualTo(400);
		assertThat(accept(second, PASSWORD).statusCode()).isEqualTo(204);

		HttpResponse<String> afterwards = this.admin.postJson("/api/admin/accounts/" + id + "/invitation", "{}");
		assertThat(afterwards.statusCode()).isEqualTo(409);
		assertThat((String) JsonPath.read(afterwards.body(), "$.code")).isEqualTo("account.invitation.not-pending");
	}

	@Test
	void volunteersATakenAddressAndAWrongRegionAreRefusedClearly() {
		HttpResponse<String> volunteer = invite(TestAccounts.uniqueEmail(Role.VOLUNTEER), "Léa", "VOLUNTEER", null);
		assertThat(volunteer.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(volunteer.body(), "$.code")).isEqualTo("account.invitation.volunteer");

		HttpResponse<String> taken = invite(this.administrator.email(), "Encore moi", "ADMIN", null);
		assertThat(taken.statusCode()).isEqualTo(409);
		assertThat((String) JsonPath.read(taken.body(), "$.code")).isEqualTo("account.email.taken");
		assertThat((String) JsonPath.read(taken.body(), "$.fields[0].field")).isEqualTo("email");
		assertThat((String) JsonPath.read(volunteer.body(), "$.fields[0].field")).isEqualTo("role");

		HttpResponse<String> region = invite(TestAccounts.uniqueEmail(Role.ADMIN), "Sam", "ADMIN", "75");
		assertThat(region.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(region.body(), "$.code")).isEqualTo("account.region.invalid");
		assertThat((String) JsonPath.read(region.body(), "$.fields[0].field")).isEqualTo("regionCode");
		assertThat(this.admin.postJson("/api/admin/accounts", "{\"email\":\"x@example.org\"}").statusCode())
			.isEqualTo(400);
	}

	@Test
	void aPasswordResetLinkIsNoInvitationAndAResetEndsThePendingInvitation() throws Exception {
		String email = TestAccounts.uniqueEmail(Role.COORDINATOR);
		long id = JsonPath.<Integer>read(invite(email, "Dominique", "COORDINATOR", null).body(), "$.id");
		String invitation = token((String) TestMailbox.to(this.mail, email, 1).get(0).getContent());
		new StaffClient(this.port).postJson("/api/password-reset", "{\"email\":\"" + email + "\"}");
		MimeMessage resetMail = TestMailbox.to(this.mail, email, 2).get(1);
		Matcher reset = Pattern.compile("nouveau-mot-de-passe#([A-Za-z0-9_-]{43})")
			.matcher((String) resetMail.getContent());
		assertThat(reset.find()).isTrue();

		assertThat(accept(reset.group(1), PASSWORD).statusCode()).isEqualTo(400);
		assertThat(new StaffClient(this.port)
			.postJson("/api/password-reset/complete",
					"{\"token\":\"" + invitation + "\",\"password\":\"" + PASSWORD + "\"}")
			.statusCode()).isEqualTo(400);

		assertThat(new StaffClient(this.port)
			.postJson("/api/password-reset/complete",
					"{\"token\":\"" + reset.group(1) + "\",\"password\":\"" + PASSWORD + "\"}")
			.statusCode()).isEqualTo(204);
		assertThat(invitationOf(id)).as("the password is chosen").isNull();
		assertThat(accept(invitation, "yet another passphrase").statusCode()).isEqualTo(400);
	}

	@Test
	void anAdministratorSendsAtMostTwentyInvitationsAnHour() {
		for (int i = 0; i < 20; i++) {
			assertThat(
					invite(TestAccounts.uniqueEmail(Role.COORDINATOR), "Équipe " + i, "COORDINATOR", null).statusCode())
				.isEqualTo(201);
		}

		HttpResponse<String> more = invite(TestAccounts.uniqueEmail(Role.COORDINATOR), "Une de trop", "COORDINATOR",
				null);

		assertThat(more.statusCode()).isEqualTo(429);
		assertThat((String) JsonPath.read(more.body(), "$.code")).isEqualTo("limits.exceeded");
	}

	private HttpResponse<String> invite(String email, String name, String role, String region) {
		String regionJson = (region != null) ? "\"" + region + "\"" : "null";
		return this.admin.postJson("/api/admin/accounts", """
				{"email":"%s","displayName":"%s","role":"%s","regionCode":%s}""".formatted(email, name, role,
				regionJson));
	}

	private HttpResponse<String> accept(String token, String password) {
		return new StaffClient(this.port).postJson("/api/invitations/accept",
				"{\"token\":\"" + token + "\",\"password\":\"" + password + "\"}");
	}

	private Instant invitationOf(long id) {
		HttpResponse<String> account = this.admin.get("/api/admin/accounts");
		String expires = JsonPath.<java.util.List<String>>read(account.body(),
				"$[?(@.id == " + id + ")].invitationExpiresAt")
			.get(0);
		return (expires != null) ? Instant.parse(expires) : null;
	}

	private static String token(String body) {
		Matcher link = LINK.matcher(body);
		assertThat(link.find()).as("the link in %s", body).isTrue();
		return link.group(1);
	}

}
