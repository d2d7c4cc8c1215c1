package fr.passerelle.privacy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import fr.passerelle.ticket.HelpRequests;
import fr.passerelle.IntegrationTest;
import fr.passerelle.StaffClient;
import fr.passerelle.TestAccounts;
import fr.passerelle.TestClock;
import fr.passerelle.TestPhones;
import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.Role;
import fr.passerelle.account.StaffAccount;
import fr.passerelle.privacy.AuditLog.AuditEntry;
import fr.passerelle.privacy.AuditLog.AuditFilter;
import fr.passerelle.ticket.TicketManagement;
import fr.passerelle.ticket.TicketSource;
import fr.passerelle.ticket.TicketView;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log (issue 13): sign-ins and failed sign-ins, refusals, administrative
 * changes with what they were before and after, reads of a request's personal data; only
 * administrators list it, with filters; an entry goes after 12 months; no number in it.
 */
@IntegrationTest
class AuditLogIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	HelpRequests requests;

	@Autowired
	AccountManagement accounts;

	@Autowired
	TicketManagement tickets;

	@Autowired
	Blocklist blocklist;

	@Autowired
	AuditLog audit;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void recordsSignInsAndFailedOnesNamingOnlyExistingAccounts() {
		StaffAccount volunteer = TestAccounts.open(this.accounts, Role.VOLUNTEER);
		StaffClient browser = new StaffClient(this.port);
		assertThat(browser.login(volunteer.email(), "not the password at all").statusCode()).isEqualTo(401);
		assertThat(browser.login(volunteer.email(), TestAccounts.PASSWORD).statusCode()).isEqualTo(200);
		String typedInTheWrongField = "my secret password " + System.nanoTime();
		assertThat(new StaffClient(this.port).login(typedInTheWrongField, TestAccounts.PASSWORD).statusCode())
			.isEqualTo(401);

		List<AuditEntry> entries = entries(new AuditFilter(null, null, "account/" + volunteer.id(), null, null));
		assertThat(entries).extracting(AuditEntry::action)
			.containsExactly(AuditAction.SIGN_IN, AuditAction.SIGN_IN_FAILED);
		assertThat(entries).allSatisfy((entry) -> {
			assertThat(entry.actor()).isEqualTo(volunteer.email());
			assertThat(entry.clientAddress()).isEqualTo("127.0.0.1");
		});
		assertThat(entries.get(1).detail()).containsEntry("reason", "BadCredentialsException");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE CONCAT_WS(' ', actor, target, detail) LIKE ?")
			.param("%" + typedInTheWrongField + "%")
			.query(Long.class)
			.single()).as("an address that is nobody's stays out").isZero();
	}

	@Test
	void recordsAnAdministratorsChangeWithBeforeAndAfterAndListsItToAdministratorsOnly() {
		StaffAccount admin = TestAccounts.open(this.accounts, Role.ADMIN);
		StaffClient administrator = new StaffClient(this.port);
		administrator.login(admin.email(), TestAccounts.PASSWORD);
		StaffAccount coordinator = TestAccounts.open(this.accounts, Role.COORDINATOR);

		assertThat(administrator
			.putJson("/api/admin/accounts/" + coordinator.id(),
					"{\"role\":\"COORDINATOR\",\"regionCode\":\"52\",\"enabled\":true}")
			.statusCode()).isEqualTo(200);
		administrator.putJson("/api/admin/accounts/" + coordinator.id(),
				"{\"role\":\"COORDINATOR\",\"regionCode\":\"52\",\"enabled\":true}");

		HttpResponse<String> listed = administrator
			.get("/api/admin/audit?action=ACCOUNT_CHANGED&target=account/" + coordinator.id());
		assertThat(listed.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<List<Object>>read(listed.body(), "$.events")).as("the same change again is no change")
			.hasSize(1);
		assertThat(JsonPath.<String>read(listed.body(), "$.events[0].actor")).isEqualTo(admin.email());
		assertThat(JsonPath.<Object>read(listed.body(), "$.events[0].detail.before.regionCode")).isNull();
		assertThat(JsonPath.<String>read(listed.body(), "$.events[0].detail.after.regionCode")).isEqualTo("52");
		assertThat(JsonPath.<Boolean>read(listed.body(), "$.events[0].detail.after.enabled")).isTrue();

		StaffClient someoneElse = TestAccounts.signedIn(this.accounts, Role.COORDINATOR, this.port);
		assertThat(someoneElse.get("/api/admin/audit").statusCode()).isEqualTo(403);
		assertThat(
				administrator.get("/api/admin/audit?action=ACCESS_REFUSED&actor=" + coordinatorOf(someoneElse)).body())
			.as("the refusal is recorded, with its path")
			.contains("/api/admin/audit");
	}

	@Test
	void filtersByDayAndActorAndPagesFromTheNewest() {
		StaffAccount admin = TestAccounts.open(this.accounts, Role.ADMIN);
		StaffClient administrator = new StaffClient(this.port);
		administrator.login(admin.email(), TestAccounts.PASSWORD);
		for (int i = 0; i < 3; i++) {
			this.audit.record(AuditAction.ACCOUNT_APPROVED, admin.email(), "account/" + (1000 + i), null);
		}
		String actor = "&actor=" + admin.email().substring(0, 20);
		HttpResponse<String> first = administrator.get("/api/admin/audit?action=ACCOUNT_APPROVED&size=2" + actor);
		assertThat(JsonPath.<List<String>>read(first.body(), "$.events[*].target")).containsExactly("account/1002",
				"account/1001");
		Number next = JsonPath.read(first.body(), "$.nextBefore");
		HttpResponse<String> second = administrator
			.get("/api/admin/audit?action=ACCOUNT_APPROVED&size=2&before=" + next + actor);
		assertThat(JsonPath.<List<String>>read(second.body(), "$.events[*].target")).containsExactly("account/1000");
		assertThat(JsonPath.<Object>read(second.body(), "$.nextBefore")).isNull();

		LocalDate today = LocalDate.ofInstant(this.clock.instant(), AuditLog.ZONE);
		assertThat(JsonPath.<List<Object>>read(
				administrator.get("/api/admin/audit?from=" + today.plusDays(1) + actor).body(), "$.events"))
			.isEmpty();
		assertThat(JsonPath.<List<Object>>read(
				administrator.get("/api/admin/audit?from=" + today + "&to=" + today + actor).body(), "$.events"))
			.as("the three and the administrator's sign-in")
			.hasSize(4);
		HttpResponse<String> backwards = administrator
			.get("/api/admin/audit?from=" + today + "&to=" + today.minusDays(1));
		assertThat(backwards.statusCode()).isEqualTo(400);
		assertThat(backwards.body()).contains("audit.period.invalid");
		assertThat(administrator.get("/api/admin/audit?action=NOT_AN_ACTION").statusCode()).isEqualTo(400);
		assertThat(administrator.get("/api/admin/audit?size=0").statusCode()).isEqualTo(400);
	}

	@Test
	void recordsWhoReadARequestAndWhoWasRefusedItWithoutItsNumber() {
		String phone = TestPhones.randomMobile();
		TicketView ticket = this.tickets
			.open(this.requests.callback(TicketSource.WEB_FORM, "CAF", "85000", phone, "Yvette", Set.of()));
		StaffAccount coordinator = TestAccounts.open(this.accounts, Role.COORDINATOR);
		StaffClient reader = new StaffClient(this.port);
		reader.login(coordinator.email(), TestAccounts.PASSWORD);
		StaffAccount stranger = TestAccounts.open(this.accounts, Role.VOLUNTEER);
		StaffClient outsider = new StaffClient(this.port);
		outsider.login(stranger.email(), TestAccounts.PASSWORD);

		assertThat(reader.get("/api/tickets/" + ticket.id()).statusCode()).isEqualTo(200);
		assertThat(outsider.get("/api/tickets/" + ticket.id()).statusCode()).isEqualTo(404);
		this.blocklist.block(PhoneNumber.parse(phone), "Appels injurieux", coordinator.id());

		List<AuditEntry> entries = entries(new AuditFilter(null, null, "ticket/" + ticket.id(), null, null));
		assertThat(entries).extracting(AuditEntry::action, AuditEntry::actor)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(AuditAction.ACCESS_REFUSED, stranger.email()),
					org.assertj.core.groups.Tuple.tuple(AuditAction.REQUEST_READ, coordinator.email()));
		String national = "0" + phone.substring(3);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE detail LIKE ? OR detail LIKE ?")
			.params("%" + phone.substring(3) + "%", "%" + national.substring(1) + "%")
			.query(Long.class)
			.single()).as("no number, however written").isZero();
		assertThat(entries(new AuditFilter(AuditAction.NUMBER_BLOCKED, null, "blocked_number/", null, null)))
			.anySatisfy((entry) -> assertThat(entry.detail()).containsEntry("reason", "Appels injurieux")
				.containsKey("masked"));
	}

	@Test
	void anEntryGoesAfterTwelveMonths() {
		this.audit.record(AuditAction.KEYS_ROTATED, null, "test/old", Map.of("keyVersion", 1));
		this.clock.advance(Duration.ofDays(364));
		this.audit.record(AuditAction.KEYS_ROTATED, null, "test/recent", Map.of("keyVersion", 2));
		this.audit.purgeOlderThan(Duration.ofDays(365));
		assertThat(entries(new AuditFilter(AuditAction.KEYS_ROTATED, null, "test/old", null, null))).hasSize(1);

		this.clock.advance(Duration.ofDays(2));
		this.audit.purgeOlderThan(Duration.ofDays(365));
		assertThat(entries(new AuditFilter(AuditAction.KEYS_ROTATED, null, "test/old", null, null))).isEmpty();
		assertThat(entries(new AuditFilter(AuditAction.KEYS_ROTATED, null, "test/recent", null, null))).hasSize(1);
	}

	private List<AuditEntry> entries(AuditFilter filter) {
		return this.audit.search(filter, null, 200).events();
	}

	private String coordinatorOf(StaffClient client) {
		return JsonPath.read(client.get("/api/auth/me").body(), "$.email");
	}

}
