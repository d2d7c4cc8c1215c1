package fr.passerelle.console;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import fr.passerelle.privacy.PhoneNumber;
import fr.passerelle.ticket.HelpRequests;
import fr.passerelle.Benchmarks;
import fr.passerelle.PasserelleApplication;
import fr.passerelle.SeparateDatabase;
import fr.passerelle.StaffClient;
import fr.passerelle.TestAccounts;
import fr.passerelle.TestPhones;
import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.Role;
import fr.passerelle.account.StaffAccount;
import fr.passerelle.ticket.HelpRequest;
import fr.passerelle.ticket.TicketKind;
import fr.passerelle.ticket.TicketManagement;
import fr.passerelle.ticket.TicketSource;
import fr.passerelle.volunteer.Volunteers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * 1,000 consoles connected to one instance, all following the figures of one région: a
 * queue change (a request queued there) is broadcast to all of them. Measures the
 * delivery time from the broadcast's start (figures read from the database and sent) to
 * each console's reception, p50/p95/p99, and the heap each connected console costs. Then
 * a console that stops reading while a flood of large messages is sent to it: Spring's
 * send time and buffer limits must cut it off, while the broadcasts to the others keep
 * their pace. Clients and server share this JVM (the heap figure covers both ends). Run
 * with {@code mvn -Pbench -pl backend verify -Dtest=ConsoleBroadcastBenchmark}; results
 * in {@code backend/target/bench/console-broadcast.txt} and {@code .json}.
 */
class ConsoleBroadcastBenchmark {

	private static final int SESSIONS = Integer.getInteger("passerelle.bench.sessions", 1_000);

	/** Accounts the sessions are spread over (several consoles each, as several tabs). */
	private static final int ACCOUNTS = 50;

	private static final int ROUNDS = 40;

	/**
	 * Broadcasts before the measured ones, while the JIT compiles the paths they take.
	 */
	private static final int WARM_UP = 20;

	private static final int QUIET = WARM_UP;

	private static final int FLOOD = WARM_UP + ROUNDS;

	private static final int ALL = WARM_UP + 2 * ROUNDS;

	private static final String REGION = "84";

	private static final int FLOOD_MESSAGES = 4_000;

	private static final int FLOOD_MESSAGE_BYTES = 32 * 1024;

	private static final String BUFFER_LIMIT = "512KB";

	private static final String TIME_LIMIT = "10s";

	@Test
	void broadcastsAQueueChangeToAThousandConsoles() throws Exception {
		try (ConfigurableApplicationContext app = instance()) {
			SeparateDatabase.reset(app);
			int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
			AccountManagement accounts = app.getBean(AccountManagement.class);
			Volunteers volunteers = app.getBean(Volunteers.class);
			List<StaffClient> browsers = new ArrayList<>();
			for (int i = 0; i < ACCOUNTS; i++) {
				browsers.add(signedIn(port, volunteer(accounts, volunteers)));
			}
			StaffAccount slow = volunteer(accounts, volunteers);
			StaffClient slowBrowser = signedIn(port, slow);

			long heapBefore = usedHeap();
			// received[round][session]: when each console received each round
			long[][] received = new long[ALL][SESSIONS];
			long connecting = System.nanoTime();
			List<ConsoleStompClient> consoles = connect(port, browsers, received);
			System.out.printf("connected in %.1f s%n", Benchmarks.secondsSince(connecting));
			Thread.sleep(2_000); // the last SUBSCRIBE frames are registered by the broker
			long heapPerSession = (usedHeap() - heapBefore) / SESSIONS;
			System.out.printf("%d consoles connected; heap per console (client and server): %d KB%n", SESSIONS,
					heapPerSession / 1024);

			TicketManagement tickets = app.getBean(TicketManagement.class);
			// a caller on the line in the Rhône; each round's has a number of their own
			HelpRequests requests = app.getBean(HelpRequests.class);
			HelpRequest liveCall = new HelpRequest(TicketSource.PHONE, TicketKind.LIVE_CALL, requests.topic("CAF"),
					requests.area("69001"), PhoneNumber.parse(TestPhones.randomMobile()), null, Set.of(), null);
			QueueFigures figures = app.getBean(QueueFigures.class);
			long[] started = new long[ALL];
			broadcast(tickets, liveCall, figures, received, started, 0, QUIET);
			broadcast(tickets, liveCall, figures, received, started, QUIET, FLOOD);
			long[] quiet = latencies(received, started, QUIET, FLOOD);

			// a console that stops reading, flooded with large messages
			AtomicLong cutOffAt = new AtomicLong();
			app.addApplicationListener((ApplicationEvent event) -> {
				if (event instanceof SessionDisconnectEvent disconnect && disconnect.getUser() != null
						&& slow.email().equals(disconnect.getUser().getName())) {
					cutOffAt.compareAndSet(0, System.nanoTime());
				}
			});
			CountDownLatch stopReading = new CountDownLatch(1);
			WebSocketSession stuck = stuckConsole(port, slowBrowser, stopReading);
			SimpMessagingTemplate messaging = app.getBean(SimpMessagingTemplate.class);
			long floodStarted = System.nanoTime();
			AtomicBoolean flooding = new AtomicBoolean(true);
			AtomicInteger flooded = new AtomicInteger();
			Thread flood = new Thread(() -> {
				String big = "{\"type\":\"FLOOD\",\"padding\":\"" + "x".repeat(FLOOD_MESSAGE_BYTES) + "\"}";
				for (int i = 0; i < FLOOD_MESSAGES && flooding.get(); i++) {
					messaging.convertAndSendToUser(slow.email(), "/queue/console", big);
					flooded.incrementAndGet();
				}
			});
			flood.start();
			broadcast(tickets, liveCall, figures, received, started, FLOOD, ALL);
			long[] duringFlood = latencies(received, started, FLOOD, ALL);
			flooding.set(false);
			flood.join(30_000);
			stopReading.countDown();
			double cutOffMillis = (cutOffAt.get() != 0) ? Benchmarks.millis(cutOffAt.get() - floodStarted) : Double.NaN;
			stuck.close();
			consoles.forEach(ConsoleStompClient::disconnect);

			report(heapPerSession, quiet, duringFlood, cutOffMillis, flooded.get(), missing(received, QUIET, ALL));
		}
	}

