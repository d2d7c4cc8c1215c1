package fr.passerelle.statistics;

import java.sql.Date;
import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Has the statistics count past days again whole, for records written in the past at once
 * (the demonstration's weeks of history): the rollup job does it at its next run, within
 * a minute, on whichever instance runs it.
 */
@Component
public class Recount {

	private final JdbcClient jdbc;

	Recount(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every day from this one to yesterday will be counted again from the records. */
	public void since(LocalDate day) {
		this.jdbc.sql("""
				UPDATE statistics_rollup_state SET recount_from = LEAST(COALESCE(recount_from, ?), ?) WHERE id = 1""")
			.params(Date.valueOf(day), Date.valueOf(day))
			.update();
	}

}
