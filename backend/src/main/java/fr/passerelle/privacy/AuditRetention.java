package fr.passerelle.privacy;

import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
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

	private final Properties properties;

	AuditRetention(AuditLog log, Properties properties) {
		this.log = log;
		this.properties = properties;
	}

	@Scheduled(cron = "0 45 3 * * *", zone = "Europe/Paris")
	@SchedulerLock(name = "audit.retention", lockAtMostFor = "PT1H")
	void nightly() {
		this.log.purgeOlderThan(this.properties.audit());
	}

	/**
	 * @param audit how long an entry of the audit log is kept
	 */
	@ConfigurationProperties("passerelle.retention")
	record Properties(@DefaultValue("365d") Duration audit) {
	}

}