	private static StaffAccount volunteer(AccountManagement accounts, Volunteers volunteers) {
		StaffAccount account = TestAccounts.open(accounts, Role.VOLUNTEER);
		volunteers.register(account.id(), "69", Set.of("CAF"));
		return account;
	}

	private static StaffClient signedIn(int port, StaffAccount account) {
		StaffClient browser = new StaffClient(port);
		if (browser.login(account.email(), TestAccounts.PASSWORD).statusCode() != 200) {
			throw new IllegalStateException("Sign-in refused for " + account.email());
		}
		return browser;
	}

	private static List<ConsoleStompClient> connect(int port, List<StaffClient> browsers, long[][] received)
			throws Exception {
		ExecutorService connecting = Executors.newFixedThreadPool(16);
		List<Future<ConsoleStompClient>> pending = new ArrayList<>();
		for (int i = 0; i < SESSIONS; i++) {
			int session = i;
			StaffClient browser = browsers.get(i % browsers.size());
			pending.add(connecting.submit(() -> {
				ConsoleStompClient console = new ConsoleStompClient().connect(browser, "http://localhost:" + port,
						true);
				console.subscribe(ConsoleChannel.FIGURES_TOPIC + REGION, (body) -> {
					long now = System.nanoTime();
					int round = roundOf(body);
					if (round >= 0 && round < received.length) {
						received[round][session] = now;
					}
				});
				return console;
			}));
		}
		List<ConsoleStompClient> consoles = new ArrayList<>();
		for (Future<ConsoleStompClient> console : pending) {
			consoles.add(console.get(60, TimeUnit.SECONDS));
		}
		connecting.shutdown();
		return consoles;
	}

	/** Round r is the broadcast of the (r+1)-th request queued in the région. */
	private static int roundOf(String body) {
		JsonNode figures = ConsoleStompClient.json.readTree(body);
		int waiting = 0;
		for (JsonNode row : figures.path("rows")) {
			waiting += row.path("waiting").asInt();
		}
		return waiting - 1;
	}

	private static void broadcast(TicketManagement tickets, HelpRequest liveCall, QueueFigures figures,
			long[][] received, long[] started, int from, int to) throws InterruptedException {
		for (int round = from; round < to; round++) {
			// a caller on the line (a callback asked for outside opening hours would
			// wait, scheduled, for them)
			tickets.open(new HelpRequest(liveCall.source(), liveCall.kind(), liveCall.topic(), liveCall.area(),
					PhoneNumber.parse(TestPhones.randomMobile()), null, Set.of(), null));
			started[round] = System.nanoTime();
			figures.publishChanges();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (System.nanoTime() < deadline && Arrays.stream(received[round]).anyMatch((at) -> at == 0)) {
				Thread.sleep(5);
			}
			Thread.sleep(100);
		}
	}

	private static long[] latencies(long[][] received, long[] started, int from, int to) {
		List<Long> all = new ArrayList<>();
		for (int round = from; round < to; round++) {
			for (long at : received[round]) {
				if (at != 0) {
					all.add(at - started[round]);
				}
			}
		}
		long[] sorted = all.stream().mapToLong(Long::longValue).toArray();
		Arrays.sort(sorted);
		return sorted;
	}

	private static long missing(long[][] received, int from, int to) {
		long missing = 0;
		for (int round = from; round < to; round++) {
			missing += Arrays.stream(received[round]).filter((at) -> at == 0).count();
		}
		return missing;
	}

