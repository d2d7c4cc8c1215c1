package fr.passerelle.console;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;
import tools.jackson.databind.JsonNode;

import fr.passerelle.ticket.HelpRequests;
import fr.passerelle.IntegrationTest;
import fr.passerelle.StaffClient;
import fr.passerelle.TestAccounts;
import fr.passerelle.TestPhones;
import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.NewAccount;
import fr.passerelle.account.Role;
import fr.passerelle.account.StaffAccount;
import fr.passerelle.ticket.TicketManagement;
import fr.passerelle.ticket.TicketSource;
import fr.passerelle.ticket.TicketView;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.messaging.simp.user.SimpUserRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wallboard arrives live over STOMP: a request made in Guyane (région 03, where no
 * other test works) shows on the wallboard of the région its coordinator follows, with no
 * polling; a coordinator of another région may not follow it.
 */
@IntegrationTest
class WallboardPushIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	HelpRequests requests;

	@Autowired
	AccountManagement accounts;

	@Autowired
	TicketManagement tickets;

	@Autowired
	WallboardPushes pushes;

	@Autowired
	SimpUserRegistry users;

	@Test
	void pushesTheWallboardOfARegionWhenARequestArrives() throws Exception {
		StaffClient coordinator = coordinator("03");
		int before = JsonPath.read(coordinator.get("/api/statistics/wallboard").body(), "$.queue.callbacksDue");
		ConsoleStompClient console = new ConsoleStompClient().connect(coordinator, origin(), true);
		try {
			BlockingQueue<JsonNode> boards = console.subscribe(ConsoleChannel.WALLBOARD_TOPIC + "03");
			for (int i = 0; i < 200 && !followed(); i++) {
				Thread.sleep(50);
			}
			assertThat(followed()).as("subscribed").isTrue();

			TicketView request = this.tickets.open(this.requests.callback(TicketSource.WEB_FORM, "CAF", "97300",
					TestPhones.randomMobile(), null, Set.of()));

			JsonNode changed = null;
			long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
			while (changed == null && System.nanoTime() < deadline) {
				this.pushes.publishChanges();
				JsonNode board = boards.poll(200, TimeUnit.MILLISECONDS);
				if (board != null && board.path("queue").path("callbacksDue").asInt() == before + 1) {
					changed = board;
				}
			}
			assertThat(changed).as("the request shows at once, without polling").isNotNull();
			assertThat(changed.path("scope").asString()).isEqualTo("03");
			assertThat(changed.toString()).doesNotContain(request.reference().toString());
			this.tickets.cancel(request.id(), null, "TEST_OVER");
		}
		finally {
			console.disconnect();
		}
	}

	private boolean followed() {
		return !this.users
			.findSubscriptions(
					(subscription) -> subscription.getDestination().equals(ConsoleChannel.WALLBOARD_TOPIC + "03"))
			.isEmpty();
	}

	@Test
	void refusesTheWallboardOfAnotherRegion() throws Exception {
		ConsoleStompClient console = new ConsoleStompClient().connect(coordinator("53"), origin(), true);
		try {
			console.subscribe(ConsoleChannel.WALLBOARD_TOPIC + "03");
			assertThat(console.errors.poll(10, TimeUnit.SECONDS)).as("an ERROR frame").isNotNull();
		}
		finally {
			console.disconnect();
		}
	}

	private StaffClient coordinator(String region) {
		StaffAccount account = TestAccounts.open(this.accounts,
				new NewAccount(TestAccounts.uniqueEmail(Role.COORDINATOR), "Coordination", Role.COORDINATOR, region,
						TestAccounts.PASSWORD, false));
		StaffClient client = new StaffClient(this.port);
		assertThat(client.login(account.email(), TestAccounts.PASSWORD).statusCode()).isEqualTo(200);
		client.ensureCsrfCookie();
		return client;
	}

	private String origin() {
		return "http://localhost:" + this.port;
	}

}
