package fr.passerelle.console;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

import fr.passerelle.ticket.HelpRequests;
import fr.passerelle.PasserelleApplication;
import fr.passerelle.SeparateDatabase;
import fr.passerelle.StaffClient;
import fr.passerelle.TestAccounts;
import fr.passerelle.TestClock;
import fr.passerelle.TestClockConfiguration;
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
import fr.passerelle.volunteer.Presence;
import fr.passerelle.volunteer.Volunteers;
import fr.passerelle.volunteer.VolunteerPresence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.tcp.TcpConnection;
import org.springframework.messaging.tcp.TcpConnectionHandler;
import org.springframework.messaging.tcp.TcpOperations;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.user.SimpUser;
import org.springframework.messaging.simp.user.SimpUserRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the application share RabbitMQ's STOMP broker (the
 * {@code rabbitmq_stomp} plugin on 127.0.0.1:61613, or {@code PASSERELLE_RELAY_HOST}) and
 * one database: what one instance has to tell a console reaches it on the other; the
 * second instance reaches the broker over TLS (through a TLS proxy standing for
 * RabbitMQ's TLS listener), its certificate checked against the operator's authority.
 * Without the broker the test is skipped with a notice, unless
 * {@code PASSERELLE_RELAY=required} (as in CI), where a missing broker fails it.
 */
class RelayedConsoleIntegrationTests {

	private static final String HOST = System.getenv().getOrDefault("PASSERELLE_RELAY_HOST", "127.0.0.1");

	private static final int PORT = 61613;

	/** The Creuse's région: Nouvelle-Aquitaine. */
	private static final String REGION = "75";

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	private static TlsProxy tls;

	private static Path certificates;

	private final List<ConsoleStompClient> opened = new ArrayList<>();

	@BeforeAll
	static void startTwoInstances() throws Exception {
		if (!brokerListening()) {
			assertThat("required").as("No STOMP broker at " + HOST + ":" + PORT + " while PASSERELLE_RELAY=required")
				.isNotEqualTo(System.getenv("PASSERELLE_RELAY"));
			Assumptions.abort("No STOMP broker at " + HOST + ":" + PORT
					+ ": relay tests skipped (rabbitmq-plugins enable rabbitmq_stomp)");
		}
		certificates = Files.createTempDirectory("relay-tls");
		tls = TlsProxy.start(certificates, HOST, PORT);
		first = instance();
		second = instance("--passerelle.console.relay.host=127.0.0.1", "--passerelle.console.relay.port=" + tls.port(),
				"--passerelle.console.relay.tls=true", "--passerelle.console.relay.ssl-bundle=relay",
				"--spring.ssl.bundle.pem.relay.truststore.certificate=file:" + tls.certificate());
	}

	@AfterAll
	static void stopThem() throws IOException {
		if (second != null) {
			second.close();
		}
		if (first != null) {
			first.close();
		}
		if (tls != null) {
			tls.close();
		}
	}

	@Test
	void theSecondInstanceReachesTheBrokerOverTlsAndRefusesABrokerItCannotVerify() throws Exception {
		assertThat(tls.handshakes()).as("the second instance's connections are TLS sessions").isPositive();
		assertThat(second.getBean(ConsoleBrokerHealth.class).health().getStatus()).isEqualTo(Status.UP);

		// the JDK's authorities do not know the broker's; and a broker whose certificate,
		// trusted, is made out to another address is not the one asked for
		try (TlsProxy misnamed = TlsProxy.start(certificates, "127.0.0.2", HOST, PORT)) {
			SslBundle trustingIt = SslBundle
				.of(new PemSslStoreBundle(null, PemSslStoreDetails.forCertificate("file:" + misnamed.certificate())));
			refused(RelayTls.client("127.0.0.1", tls.port(), null));
			refused(RelayTls.client("127.0.0.1", misnamed.port(), trustingIt));
			assertThat(misnamed.handshakes()).isZero();
		}
	}

	private static void refused(TcpOperations<byte[]> untrusted) throws Exception {
		CompletableFuture<Throwable> failed = new CompletableFuture<>();
		untrusted.connectAsync(new TcpConnectionHandler<>() {

			@Override
			public void afterConnected(TcpConnection<byte[]> connection) {
				connection.sendAsync(MessageBuilder.createMessage(new byte[0],
						StompHeaderAccessor.create(StompCommand.CONNECT).getMessageHeaders()));
			}

			@Override
			public void afterConnectFailure(Throwable ex) {
				failed.complete(ex);
			}

			@Override
			public void handleMessage(Message<byte[]> message) {
				failed.completeExceptionally(new AssertionError("the broker answered: " + message));
			}

			@Override
			public void handleFailure(Throwable ex) {
				failed.complete(ex);
			}

			@Override
			public void afterConnectionClosed() {
				failed.complete(null);
			}

		});
		assertThat(failed.get(20, TimeUnit.SECONDS)).as("no STOMP session over an unverified TLS connection")
			.satisfiesAnyOf((ex) -> assertThat(ex).isNull(),
					(ex) -> assertThat(ex).hasRootCauseInstanceOf(javax.net.ssl.SSLException.class),
					(ex) -> assertThat(ex).isInstanceOf(javax.net.ssl.SSLException.class));
		untrusted.shutdownAsync();
	}

	@AfterEach
	void closeConsolesAndEmptyTheQueue() {
		this.opened.forEach(ConsoleStompClient::disconnect);
		// each test finds nobody available and nothing waiting
		JdbcClient jdbc = first.getBean(JdbcClient.class);
		jdbc.sql("UPDATE volunteer_presence SET status = 'OFFLINE'").update();
		jdbc.sql("DELETE FROM routing_entry").update();
	}

	@Test
	void anOfferMadeOnOneInstanceRingsTheConsoleConnectedToTheOther() throws Exception {
		StaffAccount volunteer = availableVolunteer();
		ConsoleStompClient console = open(second, volunteer);
		String personal = personalDestination(second, volunteer);
		assertThat(personal).isEqualTo("/user/exchange/amq.direct/console");
		BlockingQueue<JsonNode> frames = console.subscribe(personal);
		awaitKnownToBoth(volunteer, 1);
		awaitRouted(frames, (messaging, probe) -> messaging.convertAndSendToUser(volunteer.email(),
				"/exchange/amq.direct/console", probe));

		TicketView ticket = callbackInCreuse();
		first.getBean(Routing.class).dispatch();

		assertThat(first.getBean(TicketQueries.class).find(ticket.id()).orElseThrow().status())
			.isEqualTo(TicketStatus.OFFERED);
		JsonNode offer = ConsoleStompClient.await(frames, 20, (frame) -> "OFFERED".equals(frame.path("type").asString())
				&& frame.path("ticketId").asLong() == ticket.id());
		assertThat(offer).as("offer pushed from the first instance").isNotNull();
		assertThat(first.getBean(ConsoleBrokerHealth.class).health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void theFiguresOneInstanceSendsReachTheConsolesOfTheOther() throws Exception {
		StaffAccount volunteer = availableVolunteer();
		BlockingQueue<JsonNode> figures = open(second, volunteer).subscribe(ConsoleChannel.FIGURES_TOPIC + REGION);
		awaitKnownToBoth(volunteer, 1);
		awaitRouted(figures,
				(messaging, probe) -> messaging.convertAndSend(ConsoleChannel.FIGURES_TOPIC + REGION, probe));

		TicketView ticket = callbackInCreuse();

		// the first instance's scheduled sending (every 500 ms when something moved)
		JsonNode region = ConsoleStompClient.await(figures, 20, (frame) -> frame.path("rows")
			.valueStream()
			.anyMatch((row) -> "23".equals(row.path("departement").asString()) && row.path("waiting").asInt() > 0));
		assertThat(region).as("figures sent by the first instance").isNotNull();
		assertThat(region.toString()).doesNotContain(ticket.reference().toString());
	}

	@Test
	void aConsoleThatMovesToTheOtherInstanceKeepsItsVolunteerAvailable() throws Exception {
		StaffAccount volunteer = availableVolunteer();
		ConsoleStompClient before = open(first, volunteer);
		before.subscribe(personalDestination(first, volunteer));
		ConsoleStompClient after = open(second, volunteer);
		after.subscribe(personalDestination(second, volunteer));
		// each instance knows both consoles: its own, and the other's from the broker
		awaitKnownToBoth(volunteer, 2);

		before.disconnect();
		ConsoleSessions sessions = first.getBean(ConsoleSessions.class);
		awaitTrue(() -> sessions.consolesOf(volunteer.email()) == 0, "console closed on the first instance");
		first.getBean(TestClock.class).advance(Duration.ofMinutes(1));

		assertThat(sessions.expireAbsentees()).as("still connected to the second instance").isZero();
		VolunteerPresence volunteerPresence = first.getBean(VolunteerPresence.class);
		assertThat(volunteerPresence.presence(volunteer.id()).status()).isEqualTo(Presence.AVAILABLE);

		// once their last console closes, they go offline as with one instance (when
		// neither instance lists a console of theirs any more)
		after.disconnect();
		for (ConfigurableApplicationContext instance : List.of(first, second)) {
			SimpUserRegistry known = instance.getBean(SimpUserRegistry.class);
			awaitTrue(() -> known.getUser(volunteer.email()) == null, "closed consoles forgotten by each instance");
		}
		second.getBean(TestClock.class).advance(Duration.ofMinutes(1));
		second.getBean(ConsoleSessions.class).expireAbsentees();
		assertThat(volunteerPresence.presence(volunteer.id()).status()).isEqualTo(Presence.OFFLINE);
	}

	@Test
	void aConsoleMayNotSubscribeToTheBrokersOwnDestinations() throws Exception {
		StaffAccount volunteer = availableVolunteer();
		for (String destination : List.of("/exchange/amq.direct/console-user" + volunteer.id(),
				"/topic/passerelle.user-registry", "/queue/console")) {
			ConsoleStompClient console = open(second, volunteer);
			console.subscribe(destination);
			awaitTrue(() -> !console.errors.isEmpty() || !console.isConnected(), destination + " refused");
			assertThat(ConsoleStompClient.drain(console.errors)).allMatch((error) -> error.contains("denied"));
		}
	}

	private static ConfigurableApplicationContext instance(String... relay) {
		List<String> arguments = new ArrayList<>(List.of(SeparateDatabase.arguments("passerelle_relay")));
		arguments.addAll(List.of("--server.port=0", "--logging.level.root=WARN"));
		arguments.addAll((relay.length > 0) ? List.of(relay)
				: List.of("--passerelle.console.relay.host=" + HOST, "--passerelle.console.relay.port=" + PORT));
		// each instance on the tests' clock, Monday morning, when the help desk is open
		return new SpringApplicationBuilder(PasserelleApplication.class, TestClockConfiguration.class).profiles("test")
			.run(arguments.toArray(String[]::new));
	}

	private static boolean brokerListening() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(HOST, PORT), 2000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int port(ConfigurableApplicationContext instance) {
		return ((WebServerApplicationContext) instance).getWebServer().getPort();
	}

	private StaffAccount availableVolunteer() {
		StaffAccount account = TestAccounts.open(first.getBean(AccountManagement.class), Role.VOLUNTEER);
		Volunteers volunteers = first.getBean(Volunteers.class);
		VolunteerPresence volunteerPresence = first.getBean(VolunteerPresence.class);
		volunteers.register(account.id(), "23", Set.of("CAF"));
		volunteers.qualify(account.id());
		volunteers.registerPhone(account.id(), TestPhones.randomMobile());
		volunteerPresence.choosePresence(account.id(), Presence.AVAILABLE);
		return account;
	}

	private ConsoleStompClient open(ConfigurableApplicationContext instance, StaffAccount account) throws Exception {
		StaffClient browser = signIn(instance, account);
		ConsoleStompClient console = new ConsoleStompClient().connect(browser, browser.baseUrl(), true);
		this.opened.add(console);
		return console;
	}

	private static StaffClient signIn(ConfigurableApplicationContext instance, StaffAccount account) {
		StaffClient client = new StaffClient(port(instance));
		assertThat(client.login(account.email(), TestAccounts.PASSWORD).statusCode()).isEqualTo(200);
		return client;
	}

	/**
	 * Where that instance tells this user's console to read its own messages.
	 */
	private static String personalDestination(ConfigurableApplicationContext instance, StaffAccount account) {
		JsonNode state = ConsoleStompClient.json.readTree(signIn(instance, account).get("/api/console").body());
		return state.path("channel").path("personal").asString();
	}

	/**
	 * Waits until both instances' user registries (each instance's own sessions, and the
	 * others' as the broker last told it) hold this many consoles of the user.
	 */
	private static void awaitKnownToBoth(StaffAccount account, int consoles) throws InterruptedException {
		for (ConfigurableApplicationContext instance : List.of(first, second)) {
			SimpUserRegistry users = instance.getBean(SimpUserRegistry.class);
			awaitTrue(() -> {
				SimpUser user = users.getUser(account.email());
				return user != null && user.getSessions().size() == consoles;
			}, consoles + " console(s) known to each instance");
		}
	}

	/**
	 * Sends probes from the first instance until one reaches the console: RabbitMQ sends
	 * no receipt for a SUBSCRIBE, and a message sent before its queue is bound is lost.
	 */
	private static void awaitRouted(BlockingQueue<JsonNode> frames,
			BiConsumer<SimpMessagingTemplate, Map<String, String>> send) throws InterruptedException {
		SimpMessagingTemplate messaging = first.getBean(SimpMessagingTemplate.class);
		JsonNode probe = null;
		for (int i = 0; i < 40 && probe == null; i++) {
			send.accept(messaging, Map.of("type", "PROBE"));
			probe = ConsoleStompClient.await(frames, 1, (frame) -> "PROBE".equals(frame.path("type").asString()));
		}
		assertThat(probe).as("a probe through RabbitMQ").isNotNull();
	}

	private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
		for (int i = 0; i < 600 && !condition.getAsBoolean(); i++) {
			Thread.sleep(50);
		}
		assertThat(condition.getAsBoolean()).as(what).isTrue();
	}

	private static TicketView callbackInCreuse() {
		return first.getBean(TicketManagement.class)
			.open(first.getBean(HelpRequests.class)
				.callback(TicketSource.WEB_FORM, "CAF", "23000", TestPhones.randomMobile(), null, Set.of()));
	}

}
