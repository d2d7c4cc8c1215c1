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

	@Scheduled(fixedDelayString = "PT2S", initialDelayString = "PT10S")
	@SchedulerLock(name = "routing.dispatch", lockAtMostFor = "PT1M")
	void dispatch() {
		this.routing.dispatch();
	}

	@Scheduled(fixedDelayString = "PT5S", initialDelayString = "PT10S")
	@SchedulerLock(name = "routing.sweep-expired-offers", lockAtMostFor = "PT1M")
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
