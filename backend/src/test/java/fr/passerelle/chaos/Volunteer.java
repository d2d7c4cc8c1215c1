package fr.passerelle.chaos;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import fr.passerelle.StaffClient;
import fr.passerelle.console.ConsoleStompClient;

/**
 * A volunteer at their console during the fault runs, as the staff app behaves: a
 * real-time connection (reopened every second while it is down, the console's state read
 * again each time), available, accepting what is offered to them and taking the next
 * request when nothing is, one at a time, each recorded with its outcome. When their
 * instance stops answering they carry on through the other (same browser, same session).
 */
final class Volunteer implements Runnable {

	private static final String OUTCOME = """
			{"supportType":"demarche_administrative","durationMinutes":12,"procedureThemes":["social_sante"],
			 "supportThemes":["navigation_sur_internet"],"equipment":["telephone"],
			 "autonomy":"partiellement_autonome","completion":"finalisee"}""";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String email;

	private final List<StaffClient> browsers;

	private final Ledger ledger;

	private int current;

	private ConsoleStompClient console;

	private BlockingQueue<JsonNode> frames;

	private volatile boolean running = true;

	private final Duration conversation;

	private final Duration claimEvery;

	private long nextClaim;

	private volatile long consoleOpenedAt;

	/**
	 * @param conversation how long they talk with a citizen before the outcome form
	 * @param claimEvery how often, with nothing offered, they take the next request
	 */
	Volunteer(String email, List<PasserelleInstance> instances, int first, Ledger ledger, Duration conversation,
			Duration claimEvery) {
		this.email = email;
		this.conversation = conversation;
		this.claimEvery = claimEvery;
		StaffClient browser = new StaffClient(instances.get(0).port());
		this.browsers = instances.stream().map((instance) -> browser.on(instance.port())).toList();
		this.current = first % instances.size();
		this.ledger = ledger;
	}

	/**
	 * Whether their console is open, opened at or after this {@link System#nanoTime()}.
	 */
	boolean consoleOpenedSince(long since) {
		ConsoleStompClient open = this.console;
		return open != null && open.isConnected() && this.consoleOpenedAt - since >= 0;
	}

	void stop() {
		this.running = false;
	}

	@Override
	public void run() {
		boolean signedIn = false;
		boolean everConnected = false;
		while (this.running) {
			try {
				if (!signedIn) {
					signedIn = browser().login(this.email, ChaosVolunteers.PASSWORD).statusCode() == 200;
					continue;
				}
				if (this.console == null || !this.console.isConnected()) {
					openConsole();
					this.consoleOpenedAt = System.nanoTime();
					if (everConnected) {
						this.ledger.reconnections.incrementAndGet();
					}
					everConnected = true;
				}
				JsonNode frame = this.frames.poll(500, TimeUnit.MILLISECONDS);
				if (frame != null && "OFFERED".equals(frame.path("type").asString())) {
					accept(frame.path("ticketId").asLong());
				}
				else if (System.nanoTime() > this.nextClaim) {
					claimNext();
				}
			}
			catch (Exception failed) {
				// no answer (or not yet): the other instance, a second later
				this.ledger.failovers.incrementAndGet();
				this.current = (this.current + 1) % this.browsers.size();
				this.console = null;
				pause(1000);
			}
		}
		if (this.console != null) {
			this.console.disconnect();
		}
	}

	private StaffClient browser() {
		return this.browsers.get(this.current);
	}

	/**
	 * Connects, subscribes, then reads the console's state: what was missed meanwhile.
	 */
	private void openConsole() throws Exception {
		ConsoleStompClient opened = new ConsoleStompClient().connect(browser(), browser().baseUrl(), true);
		JsonNode state = JSON.readTree(ok(browser().get("/api/console")).body());
		this.frames = opened.subscribe(state.path("channel").path("personal").asString());
		this.console = opened;
		if (!"AVAILABLE".equals(state.path("presence").asString())) {
			ok(browser().putJson("/api/volunteers/me/presence", "{\"status\":\"AVAILABLE\"}"));
		}
		for (JsonNode held : state.path("held")) {
			complete(held.path("id").asLong());
		}
		for (JsonNode offer : state.path("offers")) {
			accept(offer.path("ticket").path("id").asLong());
		}
	}

