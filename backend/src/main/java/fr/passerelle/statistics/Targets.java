package fr.passerelle.statistics;

import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

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
