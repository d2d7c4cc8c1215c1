package fr.passerelle.routing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import fr.passerelle.PasserelleApplication;
import fr.passerelle.SeparateDatabase;
import fr.passerelle.TestAccounts;
import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.Role;
import fr.passerelle.platform.RejectedRequest;
import fr.passerelle.ticket.TicketManagement;
import fr.passerelle.ticket.TicketView;
import fr.passerelle.volunteer.Presence;
import fr.passerelle.volunteer.Volunteers;
import fr.passerelle.volunteer.VolunteerPresence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the application sharing one database, 50 claimers (25 volunteers, each
 * claiming from both instances at once), 10,000 queued requests: every request is
 * assigned exactly once, none is lost, and no volunteer ever holds more than their
 * capacity.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentClaimsIntegrationTests {

	private static final int TICKETS = Integer.getInteger("passerelle.test.concurrent-tickets", 10_000);

	private static final int VOLUNTEERS = 25;

	private ConfigurableApplicationContext first;

	private ConfigurableApplicationContext second;

	@BeforeAll
	void startTwoInstances() {
		this.first = instance();
		System.out
			.println("Concurrency test database: " + this.first.getEnvironment().getProperty("spring.datasource.url")
					+ " / " + this.first.getEnvironment().getProperty("passerelle.embedded-db.database"));
		SeparateDatabase.reset(this.first);
		this.second = instance();
	}

	@AfterAll
	void stopThem() {
		for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] { this.second,
				this.first }) {
			if (instance != null) {
				instance.close();
			}
		}
	}

	@Test
	void assignsEveryRequestExactlyOnceAcrossTwoInstancesWithinCapacity() throws Exception {
		JdbcClient jdbc = this.first.getBean(JdbcClient.class);
		List<Long> volunteers = volunteers();
		seedQueuedTickets(this.first.getBean(JdbcTemplate.class), TICKETS);

		Map<Long, Long> assignedTo = new ConcurrentHashMap<>();
		List<String> violations = new CopyOnWriteArrayList<>();
		AtomicInteger retries = new AtomicInteger();
		ExecutorService claimers = Executors.newFixedThreadPool(2 * VOLUNTEERS);
		List<Future<?>> running = new ArrayList<>();
		for (long volunteer : volunteers) {
			for (ConfigurableApplicationContext instance : List.of(this.first, this.second)) {
				running
					.add(claimers.submit(() -> claimUntilEmpty(instance, volunteer, assignedTo, violations, retries)));
			}
		}
		long started = System.nanoTime();
		for (Future<?> claimer : running) {
			claimer.get(5, TimeUnit.MINUTES);
		}
		claimers.shutdown();
		long millis = (System.nanoTime() - started) / 1_000_000;
		System.out.printf("%d requests claimed and closed by %d claimers on 2 instances in %d ms (%d retries)%n",
				TICKETS, 2 * VOLUNTEERS, millis, retries.get());

		assertThat(violations).isEmpty();
		assertThat(assignedTo).hasSize(TICKETS);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM ticket WHERE status = 'CANCELLED'").query(Long.class).single())
			.isEqualTo(TICKETS);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM routing_entry").query(Long.class).single()).isZero();
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM (SELECT ticket_id FROM ticket_event WHERE type = 'ASSIGNED' GROUP BY ticket_id "
					+ "HAVING COUNT(*) = 1) once")
			.query(Long.class)
			.single()).isEqualTo(TICKETS);
		assertThat(assignedTo.values().stream().distinct().count()).as("every volunteer took part")
			.isEqualTo(VOLUNTEERS);
	}

	private void claimUntilEmpty(ConfigurableApplicationContext instance, long volunteer, Map<Long, Long> assignedTo,
			List<String> violations, AtomicInteger retries) {
		Routing routing = instance.getBean(Routing.class);
		TicketManagement tickets = instance.getBean(TicketManagement.class);
		JdbcClient jdbc = instance.getBean(JdbcClient.class);
		while (true) {
			Optional<TicketView> claimed;
			try {
				claimed = routing.takeNext(volunteer);
			}
			catch (RejectedRequest atCapacity) {
				// the same volunteer's claim in the other instance holds a request: wait
				// as a console would
				pause();
				continue;
			}
			catch (ConcurrencyFailureException deadlockOrTimeout) {
				retries.incrementAndGet();
				continue;
			}
			if (claimed.isEmpty()) {
				if (jdbc.sql("SELECT COUNT(*) FROM routing_entry WHERE state = 'WAITING'")
					.query(Long.class)
					.single() == 0) {
					return;
				}
				continue;
			}
			long ticketId = claimed.get().id();
			Long earlier = assignedTo.putIfAbsent(ticketId, volunteer);
			if (earlier != null) {
				violations.add("ticket " + ticketId + " assigned to " + earlier + " and " + volunteer);
			}
			long held = jdbc
				.sql("SELECT COUNT(*) FROM ticket WHERE assignee_id = ? AND status IN ('ASSIGNED', 'IN_CALL')")
				.param(volunteer)
				.query(Long.class)
				.single();
			if (held > 1) {
				violations.add("volunteer " + volunteer + " holds " + held + " tickets, capacity 1");
			}
			tickets.cancel(ticketId, volunteer, "handled in the concurrency test");
		}
	}

	private static void pause() {
		try {
			Thread.sleep(2);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private List<Long> volunteers() {
		AccountManagement accounts = this.first.getBean(AccountManagement.class);
		Volunteers volunteers = this.first.getBean(Volunteers.class);
		VolunteerPresence volunteerPresence = this.first.getBean(VolunteerPresence.class);
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < VOLUNTEERS; i++) {
			long id = TestAccounts.open(accounts, Role.VOLUNTEER).id();
			volunteers.register(id, "75", Set.of("CAF"));
			volunteers.configureRouting(id, Set.of("fr"), 1, Set.of("75"), Set.of(), true);
			volunteers.qualify(id);
			volunteerPresence.choosePresence(id, Presence.AVAILABLE);
			ids.add(id);
		}
		return ids;
	}

	/**
	 * Queued callbacks written straight to the tables (opening 10,000 requests one by one
	 * is not what is tested).
	 */
	static void seedQueuedTickets(JdbcTemplate jdbc, int count) {
		// Waiting for two days: escalated to volunteers who serve the whole country,
		// wherever they come from.
		Instant start = Instant.now().minus(java.time.Duration.ofDays(2));
		String[] departements = { "75", "13", "69", "35", "974" };
		String[] regions = { "11", "93", "84", "53", "04" };
		String[] postcodes = { "75001", "13001", "69001", "35000", "97400" };
		List<Object[]> tickets = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Timestamp waitingSince = Timestamp.from(start.plusMillis(i));
			tickets.add(new Object[] { reference(i), postcodes[i % 5], departements[i % 5], regions[i % 5],
					waitingSince, waitingSince });
		}
		for (int from = 0; from < count; from += 10_000) {
			jdbc.batchUpdate("""
					INSERT INTO ticket (reference, source, kind, topic_code, postcode, departement_code, region_code,
					    priority, status, created_at, waiting_since)
					VALUES (?, 'WEB_FORM', 'CALLBACK', 'CAF', ?, ?, ?, 0, 'QUEUED', ?, ?)""",
					tickets.subList(from, Math.min(count, from + 10_000)));
		}
		jdbc.update("""
				INSERT INTO routing_entry (ticket_id, kind, lane, topic_code, departement_code, region_code, language,
				    priority, urgency, waiting_since, state)
				SELECT id, kind, 1, topic_code, departement_code, region_code, language, priority, 9, waiting_since,
				    'WAITING'
				FROM ticket WHERE status = 'QUEUED' AND reference LIKE 'Q%'""");
	}

	private static String reference(int i) {
		String alphabet = "ACDEFGHJKMNPQRTUVWXY34679";
		StringBuilder reference = new StringBuilder("Q");
		for (int n = i, k = 0; k < 5; k++, n /= alphabet.length()) {
			reference.append(alphabet.charAt(n % alphabet.length()));
		}
		return reference.insert(3, '-').toString();
	}

	private static ConfigurableApplicationContext instance() {
		List<String> arguments = new ArrayList<>(List.of(SeparateDatabase.arguments("passerelle_concurrency")));
		arguments.addAll(List.of("--server.port=0", "--spring.datasource.hikari.maximum-pool-size=40"));
		return new SpringApplicationBuilder(PasserelleApplication.class).profiles("test")
			.run(arguments.toArray(String[]::new));
	}

}