	private void accept(long ticketId) throws InterruptedException {
		HttpResponse<String> accepted = browser().postJson("/api/tickets/" + ticketId + "/accept", "");
		if (accepted.statusCode() == 200) {
			this.ledger.offersAccepted.incrementAndGet();
			given(ticketId);
		}
		else if (accepted.statusCode() >= 500) {
			throw new IllegalStateException("accept answered " + accepted.statusCode());
		}
	}

	/** "Prendre la suivante", sent again with the same key until it is answered. */
	private void claimNext() throws InterruptedException {
		String key = UUID.randomUUID().toString();
		HttpResponse<String> claimed = null;
		for (int attempt = 0; claimed == null; attempt++) {
			try {
				claimed = browser().send(browser().withCsrf(browser().request("/api/routing/next")
					.header("Idempotency-Key", key)
					.POST(BodyPublishers.noBody())));
				if (claimed.statusCode() >= 500) {
					claimed = null;
				}
			}
			catch (RuntimeException cut) {
				if (attempt == 10) {
					throw cut;
				}
				this.current = (this.current + 1) % this.browsers.size();
				pause(1000);
			}
		}
		if (claimed.statusCode() == 200) {
			this.ledger.claims.incrementAndGet();
			given(JSON.readTree(claimed.body()).path("id").asLong());
		}
		// nothing to take (204), or paused by the wrap-up after the last request (409)
		this.nextClaim = System.nanoTime() + this.claimEvery.toNanos();
	}

	private void given(long ticketId) throws InterruptedException {
		String earlier = this.ledger.assignedTo.putIfAbsent(ticketId, this.email);
		if (earlier != null && !earlier.equals(this.email)) {
			this.ledger.violations.add("ticket " + ticketId + " given to " + earlier + " and " + this.email);
		}
		complete(ticketId);
	}

	/** The conversation, then the outcome form; sent again until it is recorded. */
	private void complete(long ticketId) throws InterruptedException {
		pause(this.conversation.toMillis());
		for (int attempt = 0;; attempt++) {
			try {
				int status = browser().putJson("/api/tickets/" + ticketId + "/outcome", OUTCOME).statusCode();
				if (status < 500) {
					this.ledger.completed.merge(ticketId, 1, Integer::sum);
					return;
				}
			}
			catch (RuntimeException cut) {
				this.current = (this.current + 1) % this.browsers.size();
			}
			if (attempt == 30) {
				this.ledger.violations.add("ticket " + ticketId + ": its outcome could not be recorded");
				return;
			}
			pause(1000);
		}
	}

	private static HttpResponse<String> ok(HttpResponse<String> response) {
		if (response.statusCode() != 200) {
			throw new IllegalStateException("answered " + response.statusCode());
		}
		return response;
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException stopped) {
			Thread.currentThread().interrupt();
		}
	}

	/** What all the volunteers did, and anything that should never happen. */
	static final class Ledger {

		final Map<Long, String> assignedTo = new ConcurrentHashMap<>();

		final Map<Long, Integer> completed = new ConcurrentHashMap<>();

		final ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();

		final AtomicInteger offersAccepted = new AtomicInteger();

		final AtomicInteger claims = new AtomicInteger();

		final AtomicInteger reconnections = new AtomicInteger();

		final AtomicInteger failovers = new AtomicInteger();

		@Override
		public String toString() {
			return "%d offers accepted, %d taken with \"Prendre la suivante\", %d outcomes recorded, %d consoles reopened, %d switches to the other instance"
				.formatted(this.offersAccepted.get(), this.claims.get(), this.completed.size(),
						this.reconnections.get(), this.failovers.get());
		}

	}

}