	/**
	 * A console that connects and subscribes, then stops reading: its handler blocks on
	 * the first message, so the connection's reading thread stops and the socket's
	 * buffers fill.
	 */
	private static WebSocketSession stuckConsole(int port, StaffClient browser, CountDownLatch release)
			throws Exception {
		WebSocketHttpHeaders handshake = new WebSocketHttpHeaders();
		handshake.add("Cookie", browser.cookieHeader());
		handshake.setOrigin("http://localhost:" + port);
		CountDownLatch connected = new CountDownLatch(1);
		WebSocketSession socket = new StandardWebSocketClient().execute(new TextWebSocketHandler() {
			@Override
			protected void handleTextMessage(WebSocketSession session, TextMessage message) throws Exception {
				if (message.getPayload().startsWith("CONNECTED")) {
					connected.countDown();
					return;
				}
				release.await(2, TimeUnit.MINUTES);
			}
		}, handshake, URI.create("ws://localhost:" + port + StompConfiguration.ENDPOINT)).get(10, TimeUnit.SECONDS);
		String token = browser.cookie("XSRF-TOKEN").orElseThrow();
		socket.sendMessage(new TextMessage(
				"CONNECT\naccept-version:1.2\nhost:localhost\nheart-beat:0,0\nX-XSRF-TOKEN:" + token + "\n\n\u0000"));
		connected.await(10, TimeUnit.SECONDS);
		socket.sendMessage(new TextMessage("SUBSCRIBE\nid:0\ndestination:/user/queue/console\n\n\u0000"));
		Thread.sleep(300);
		return socket;
	}

	private static long usedHeap() throws InterruptedException {
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(200);
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	private static void report(long heapPerSession, long[] quiet, long[] flooding, double cutOffMillis, int flooded,
			long missing) throws Exception {
		String text = String.format(Locale.ROOT,
				"""
						Console broadcast: %d STOMP consoles on one instance, one région's figures broadcast to all
						  heap per connected console (client and server in one JVM): %d KB
						  delivery, quiet:     p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (%d deliveries)
						  delivery, while one console stops reading and is flooded (%d × %d KB sent to it):
						                       p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (%d deliveries)
						  p95 while flooding / p95 quiet: %.2f (1.00 = the stuck console slows nobody)
						stuck console cut off by the server %.0f ms after the flood began (send buffer limit %s, send time limit %s)
						  deliveries missing: %d
						  target: p95 <= 100 ms -> %s
						""",
				SESSIONS, heapPerSession / 1024, ms(quiet, 50), ms(quiet, 95), ms(quiet, 99),
				Benchmarks.millis(quiet[quiet.length - 1]), quiet.length, flooded, FLOOD_MESSAGE_BYTES / 1024,
				ms(flooding, 50), ms(flooding, 95), ms(flooding, 99), Benchmarks.millis(flooding[flooding.length - 1]),
				flooding.length, ms(flooding, 95) / ms(quiet, 95), cutOffMillis, BUFFER_LIMIT, TIME_LIMIT, missing,
				(ms(quiet, 95) <= 100 && ms(flooding, 95) <= 100) ? "met" : "NOT met");
		String json = String.format(Locale.ROOT,
				"{\"sessions\":%d,\"heapPerSessionBytes\":%d,\"quiet\":{\"p50\":%.2f,\"p95\":%.2f,\"p99\":%.2f},"
						+ "\"flooding\":{\"p50\":%.2f,\"p95\":%.2f,\"p99\":%.2f},\"cutOffMillis\":%.1f,"
						+ "\"missingDeliveries\":%d}",
				SESSIONS, heapPerSession, ms(quiet, 50), ms(quiet, 95), ms(quiet, 99), ms(flooding, 50),
				ms(flooding, 95), ms(flooding, 99), cutOffMillis, missing);
		Benchmarks.write("console-broadcast", text, json);
	}

	private static double ms(long[] sorted, int percent) {
		return Benchmarks.millis(Benchmarks.percentile(sorted, percent));
	}

	private static ConfigurableApplicationContext instance() {
		List<String> arguments = new ArrayList<>(List.of(SeparateDatabase.arguments("passerelle_bench_console")));
		arguments.addAll(List.of("--server.port=0", "--passerelle.embedded-db.data-dir=target/bench-mariadb",
				"--passerelle.embedded-db.args=", "--logging.level.root=WARN",
				// broadcasts are started by the benchmark alone
				"--passerelle.console.figures-interval=1h",
				"--passerelle.console.send-buffer-size-limit=" + BUFFER_LIMIT,
				"--passerelle.console.send-time-limit=" + TIME_LIMIT));
		return new SpringApplicationBuilder(PasserelleApplication.class).profiles("test")
			.run(arguments.toArray(String[]::new));
	}

}
