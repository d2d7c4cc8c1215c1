package fr.passerelle.ticket;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import fr.passerelle.IntegrationTest;
import fr.passerelle.TestPhones;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.IncompleteEventPublications;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events between modules go through Spring Modulith's publication registry in MariaDB: a
 * listener that fails leaves its publication incomplete, and resubmitting it (as
 * EventPublicationJobs does once it is old enough) delivers the event again.
 */
@IntegrationTest
@Import(EventPublicationRegistryIntegrationTests.FlakyListenerConfiguration.class)
class EventPublicationRegistryIntegrationTests {

	@Autowired
	HelpRequests requests;

	@Autowired
	TicketManagement tickets;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IncompleteEventPublications incomplete;

	@Autowired
	FlakyListener listener;

	@Test
	void keepsAnEventAListenerFailedOnAndDeliversItAgain() {
		TicketView ticket = this.tickets.open(this.requests.callback(TicketSource.WEB_FORM, "CAF", "75011",
				TestPhones.randomMobile(), null, Set.of()));

		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> this.listener.hasFailed());
		assertThat(incompleteFor(ticket)).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT SERIALIZED_EVENT FROM EVENT_PUBLICATION WHERE SERIALIZED_EVENT LIKE ?")
			.param("%\"ticketId\":" + ticket.id() + ",%")
			.query(String.class)
			.list()).allSatisfy((json) -> assertThat(json).doesNotContain("+33").doesNotContain("06"));

		this.incomplete.resubmitIncompletePublications(
				(publication) -> publication.getEvent() instanceof CallbackRequested requested
						&& requested.ticketId() == ticket.id());

		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> this.listener.received().contains(ticket.id()));
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> incompleteFor(ticket) == 0);
		assertThat(this.listener.received()).containsOnlyOnce(ticket.id());
	}

	private long incompleteFor(TicketView ticket) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL AND EVENT_TYPE LIKE ? "
					+ "AND SERIALIZED_EVENT LIKE ? AND LISTENER_ID LIKE ?")
			// the flaky listener's publication: the other listeners may still be at work
			.params("%CallbackRequested", "%\"ticketId\":" + ticket.id() + ",%", "%FlakyListener%")
			.query(Long.class)
			.single();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FlakyListenerConfiguration {

		@Bean
		FlakyListener flakyListener() {
			return new FlakyListener();
		}

	}

	/**
	 * Fails on the first callback request it receives, like an SMS gateway that is down.
	 */
	static class FlakyListener {

		private final AtomicBoolean failedOnce = new AtomicBoolean();

		private final List<Long> received = new CopyOnWriteArrayList<>();

		// Read through methods: the listener is a proxy (asynchronous, transactional),
		// its fields are not the bean's.
		boolean hasFailed() {
			return this.failedOnce.get();
		}

		List<Long> received() {
			return this.received;
		}

		@ApplicationModuleListener
		void on(CallbackRequested requested) {
			if (this.failedOnce.compareAndSet(false, true)) {
				throw new IllegalStateException("gateway down");
			}
			this.received.add(requested.ticketId());
		}

	}

}
