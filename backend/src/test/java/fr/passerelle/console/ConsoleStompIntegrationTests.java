package fr.passerelle.console;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import fr.passerelle.ticket.HelpRequests;
import fr.passerelle.IntegrationTest;
import fr.passerelle.StaffClient;
import fr.passerelle.TestAccounts;
import fr.passerelle.TestClock;
import fr.passerelle.TestPhones;
import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.Role;
import fr.passerelle.account.StaffAccount;
import fr.passerelle.routing.Routing;
import fr.passerelle.ticket.TicketManagement;
import fr.passerelle.ticket.TicketQueries;
import fr.passerelle.ticket.TicketSource;
import fr.passerelle.ticket.TicketStatus;
import fr.passerelle.ticket.TicketView;
import fr.passerelle.volunteer.Onboarding;
import fr.passerelle.volunteer.Presence;
import fr.passerelle.volunteer.Volunteers;
import fr.passerelle.volunteer.VolunteerPresence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;
import org.springframework.messaging.simp.user.SimpUser;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.handler.TextWebSocketHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The console's real-time channel, through a real STOMP client over a real WebSocket.
 * Volunteers here live in the Creuse (23, région 75), which no other test uses.
 */
@IntegrationTest
class ConsoleStompIntegrationTests {

	private static final String CREUSE_REGION = "75";

	private static final AtomicInteger TESTS_STARTED = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	HelpRequests requests;

	@Autowired
	AccountManagement accounts;

	@Autowired
	Volunteers volunteers;

	@Autowired
	VolunteerPresence volunteerPresence;

	@Autowired
	Onboarding onboarding;

	@Autowired
	TicketManagement tickets;

	@Autowired
	TicketQueries ticketQueries;

	@Autowired
	Routing routing;

	@Autowired
	ConsoleSessions sessions;

	@Autowired
	QueueFigures figures;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SimpUserRegistry users;

	@Autowired
	EndedSignIns endedSignIns;

	@Autowired
	SimpleBrokerMessageHandler broker;

	private final List<ConsoleStompClient> opened = new ArrayList<>();

	@BeforeEach
	void startWithNothingWaitingInTheCreuse() {
		this.jdbc.sql("DELETE FROM routing_entry WHERE departement_code = '23'").update();
		// that deletion tells the figures nothing: the last ones sent may still show one
		// request waiting in the Creuse since this very instant, and a new one would then
		// look like no change at all. The clock is put back on the same Monday morning
		// before every test: each test's requests start at a second of their own
		this.clock.advance(Duration.ofSeconds(TESTS_STARTED.incrementAndGet()));
	}

	@AfterEach
	void closeConsoles() {
		this.opened.forEach(ConsoleStompClient::disconnect);
		// nobody of these tests stays available for the others
		this.jdbc
			.sql("UPDATE volunteer_presence p JOIN volunteer v ON v.account_id = p.account_id "
					+ "SET p.status = 'OFFLINE' WHERE v.departement_code = '23'")
			.update();
	}

