package fr.passerelle.routing;

import java.time.Duration;

import fr.passerelle.ticket.TicketManagement;
import fr.passerelle.volunteer.Volunteers;
import fr.passerelle.volunteer.VolunteerShifts;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What keeps requests moving without anyone clicking. Each job runs on one instance at a
 * time (ShedLock, with the database's clock), whatever the number of instances.
 */
@Component
@ConditionalOnProperty(name = "passerelle.routing.jobs-enabled", havingValue = "true", matchIfMissing = true)
class RoutingJobs {

	private final Routing routing;

	private final TicketManagement tickets;

	private final Volunteers volunteers;

	private final VolunteerShifts volunteerShifts;

	RoutingJobs(Routing routing, TicketManagement tickets, Volunteers volunteers, VolunteerShifts volunteerShifts) {
		this.routing = routing;
		this.tickets = tickets;
		this.volunteers = volunteers;
		this.volunteerShifts = volunteerShifts;
	}

	/*
	 * Offers are made and taken back by one instance at a time, but an instance killed
	 * while it holds the lock keeps it until lockAtMostFor: 10 s, not a minute, so that
	 * offers keep flowing and an offer never stays out much past its time. Both are safe
	 * should two instances run them at once (each offer is its own transaction, and
	 * locked entries are skipped), as a run slower than 10 s would.
	 */

	@Scheduled(fixedDelayString = "PT2S", initialDelayString = "PT10S")
	@SchedulerLock(name = "routing.dispatch", lockAtMostFor = "PT10S")
	void dispatch() {
		this.routing.dispatch();
	}

	@Scheduled(fixedDelayString = "PT5S", initialDelayString = "PT10S")
	@SchedulerLock(name = "routing.sweep-expired-offers", lockAtMostFor = "PT10S")
	void sweepExpiredOffers() {
		this.routing.sweepExpiredOffers();
	}

	@Scheduled(fixedDelayString = "PT30S", initialDelayString = "PT15S")
	@SchedulerLock(name = "tickets.queue-due-callbacks", lockAtMostFor = "PT2M")
	void queueDueCallbacks() {
		while (this.tickets.queueDueCallbacks(100) == 100) {
			// a large backlog (after a night, a holiday) is queued in batches of 100
		}
	}

	@Scheduled(cron = "0 * * * * *")
	@SchedulerLock(name = "volunteers.start-shifts", lockAtMostFor = "PT50S")
	void startShifts() {
		this.volunteerShifts.startShifts(Duration.ofMinutes(2));
	}

}
