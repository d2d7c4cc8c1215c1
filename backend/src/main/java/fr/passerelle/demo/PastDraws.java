package fr.passerelle.demo;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What becomes of each request of a {@link PastActivity.Plan}, decided before anything is
 * written, in temporary tables of the connection: the days (Paris time), the volunteers
 * in turn, and each request's day and time, theme and département, route through the
 * menu, waiting and talking times, end and callbacks.
 */
final class PastDraws {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private final JdbcTemplate jdbc;

	private final PastActivity.Plan plan;

	/** The last request's identifier before the plan's. */
	private final long base;

	PastDraws(JdbcTemplate jdbc, PastActivity.Plan plan, long base) {
		this.jdbc = jdbc;
		this.plan = plan;
		this.base = base;
	}

	void draw() {
		days();
		volunteers();
		requests();
	}

	/**
	 * Each day's start, Paris time (23 or 25 hours on the days the clocks change).
	 */
	private void days() {
		this.jdbc.execute("""
				CREATE TEMPORARY TABLE past_day (n INT NOT NULL PRIMARY KEY, starts_at DATETIME(6) NOT NULL,
				    weekday TINYINT NOT NULL)""");
		List<Object[]> rows = new ArrayList<>();
		for (int n = 0; n < this.plan.days(); n++) {
			LocalDate day = this.plan.first().plusDays(n);
			rows.add(new Object[] { n, Timestamp.from(day.atStartOfDay(PARIS).toInstant()),
					day.getDayOfWeek().getValue() });
		}
		this.jdbc.batchUpdate("INSERT INTO past_day (n, starts_at, weekday) VALUES (?, ?, ?)", rows);
	}

	private void volunteers() {
		this.jdbc.execute("""
				CREATE TEMPORARY TABLE past_volunteer (n INT NOT NULL PRIMARY KEY, account_id BIGINT NOT NULL)""");
		List<Object[]> rows = new ArrayList<>();
		for (int n = 0; n < this.plan.volunteers().size(); n++) {
			rows.add(new Object[] { n, this.plan.volunteers().get(n) });
		}
		this.jdbc.batchUpdate("INSERT INTO past_volunteer (n, account_id) VALUES (?, ?)", rows);
	}