	@Test
	void refusesAHandshakeWithoutASignedInSession() {
		StaffClient anonymous = new StaffClient(this.port);
		anonymous.ensureCsrfCookie();
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> new ConsoleStompClient().connect(anonymous, origin(), true))
			.withMessageContaining("401");
	}

	@Test
	void refusesAPageOfAnotherOrigin() throws Exception {
		StaffClient volunteer = signIn(availableVolunteer());
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> new ConsoleStompClient().connect(volunteer, "https://evil.example", true))
			.withMessageContaining("403");
		// the application's public address is an allowed origin, as behind a proxy
		assertThat(open(volunteer, "https://passerelle.example", true).isConnected()).isTrue();
	}

	@Test
	void refusesAConnectWithoutTheCsrfToken() {
		StaffClient volunteer = signIn(availableVolunteer());
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> new ConsoleStompClient().connect(volunteer, origin(), false));
	}

	@Test
	void ringsTheVolunteerAnOfferIsMadeToAndNobodyElse() throws Exception {
		StaffAccount first = availableVolunteer();
		StaffAccount second = availableVolunteer();
		BlockingQueue<JsonNode> firstQueue = open(signIn(first)).subscribe("/user/queue/console");
		BlockingQueue<JsonNode> secondQueue = open(signIn(second)).subscribe("/user/queue/console");
		awaitSubscribed(first, "/user/queue/console");
		awaitSubscribed(second, "/user/queue/console");

		TicketView ticket = callbackInCreuse();
		this.routing.dispatch();

		TicketView offered = this.ticketQueries.find(ticket.id()).orElseThrow();
		assertThat(offered.status()).isEqualTo(TicketStatus.OFFERED);
		boolean toFirst = offered.assigneeId() == first.id();
		BlockingQueue<JsonNode> ringing = toFirst ? firstQueue : secondQueue;
		BlockingQueue<JsonNode> silent = toFirst ? secondQueue : firstQueue;
		JsonNode offer = ConsoleStompClient.await(ringing, 10,
				(frame) -> "OFFERED".equals(frame.path("type").asString()));
		assertThat(offer).isNotNull();
		assertThat(offer.path("ticketId").asLong()).isEqualTo(ticket.id());
		assertThat(offer.path("expiresAt").asString()).isNotBlank();
		assertThat(ConsoleStompClient.await(silent, 1, (frame) -> frame.path("ticketId").asLong() == ticket.id()))
			.isNull();
	}

	@Test
	void tellsTheVolunteerTheirRequestMovedAndTheirPresenceChanged() throws Exception {
		StaffAccount volunteer = availableVolunteer();
		BlockingQueue<JsonNode> queue = open(signIn(volunteer)).subscribe("/user/queue/console");
		awaitSubscribed(volunteer, "/user/queue/console");
		TicketView ticket = callbackInCreuse();

		assertThat(this.routing.takeNext(volunteer.id())).map(TicketView::id).hasValue(ticket.id());

		assertThat(ConsoleStompClient.await(queue, 10,
				(frame) -> "TICKET".equals(frame.path("type").asString())
						&& "ASSIGNED".equals(frame.path("status").asString())
						&& frame.path("ticketId").asLong() == ticket.id()))
			.isNotNull();
		// capacity 1: holding a request makes them busy
		assertThat(ConsoleStompClient.await(queue, 10, (frame) -> "PRESENCE".equals(frame.path("type").asString())
				&& "BUSY".equals(frame.path("status").asString())))
			.isNotNull();
	}

	@Test
	void tellsATraineeTheirTrainingMovedOnSoTheChecklistNeedNotPoll() throws Exception {
		StaffAccount trainee = TestAccounts.open(this.accounts, Role.VOLUNTEER);
		this.volunteers.register(trainee.id(), "23", Set.of("CAF"));
		BlockingQueue<JsonNode> queue = open(signIn(trainee)).subscribe("/user/queue/console");
		awaitSubscribed(trainee, "/user/queue/console");

		this.onboarding.practiceCallCompleted(trainee.id(), "CA" + UUID.randomUUID().toString().replace("-", ""));

		assertThat(ConsoleStompClient.await(queue, 10, (frame) -> "TRAINING".equals(frame.path("type").asString())))
			.isNotNull();
	}

	@Test
	void sendsTheFiguresOfARegionToThoseWhoFollowIt() throws Exception {
		StaffAccount volunteer = availableVolunteer();
		BlockingQueue<JsonNode> figures = open(signIn(volunteer))
			.subscribe(ConsoleChannel.FIGURES_TOPIC + CREUSE_REGION);
		awaitSubscribed(volunteer, ConsoleChannel.FIGURES_TOPIC + CREUSE_REGION);

		TicketView ticket = callbackInCreuse();

		// the scheduled sending may have read the figures a moment ago and wait before
		// reading them again (at most 2 s); nudged meanwhile, the figures go at the first
		// reading allowed
		List<JsonNode> seen = new ArrayList<>();
		JsonNode region = null;
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (region == null && System.nanoTime() < deadline) {
			this.figures.publishChanges();
			JsonNode frame = figures.poll(100, TimeUnit.MILLISECONDS);
			if (frame != null) {
				seen.add(frame);
				if (frame.path("rows")
					.valueStream()
					.anyMatch((row) -> "23".equals(row.path("departement").asString()))) {
					region = frame;
				}
			}
		}
		assertThat(region)
			.as("figures sent %s; the queue's now %s; subscribed %s", seen, this.figures.of(Set.of(CREUSE_REGION)),
					this.users.getUserCount())
			.isNotNull();
		assertThat(region.path("region").asString()).isEqualTo(CREUSE_REGION);
		JsonNode creuse = region.path("rows")
			.valueStream()
			.filter((row) -> "23".equals(row.path("departement").asString())
					&& "CALLBACK".equals(row.path("kind").asString()))
			.findFirst()
			.orElseThrow();
		assertThat(creuse.path("waiting").asInt()).isPositive();
		assertThat(creuse.toString()).doesNotContain(ticket.reference().toString());
	}

	@Test
	void refusesASubscriptionToARegionTheUserDoesNotFollowAndKeepsTheOthersConnected() throws Exception {
		ConsoleStompClient intruder = open(signIn(availableVolunteer()));
		StaffAccount other = availableVolunteer();
		ConsoleStompClient bystander = open(signIn(other));
		BlockingQueue<JsonNode> bystanderQueue = bystander.subscribe("/user/queue/console");

		intruder.subscribe(ConsoleChannel.FIGURES_TOPIC + "11"); // Île-de-France: not
																	// served from the
		// Creuse

		awaitRefusal(intruder);
		assertThat(bystander.isConnected()).isTrue();
		awaitSubscribed(other, "/user/queue/console");
		TicketView ticket = callbackInCreuse();
		this.routing.takeNext(other.id());
		assertThat(
				ConsoleStompClient.await(bystanderQueue, 10, (frame) -> frame.path("ticketId").asLong() == ticket.id()))
			.isNotNull();
	}

	@Test
	void refusesFramesSentToTheApplicationAndOversizedFrames() throws Exception {
		ConsoleStompClient sender = open(signIn(availableVolunteer()));
		sender.send("/app/tickets/1/accept", "{}");
		awaitRefusal(sender);

		ConsoleStompClient talker = open(signIn(availableVolunteer()));
		ConsoleStompClient bystander = open(signIn(availableVolunteer()));
		try {
			talker.send("/app/notes", "x".repeat(64 * 1024));
		}
		catch (MessageDeliveryException cutOffWhileSending) {
			// the server may close the connection before the client has sent the whole
			// frame
		}
		for (int i = 0; i < 100 && talker.isConnected(); i++) {
			Thread.sleep(50);
		}
		assertThat(talker.isConnected()).isFalse();
		assertThat(bystander.isConnected()).isTrue();
	}

	@Test
	void aDeactivatedVolunteersConsoleClosesAndTheRequestTheyHeldIsOfferedToAColleague() throws Exception {
		StaffAccount leaver = availableVolunteer();
		ConsoleStompClient leaverConsole = open(signIn(leaver));
		awaitConsoles(leaver, 1);
		TicketView ticket = callbackInCreuse();
		assertThat(this.routing.takeNext(leaver.id())).map(TicketView::id).hasValue(ticket.id());
		StaffAccount colleague = availableVolunteer();
		BlockingQueue<JsonNode> colleagueQueue = open(signIn(colleague)).subscribe("/user/queue/console");
		awaitSubscribed(colleague, "/user/queue/console");
		StaffClient admin = signIn(TestAccounts.open(this.accounts, Role.ADMIN));

		assertThat(admin.putJson("/api/admin/accounts/" + leaver.id(), "{\"role\":\"VOLUNTEER\",\"enabled\":false}")
			.statusCode()).isEqualTo(200);
		// what the console's job does every few seconds
		this.endedSignIns.closeEnded();
		awaitConsoles(leaver, 0);
		for (int i = 0; i < 100 && leaverConsole.isConnected(); i++) {
			Thread.sleep(50);
		}
		// and what routing's job does
		this.routing.dispatch();

		assertThat(leaverConsole.isConnected()).as("the deactivated volunteer's console").isFalse();
		TicketView offered = this.ticketQueries.find(ticket.id()).orElseThrow();
		assertThat(offered.status()).isEqualTo(TicketStatus.OFFERED);
		assertThat(offered.assigneeId()).isEqualTo(colleague.id());
		JsonNode offer = ConsoleStompClient.await(colleagueQueue, 10,
				(frame) -> "OFFERED".equals(frame.path("type").asString())
						&& frame.path("ticketId").asLong() == ticket.id());
		assertThat(offer).as("the colleague's console rings").isNotNull();
	}

	@Test
	void aConsoleClosesOnceItsSignInEnds() throws Exception {
		StaffAccount volunteer = availableVolunteer();
		StaffClient browser = signIn(volunteer);
		ConsoleStompClient console = open(browser);
		ConsoleStompClient colleague = open(signIn(availableVolunteer()));
		awaitConsoles(volunteer, 1);
		this.endedSignIns.closeEnded();
		assertThat(console.isConnected()).as("signed in: kept").isTrue();

		assertThat(browser.logout().statusCode()).isEqualTo(204);
		assertThat(this.endedSignIns.closeEnded()).isPositive();

		awaitConsoles(volunteer, 0);
		assertThat(colleague.isConnected()).isTrue();
		// and the browser cannot open another without signing in again
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> new ConsoleStompClient().connect(browser, origin(), true))
			.withMessageContaining("401");
	}

	@Test
	void answersAMalformedFrameWithAnErrorFrame() throws Exception {
		StaffClient browser = signIn(availableVolunteer());
		BlockingQueue<String> received = new java.util.concurrent.LinkedBlockingQueue<>();
		WebSocketHttpHeaders handshake = new WebSocketHttpHeaders();
		handshake.add("Cookie", browser.cookieHeader());
		handshake.setOrigin(origin());
		WebSocketSession socket = new StandardWebSocketClient().execute(new TextWebSocketHandler() {
			@Override
			protected void handleTextMessage(WebSocketSession session, TextMessage message) {
				received.add(message.getPayload());
			}
		}, handshake, java.net.URI.create("ws://localhost:" + this.port + StompConfiguration.ENDPOINT))
			.get(10, TimeUnit.SECONDS);
		String token = browser.cookie("XSRF-TOKEN").orElseThrow();
		socket.sendMessage(
				new TextMessage("CONNECT\naccept-version:1.2\nhost:localhost\nX-XSRF-TOKEN:" + token + "\n\n\u0000"));
		assertThat(received.poll(5, TimeUnit.SECONDS)).startsWith("CONNECTED");

		socket.sendMessage(new TextMessage("NOT-A-COMMAND\nfoo\n\n\u0000"));

		assertThat(received.poll(5, TimeUnit.SECONDS)).startsWith("ERROR").doesNotContain("Exception");
		socket.close();
	}

	@Test
	void aConsoleThatReconnectsFindsTheOfferMadeWhileItWasAway() throws Exception {
		StaffAccount volunteer = availableVolunteer();
		StaffClient browser = signIn(volunteer);
		ConsoleStompClient console = open(browser);
		console.subscribe("/user/queue/console");
		console.disconnect();

		TicketView ticket = callbackInCreuse();
		this.routing.dispatch();
		assertThat(this.ticketQueries.find(ticket.id()).orElseThrow().assigneeId()).isEqualTo(volunteer.id());

		BlockingQueue<JsonNode> queue = open(browser).subscribe("/user/queue/console");
		JsonNode state = ConsoleStompClient.json.readTree(browser.get("/api/console").body());
		assertThat(state.path("offers").valueStream().map((offer) -> offer.path("ticket").path("id").asLong()))
			.containsExactly(ticket.id());
		// capacity 1: the offer makes them busy
		assertThat(state.path("presence").asString()).isEqualTo("BUSY");
		assertThat(state.path("regions").valueStream().map(JsonNode::asString)).contains(CREUSE_REGION);

		// and what happens next reaches the new connection
		awaitSubscribed(volunteer, "/user/queue/console");
		this.routing.accept(ticket.id(), volunteer.id());
		assertThat(ConsoleStompClient.await(queue, 10, (frame) -> "ASSIGNED".equals(frame.path("status").asString())))
			.isNotNull();
	}

	@Test
	void aVolunteerWhoseConsoleStaysClosedGoesOfflineAndTheirOffersGoBackToTheQueue() throws Exception {
		StaffAccount volunteer = availableVolunteer();
		ConsoleStompClient console = open(signIn(volunteer));
		TicketView ticket = callbackInCreuse();
		this.routing.dispatch();
		assertThat(this.ticketQueries.find(ticket.id()).orElseThrow().status()).isEqualTo(TicketStatus.OFFERED);

		console.disconnect();
		awaitConsoles(volunteer, 0);
		this.clock.advance(Duration.ofSeconds(10));
		this.sessions.expireAbsentees();
		// within the grace period (a reload, a network change) nothing changes
		assertThat(this.volunteerPresence.presence(volunteer.id()).status()).isEqualTo(Presence.BUSY);
		assertThat(this.ticketQueries.find(ticket.id()).orElseThrow().status()).isEqualTo(TicketStatus.OFFERED);

		this.clock.advance(Duration.ofSeconds(25));
		this.sessions.expireAbsentees();

		assertThat(this.volunteerPresence.presence(volunteer.id()).status()).isEqualTo(Presence.OFFLINE);
		TicketView back = this.ticketQueries.find(ticket.id()).orElseThrow();
		assertThat(back.status()).isEqualTo(TicketStatus.QUEUED);
		assertThat(this.ticketQueries.timeline(ticket.id())).anyMatch((entry) -> "VOLUNTEER_AWAY".equals(entry.type()));
		// and again changes nothing
		assertThat(this.sessions.expireAbsentees()).isZero();
	}

	@Test
	void aVolunteerWhoReloadsWithinTheGracePeriodStaysAvailable() throws Exception {
		StaffAccount volunteer = availableVolunteer();
		StaffClient browser = signIn(volunteer);
		open(browser).disconnect();
		awaitConsoles(volunteer, 0);
		open(browser);
		awaitConsoles(volunteer, 1);

		this.clock.advance(Duration.ofMinutes(5));
		this.sessions.expireAbsentees();

		assertThat(this.volunteerPresence.presence(volunteer.id()).status()).isEqualTo(Presence.AVAILABLE);
	}

	/**
	 * A refused frame gets an ERROR frame, after which the server closes that connection
	 * (the client may see the close before it has handed over the frame).
	 */
	private static void awaitRefusal(ConsoleStompClient console) throws InterruptedException {
		for (int i = 0; i < 200 && console.errors.isEmpty() && console.isConnected(); i++) {
			Thread.sleep(50);
		}
		assertThat(console.errors.isEmpty() && console.isConnected()).as("frame refused").isFalse();
		assertThat(ConsoleStompClient.drain(console.errors)).allMatch((error) -> error.contains("denied"));
	}

	private StaffAccount availableVolunteer() {
		StaffAccount account = TestAccounts.open(this.accounts, Role.VOLUNTEER);
		this.volunteers.register(account.id(), "23", Set.of("CAF"));
		this.volunteers.qualify(account.id());
		this.volunteers.registerPhone(account.id(), TestPhones.randomMobile());
		this.volunteerPresence.choosePresence(account.id(), Presence.AVAILABLE);
		return account;
	}

	private StaffClient signIn(StaffAccount account) {
		StaffClient client = new StaffClient(this.port);
		assertThat(client.login(account.email(), TestAccounts.PASSWORD).statusCode()).isEqualTo(200);
		return client;
	}

	private ConsoleStompClient open(StaffClient client) throws Exception {
		return open(client, origin(), true);
	}

	private ConsoleStompClient open(StaffClient client, String origin, boolean withCsrf) throws Exception {
		ConsoleStompClient console = new ConsoleStompClient().connect(client, origin, withCsrf);
		this.opened.add(console);
		return console;
	}

	private String origin() {
		return "http://localhost:" + this.port;
	}

	private TicketView callbackInCreuse() {
		return this.tickets.open(this.requests.callback(TicketSource.WEB_FORM, "CAF", "23000",
				TestPhones.randomMobile(), null, Set.of()));
	}

	private void awaitConsoles(StaffAccount account, int count) throws InterruptedException {
		for (int i = 0; i < 100 && this.sessions.consolesOf(account.email()) != count; i++) {
			Thread.sleep(50);
		}
		assertThat(this.sessions.consolesOf(account.email())).isEqualTo(count);
	}

	/**
	 * Waits until the broker holds a subscription of this user to this destination: the
	 * simple broker sends no receipt for a SUBSCRIBE, and a message sent before the
	 * broker registered it would be lost. A user destination is held under the name
	 * Spring gives it for each session.
	 */
	private void awaitSubscribed(StaffAccount account, String destination) throws InterruptedException {
		for (int i = 0; i < 200 && !subscribed(account, destination); i++) {
			Thread.sleep(50);
		}
		assertThat(subscribed(account, destination)).as("%s subscribed", destination).isTrue();
	}

	private boolean subscribed(StaffAccount account, String destination) {
		SimpUser user = this.users.getUser(account.email());
		if (user == null) {
			return false;
		}
		return user.getSessions().stream().anyMatch((session) -> {
			String held = destination.startsWith("/user/")
					? destination.substring("/user".length()) + "-user" + session.getId() : destination;
			SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
			headers.setDestination(held);
			Message<byte[]> probe = MessageBuilder.createMessage(new byte[0], headers.getMessageHeaders());
			return this.broker.getSubscriptionRegistry().findSubscriptions(probe).containsKey(session.getId());
		});
	}

}
