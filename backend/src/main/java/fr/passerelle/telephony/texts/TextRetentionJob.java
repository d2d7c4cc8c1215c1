package fr.passerelle.telephony.texts;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Applies {@link TextRetention} every night, on one instance at a time (ShedLock), on the
 * instances that take part in the scheduled jobs.
 */
@Component
@ConditionalOnProperty(name = "passerelle.routing.jobs-enabled", havingValue = "true", matchIfMissing = true)
class TextRetentionJob {

	private final TextRetention retention;

	TextRetentionJob(TextRetention retention) {
		this.retention = retention;
	}

	@Scheduled(cron = "0 40 3 * * *", zone = "Europe/Paris")
	@SchedulerLock(name = "telephony.text-retention", lockAtMostFor = "PT1H")
	void nightly() {
		this.retention.apply();
	}

}
