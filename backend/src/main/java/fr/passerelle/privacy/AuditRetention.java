package fr.passerelle.privacy;

import fr.passerelle.platform.RetentionPeriods;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes the audit log's entries once they are {@code passerelle.retention.audit} old
 * (12 months by default), every night, on one instance at a time.
 */
@Component
@ConditionalOnProperty(name = "passerelle.routing.jobs-enabled", havingValue = "true", matchIfMissing = true)
class AuditRetention {

	private final AuditLog log;

	private final RetentionPeriods properties;

	AuditRetention(AuditLog log, RetentionPeriods properties) {
		this.log = log;
		this.properties = properties;
	}

	@Scheduled(cron = "0 45 3 * * *", zone = "Europe/Paris")
	@SchedulerLock(name = "audit.retention", lockAtMostFor = "PT1H")
	void nightly() {
		this.log.purgeOlderThan(this.properties.audit());
	}

}
