package fr.passerelle.platform;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Scheduled jobs run on one instance at a time: a lock row in the {@code shedlock} table,
 * timed by the database's own clock so that instances with drifting clocks still agree.
 * They run on threads of their own ({@code jobs-*}), several, so that a slow clean-up
 * does not hold up the dispatch of offers.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT1M")
class SchedulingConfiguration {

	static final int JOB_THREADS = 4;

	/**
	 * The scheduler of {@code @Scheduled} jobs, by its name: without it, Spring would run
	 * them on the only other scheduler, the consoles' broker's (its heartbeats).
	 */
	@Bean
	ThreadPoolTaskScheduler taskScheduler() {
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.setPoolSize(JOB_THREADS);
		scheduler.setThreadNamePrefix("jobs-");
		return scheduler;
	}

	@Bean
	LockProvider lockProvider(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.withTableName("shedlock")
			.usingDbTime()
			.build());
	}

}
