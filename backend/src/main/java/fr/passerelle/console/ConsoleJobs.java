package fr.passerelle.console;

import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * What each instance does for its own consoles: send changed queue figures and
 * wallboards, take offline the volunteers whose consoles closed, and close the consoles
 * whose sign-in ended. Per instance, not under a cluster-wide lock: each instance serves
 * its own connections.
 */
@Component
class ConsoleJobs {

	private static final Duration ABSENTEES_EVERY = Duration.ofSeconds(5);

	private static final Duration SIGN_INS_EVERY = Duration.ofSeconds(30);

	private static final Duration BROKER_WARNING_AFTER = Duration.ofSeconds(30);

	private final QueueFigures figures;

	private final ConsoleSessions sessions;

	private final ConsoleProperties properties;

	private final TaskScheduler scheduler;

	private final EndedSignIns endedSignIns;

	private final ConsoleBrokerHealth broker;

	private final WallboardPushes wallboards;

	ConsoleJobs(QueueFigures figures, ConsoleSessions sessions, ConsoleProperties properties,
			@Lazy TaskScheduler messageBrokerTaskScheduler, EndedSignIns endedSignIns, ConsoleBrokerHealth broker,
			WallboardPushes wallboards) {
		this.wallboards = wallboards;
		this.endedSignIns = endedSignIns;
		this.broker = broker;
		this.figures = figures;
		this.sessions = sessions;
		this.properties = properties;
		this.scheduler = messageBrokerTaskScheduler;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		this.scheduler.scheduleWithFixedDelay(this.figures::publishChanges, this.properties.figuresInterval());
		this.scheduler.scheduleWithFixedDelay(this.wallboards::publishChanges, this.properties.wallboardInterval());
		this.scheduler.scheduleWithFixedDelay(this.sessions::expireAbsentees, ABSENTEES_EVERY);
		this.scheduler.scheduleWithFixedDelay(this.endedSignIns::closeEnded, SIGN_INS_EVERY);
		this.scheduler.schedule(this.broker::warnIfNeverReached, Instant.now().plus(BROKER_WARNING_AFTER));
	}

}
