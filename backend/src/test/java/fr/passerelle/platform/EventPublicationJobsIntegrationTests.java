package fr.passerelle.platform;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import fr.passerelle.IntegrationTest;
import fr.passerelle.TestClock;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.ScheduledAnnotationBeanPostProcessor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events between modules with several instances: nothing is handed again as an instance
 * restarts (the others may be handling it); one instance hands again what is still not
 * handled once it is old enough, and deletes what was handled long ago. Jobs run on
 * threads of their own, not on the consoles' broker's.
 */
@IntegrationTest
@Import(EventPublicationJobsIntegrationTests.Listening.class)
class EventPublicationJobsIntegrationTests {

	@Autowired
	IncompleteEventPublications incomplete;

	@Autowired
	CompletedEventPublications completed;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment environment;

	@Autowired
	FailingOnce listener;

	@Autowired
	ScheduledAnnotationBeanPostProcessor scheduling;

	@Autowired
	Clock clock;

	@Autowired
	TestClock testClock;

	@Test
	void noInstanceHandsEventsAgainAsItRestarts() {
		assertThat(this.environment.getProperty("spring.modulith.events.republish-outstanding-events-on-restart",
				Boolean.class))
			.isFalse();
	}

	@Test
	void handsAgainWhatIsStillNotHandledOnceOldEnoughThenDeletesItOnceHandled() throws InterruptedException {
		String id = UUID.randomUUID().toString();
		this.transactions.executeWithoutResult((status) -> this.events.publishEvent(new Probe(id)));
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> this.listener.failedOn().contains(id));
		assertThat(rows(id, true)).isEqualTo(1);

		new EventPublicationJobs(this.incomplete, this.completed,
				new EventPublicationProperties(Duration.ofHours(1), Duration.ofDays(7)), this.clock)
			.resubmitStalled(ours(id));
		Thread.sleep(1_000);
		assertThat(this.listener.received()).as("too recent to be handed again").doesNotContain(id);

		EventPublicationJobs jobs = new EventPublicationJobs(this.incomplete, this.completed,
				new EventPublicationProperties(Duration.ZERO, Duration.ZERO), this.clock);
		jobs.resubmitStalled(ours(id));
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> this.listener.received().contains(id));
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> rows(id, true) == 0);
		assertThat(rows(id, false)).as("kept, handled").isEqualTo(1);

		this.testClock.advance(Duration.ofSeconds(1));
		jobs.purgeCompleted();
		assertThat(rows(id, false)).as("deleted once handled and old enough").isZero();
		assertThat(this.listener.received()).containsOnlyOnce(id);
	}

	@Test
	void jobsRunOnThreadsOfTheirOwn() {
		ScheduledTaskRegistrar registrar = (ScheduledTaskRegistrar) ReflectionTestUtils.getField(this.scheduling,
				"registrar");
		// the registrar's router hands each job to the default scheduler
		Object jobsScheduler = ReflectionTestUtils.invokeMethod(registrar.getScheduler(), "determineDefaultScheduler");

		assertThat(jobsScheduler).isInstanceOfSatisfying(ThreadPoolTaskScheduler.class, (scheduler) -> {
			assertThat(scheduler.getThreadNamePrefix()).isEqualTo("jobs-");
			assertThat(scheduler.getPoolSize()).isEqualTo(SchedulingConfiguration.JOB_THREADS);
		});
	}

	/**
	 * The probe's publication only: other tests' publications, in the same database, are
	 * not handed again.
	 */
	private static Predicate<EventPublication> ours(String id) {
		return (publication) -> publication.getEvent() instanceof Probe probe && probe.id().equals(id);
	}

	private long rows(String id, boolean incompleteOnly) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE SERIALIZED_EVENT LIKE ?"
					+ (incompleteOnly ? " AND COMPLETION_DATE IS NULL" : ""))
			.param("%" + id + "%")
			.query(Long.class)
			.single();
	}

	/** An event of the test's own. */
	record Probe(String id) {
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Listening {

		@Bean
		FailingOnce failingOnce() {
			return new FailingOnce();
		}

	}

	/** Fails on each event the first time it receives it, like a gateway that is down. */
	static class FailingOnce {

		private final Set<String> failedOn = new java.util.concurrent.CopyOnWriteArraySet<>();

		private final List<String> received = new CopyOnWriteArrayList<>();

		// read through methods: the listener is a proxy, its fields are not the bean's
		Set<String> failedOn() {
			return this.failedOn;
		}

		List<String> received() {
			return this.received;
		}

		@ApplicationModuleListener
		void on(Probe probe) {
			if (this.failedOn.add(probe.id())) {
				throw new IllegalStateException("gateway down");
			}
			this.received.add(probe.id());
		}

	}

}
