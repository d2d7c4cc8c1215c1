package fr.passerelle.account;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import fr.passerelle.IntegrationTest;
import fr.passerelle.StaffClient;
import fr.passerelle.TestAccounts;
import fr.passerelle.TestClock;
import fr.passerelle.TestMailbox;
import fr.passerelle.TestPhones;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-ups never confirmed are erased, with their volunteer's profile, once their last
 * link has expired; confirmed ones and those with a live link stay. Signed up over real
 * HTTP, from the Territoire de Belfort (90), as the onboarding tests.
 */
@IntegrationTest
class AbandonedSignUpsIntegrationTests {

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

	@Autowired
	AbandonedSignUps signUps;

	@Test
	void aSignUpNeverConfirmedGoesWithItsProfileOnceItsLinkExpiredAndTheOthersStay() throws Exception {
		String abandoned = signUp("abandonnee");
		String confirmed = signUp("confirmee");
		confirm(confirmed);
		this.clock.advance(Duration.ofHours(71));
		String late = signUp("tardive");
		// its owner signs up again on the last day: a new link, valid 72 hours more
		String renewed = signUp("renouvelee");
		this.clock.advance(Duration.ofHours(2));
		assertThat(new StaffClient(this.port).postJson("/api/sign-up", body(renewed)).statusCode()).isEqualTo(202);
		long abandonedId = this.accounts.findByEmail(abandoned).orElseThrow().id();
		assertThat(rows("volunteer", abandonedId)).isOne();

		int erased = erase();

		assertThat(erased).isPositive();
		assertThat(this.accounts.findByEmail(abandoned)).isEmpty();
		for (String table : new String[] { "volunteer", "volunteer_skill", "volunteer_territory",
				"volunteer_presence" }) {
			assertThat(rows(table, abandonedId)).as(table).isZero();
		}
		assertThat(this.accounts.findByEmail(confirmed)).isPresent();
		assertThat(this.accounts.findByEmail(late)).as("signed up 2 hours ago").isPresent();
		assertThat(this.accounts.findByEmail(renewed)).as("its new link is still valid").isPresent();
		assertThat(erase()).as("erasing again finds nothing more of these").isZero();
	}

	private int erase() {
		return this.signUps.erase();
	}

	private String signUp(String name) {
		String email = name + "-" + UUID.randomUUID() + "@passerelle.test";
		assertThat(new StaffClient(this.port).postJson("/api/sign-up", body(email)).statusCode()).isEqualTo(202);
		return email;
	}

	private void confirm(String email) throws Exception {
		Matcher link = Pattern.compile("confirmer-adresse#([A-Za-z0-9_-]{43})")
			.matcher((String) TestMailbox.to(this.mail, email, 1).get(0).getContent());
		assertThat(link.find()).isTrue();
		assertThat(new StaffClient(this.port).postJson("/api/sign-up/confirm", "{\"token\":\"" + link.group(1) + "\"}")
			.statusCode()).isEqualTo(204);
	}

	private long rows(String table, long accountId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE account_id = ?")
			.param(accountId)
			.query(Long.class)
			.single();
	}

	private static String body(String email) {
		return """
				{"displayName":"Candidate","email":"%s","password":"%s","phone":"%s","departement":"90",
				 "skills":["CAF"],"languages":["fr"],"availability":null}""".formatted(email, TestAccounts.PASSWORD,
				TestPhones.randomMobile());
	}

}