	/**
	 * What becomes of each request, decided before anything is written: its day and time,
	 * its theme and département, how the caller went through the menu, how long they
	 * waited and talked, how it ended and when its callback was first tried.
	 */
	private void requests() {
		this.jdbc.execute("""
				CREATE TEMPORARY TABLE past_draw (seq BIGINT NOT NULL PRIMARY KEY, n INT NOT NULL, secs INT NOT NULL,
				    weekday TINYINT NOT NULL DEFAULT 0)""");
		this.jdbc.execute("""
				CREATE TEMPORARY TABLE past_request (id BIGINT NOT NULL PRIMARY KEY, n INT NOT NULL,
				    secs INT NOT NULL, opened BOOLEAN NOT NULL DEFAULT FALSE, phone BOOLEAN NOT NULL,
				    topic VARCHAR(30) NOT NULL, departement INT NOT NULL, volunteer INT NOT NULL,
				    route VARCHAR(12) NULL, turned BOOLEAN NOT NULL DEFAULT FALSE, live_outcome VARCHAR(20) NULL,
				    waited INT NOT NULL DEFAULT 0, talk INT NOT NULL, status VARCHAR(20) NULL,
				    attempt_after INT NULL, closed_after INT NULL)""");
		int departements = this.jdbc.queryForObject("SELECT COUNT(*) FROM departement", Integer.class);
		// when: a day, and 93 % of requests during opening hours
		this.jdbc.execute("""
				INSERT INTO past_draw (seq, n, secs)
				SELECT seq, FLOOR(%s * %d), IF(%s < 0.93, 32400 + FLOOR(%s * 32400), FLOOR(%s * 86400))
				FROM seq_1_to_%d""".formatted(draw("seq", "day"), this.plan.days(), draw("seq", "hours"),
				draw("seq", "hour"), draw("seq", "hour"), this.plan.requests()));
		// four week-end requests in five belong to the week before
		this.jdbc.execute("UPDATE past_draw r JOIN past_day d ON d.n = r.n SET r.weekday = d.weekday");
		this.jdbc.execute("""
				UPDATE past_draw SET n = n - (weekday - 5) - seq %% 5
				WHERE weekday >= 6 AND %s < 0.8 AND n - (weekday - 5) - seq %% 5 >= 0"""
			.formatted(draw("seq", "weekend")));
		// numbered in the order they were made, as the database numbers them
		String theme = ("CASE WHEN %1$s < 0.25 THEN 'CAF' WHEN %1$s < 0.40 THEN 'HEALTH' WHEN %1$s < 0.55 "
				+ "THEN 'TAXES' WHEN %1$s < 0.65 THEN 'EMPLOYMENT' WHEN %1$s < 0.75 THEN 'IDENTITY' WHEN %1$s < 0.83 "
				+ "THEN 'RETIREMENT' WHEN %1$s < 0.90 THEN 'HOUSING' WHEN %1$s < 0.94 THEN 'BANKING' "
				+ "WHEN %1$s < 0.98 THEN 'EMAIL_DEVICES' ELSE 'OTHER' END")
			.formatted(draw("o.seq", "theme"));
		this.jdbc.execute("""
				INSERT INTO past_request (id, n, secs, phone, topic, departement, volunteer, talk)
				SELECT %d + o.id, o.n, o.secs, o.seq %% 5 <> 0, %s, FLOOR(%s * %d), o.seq %% %d,
				       240 + FLOOR(%s * 1200)
				FROM (SELECT seq, n, secs, ROW_NUMBER() OVER (ORDER BY n, secs, seq) AS id FROM past_draw) o"""
			.formatted(this.base, theme, draw("o.seq", "place"), departements, this.plan.volunteers().size(),
					draw("o.seq", "talk")));
		this.jdbc.execute("""
				UPDATE past_request r JOIN past_day d ON d.n = r.n
				SET r.opened = d.weekday <= 5 AND r.secs >= 32400 AND r.secs < 64800""");
		// the caller's way through the menu: closed, the queue, or nobody to wait for
		this.jdbc.execute("""
				UPDATE past_request SET route = CASE WHEN NOT opened THEN 'CLOSED' WHEN %1$s < 0.78 THEN 'QUEUE'
				    WHEN %1$s < 0.95 THEN 'NO_VOLUNTEER' ELSE 'QUEUE_FULL' END
				WHERE phone""".formatted(draw("id", "route")));
		// in the queue: one in ten asks to be called back; 3 % hang up within 5 s, 7
		// %
		// later; most are answered within a minute
		this.jdbc.execute("""
				UPDATE past_request SET turned = id %% 10 = 7,
				    live_outcome = CASE WHEN id %% 10 = 7 THEN NULL WHEN %1$s < 0.03 THEN 'SHORT_ABANDON'
				        WHEN %1$s < 0.10 THEN 'ABANDONED' ELSE 'ANSWERED' END,
				    waited = CASE WHEN id %% 10 = 7 THEN 60 + FLOOR(%2$s * 120) WHEN %1$s < 0.03 THEN 1 + id %% 4
				        WHEN %1$s < 0.10 THEN 20 + FLOOR(%2$s * 240)
				        WHEN %3$s < 0.82 THEN 3 + FLOOR(%2$s * 55) ELSE 60 + FLOOR(%2$s * 240) END
				WHERE route = 'QUEUE'""".formatted(draw("id", "leave"), draw("id", "wait"), draw("id", "quick")));
		String open = this.plan.openCallbacks() ? "WHEN %s < 0.03 THEN 'SCHEDULED'".formatted(draw("id", "open")) : "";
		this.jdbc.execute("""
				UPDATE past_request SET status = CASE
				    WHEN live_outcome = 'ANSWERED' THEN IF(%1$s < 0.8, 'RESOLVED', 'REDIRECTED')
				    WHEN live_outcome IS NOT NULL THEN 'CANCELLED' %2$s
				    WHEN %1$s < 0.58 THEN 'RESOLVED' WHEN %1$s < 0.72 THEN 'REDIRECTED'
				    WHEN %1$s < 0.85 THEN 'UNREACHABLE' ELSE 'CANCELLED' END""".formatted(draw("id", "status"), open));
		// a callback is tried the same afternoon when there is time, otherwise the
		// next
		// day between 9:30 and 16:30 (on the last day, before midnight)
		this.jdbc.execute("""
				UPDATE past_request SET attempt_after = CASE
				    WHEN opened AND secs < 57600 AND %1$s < 0.7 THEN 1800 + FLOOR(%2$s * 7200)
				    WHEN n + 1 < %3$d THEN 86400 - secs + 34200 + FLOOR(%2$s * 25200)
				    ELSE LEAST(1800, 86340 - secs) END
				WHERE live_outcome IS NULL""".formatted(draw("id", "same-day"), draw("id", "attempt"),
				this.plan.days()));
		this.jdbc.execute("""
				UPDATE past_request SET closed_after = CASE
				    WHEN live_outcome = 'ANSWERED' THEN waited + talk + 120
				    WHEN live_outcome IS NOT NULL THEN waited
				    WHEN status IN ('RESOLVED', 'REDIRECTED') THEN attempt_after + 20 + talk + 120
				    WHEN status = 'UNREACHABLE' THEN attempt_after + 45
				    WHEN status = 'CANCELLED' THEN FLOOR(attempt_after * %s) END""".formatted(draw("id", "cancel")));
	}

	/**
	 * A pseudo-random fraction in [0, 1) from a row's number and a salt, repeatable.
	 */
	static String draw(String row, String salt) {
		return "(CRC32(CONCAT(%s, '%s')) %% 1000000 / 1000000.0)".formatted(row, salt);
	}

}
