package fr.passerelle.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import fr.passerelle.privacy.AuditAction;
import fr.passerelle.privacy.AuditLog;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erases, every night, the sign-ups whose address was never confirmed once their last
 * link has expired (72 hours at least after the sign-up): their name, address and phone
 * number were given by someone who may not own the address, and serve nobody.
 */
@Component
class AbandonedSignUps {

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final ApplicationEventPublisher events;

	private final AuditLog audit;

	private final Clock clock;

	AbandonedSignUps(JdbcClient jdbc, PlatformTransactionManager transactions, ApplicationEventPublisher events,
			AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Erases the abandoned sign-ups; returns how many.
	 */
	int erase() {
		Instant now = this.clock.instant();
		List<Long> abandoned = this.jdbc.sql("""
				SELECT a.id FROM account a
				WHERE a.email_confirmed_at IS NULL AND a.created_at < ?
				  AND NOT EXISTS (SELECT 1 FROM account_token t WHERE t.account_id = a.id
				                  AND t.purpose = 'EMAIL_CONFIRMATION' AND t.used_at IS NULL AND t.expires_at > ?)""")
			.params(Timestamp.from(now.minus(SignUpConfirmations.VALIDITY)), Timestamp.from(now))
			.query(Long.class)
			.list();
		int erased = 0;
		for (long id : abandoned) {
			Boolean done = this.transaction.execute((status) -> {
				// confirmed meanwhile: kept
				if (this.jdbc.sql("SELECT id FROM account WHERE id = ? AND email_confirmed_at IS NULL FOR UPDATE")
					.param(id)
					.query(Long.class)
					.optional()
					.isEmpty()) {
					return false;
				}
				this.events.publishEvent(new SignUpAbandoned(id));
				this.jdbc.sql("DELETE FROM account WHERE id = ?").param(id).update();
				this.audit.record(AuditAction.SIGN_UP_ERASED, null, "account/" + id, null);
				return true;
			});
			if (Boolean.TRUE.equals(done)) {
				erased++;
			}
		}
		return erased;
	}

	/**
	 * The nightly run, on one instance at a time, where the scheduled jobs run.
	 */
	@Component
	@ConditionalOnProperty(name = "passerelle.routing.jobs-enabled", havingValue = "true", matchIfMissing = true)
	static class Nightly {

		private final AbandonedSignUps signUps;

		Nightly(AbandonedSignUps signUps) {
			this.signUps = signUps;
		}

		@Scheduled(cron = "0 15 4 * * *", zone = "Europe/Paris")
		@SchedulerLock(name = "accounts.abandoned-sign-ups", lockAtMostFor = "PT1H")
		void run() {
			this.signUps.erase();
		}

	}

}
