package fr.passerelle.statistics;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import fr.passerelle.platform.RejectedRequest;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The targets figures are coloured against ({@code statistics_target}), which national
 * coordinators set.
 */
@Repository
class Targets {

	private final JdbcClient jdbc;

	Targets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Replaces the targets; the same again changes nothing.
	 * @return whether anything changed
	 * @throws RejectedRequest (400) for a threshold outside 10 to 120 seconds or a rate
	 * outside 0 to 1
	 */
	@Transactional
	boolean update(Current targets, long accountId, Instant now) {
		if (targets.serviceLevelThresholdSeconds() < 10
				|| targets.serviceLevelThresholdSeconds() > WaitBuckets.EXACT_UP_TO_SECONDS) {
			throw new RejectedRequest(HttpStatus.BAD_REQUEST, "statistics.targets.threshold", 10,
					WaitBuckets.EXACT_UP_TO_SECONDS);
		}
		for (double rate : new double[] { targets.serviceLevel(), targets.abandonmentRate(),
				targets.firstAttempt24hRate() }) {
			if (!(rate >= 0 && rate <= 1)) {
				throw new RejectedRequest(HttpStatus.BAD_REQUEST, "statistics.targets.rate");
			}
		}
		if (targets.equals(current())) {
			return false;
		}
		Map<String, Double> values = Map.of("SERVICE_LEVEL_THRESHOLD_SECONDS",
				(double) targets.serviceLevelThresholdSeconds(), "SERVICE_LEVEL", targets.serviceLevel(),
				"ABANDONMENT_RATE", targets.abandonmentRate(), "FIRST_ATTEMPT_24H_RATE", targets.firstAttempt24hRate());
		values.forEach((name, value) -> this.jdbc.sql("""
				INSERT INTO statistics_target (name, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
				ON DUPLICATE KEY UPDATE value = VALUES(value), updated_at = VALUES(updated_at),
				    updated_by = VALUES(updated_by)""")
			.params(name, BigDecimal.valueOf(value), Timestamp.from(now), accountId)
			.update());
		return true;
	}

	Current current() {
		Map<String, Double> values = new HashMap<>();
		this.jdbc.sql("SELECT name, value FROM statistics_target")
			.query((rs, row) -> values.put(rs.getString(1), rs.getDouble(2)))
			.list();
		return new Current((int) Math.round(values.getOrDefault("SERVICE_LEVEL_THRESHOLD_SECONDS", 60.0)),
				values.getOrDefault("SERVICE_LEVEL", 0.8), values.getOrDefault("ABANDONMENT_RATE", 0.08),
				values.getOrDefault("FIRST_ATTEMPT_24H_RATE", 0.9));
	}

	/**
	 * @param serviceLevelThresholdSeconds a call answered within this wait meets the
	 * service level
	 * @param serviceLevel the share of calls to answer within it, at least
	 * @param abandonmentRate the share of callers hanging up while waiting, at most
	 * @param firstAttempt24hRate the share of callbacks first attempted within 24 h, at
	 * least
	 */
	record Current(int serviceLevelThresholdSeconds, double serviceLevel, double abandonmentRate,
			double firstAttempt24hRate) {
	}

}
