package fr.passerelle.platform;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Predicate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The registry of events between modules, kept right with several instances. An event
 * whose listener failed, or whose instance died while handling it, is handed to its
 * listeners again once it is {@link EventPublicationProperties#resubmitAfter() old
 * enough}, by one instance at a time (ShedLock): not by every instance as it restarts,
 * which would hand again what the others are still handling. Completed publications are
 * kept a while for diagnosis, then deleted.
 */
@Component
@ConditionalOnProperty(name = "passerelle.routing.jobs-enabled", havingValue = "true", matchIfMissing = true)
class EventPublicationJobs {

	private static final Logger log = LoggerFactory.getLogger(EventPublicationJobs.class);

	private final IncompleteEventPublications incomplete;

	private final CompletedEventPublications completed;

	private final EventPublicationProperties properties;

	private final Clock clock;

	EventPublicationJobs(IncompleteEventPublications incomplete, CompletedEventPublications completed,
			EventPublicationProperties properties, Clock clock) {
		this.incomplete = incomplete;
		this.completed = completed;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
	@SchedulerLock(name = "events.resubmit", lockAtMostFor = "PT5M")
	void resubmitStalled() {
		resubmitStalled((publication) -> true);
	}

	/**
	 * Hands again, among the publications still not handled and old enough, those
	 * {@code which} selects.
	 */
	void resubmitStalled(Predicate<EventPublication> which) {
		// the registry dates publications by the application's clock
		Instant before = this.clock.instant().minus(this.properties.resubmitAfter());
		this.incomplete.resubmitIncompletePublications(
				(publication) -> !publication.getPublicationDate().isAfter(before) && which.test(publication));
	}

	@Scheduled(cron = "0 45 3 * * *", zone = "Europe/Paris")
	@SchedulerLock(name = "events.purge", lockAtMostFor = "PT1H")
	void purgeCompleted() {
		this.completed.deletePublicationsOlderThan(this.properties.keepCompleted());
		log.info("Completed event publications older than {} deleted", this.properties.keepCompleted());
	}

}
