package fr.passerelle.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import fr.passerelle.ticket.TicketReference;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static fr.passerelle.demo.PastDraws.draw;

/**
 * Weeks or a year of fictitious past activity, written straight into the records by the
 * database from its sequences (a million requests take a minute or two): requests on
 * every theme and département, mostly on weekdays during opening hours (Monday to Friday,
 * 9:00 to 18:00, Paris time); the callers' calls, which waited and were answered, hung up
 * (some within 5 s), asked to be called back from the queue, found nobody available or
 * the service closed, or left in the menu; the callbacks made the same or the next day,
 * some of them unreachable; the outcome forms with the national activity report's codes;
 * and the volunteers' presence (a four-hour stretch on some weekdays, a wrap-up after
 * each conversation). Nothing personal: no phone number, no first name, no note. Every
 * request is closed, unless the plan leaves a few callbacks to make.
 * <p>
 * The demonstration's history ({@link DemoData}) and the statistics benchmark's year.
 * Pseudo-random but repeatable: every draw is a hash of a row number and a salt.
 */
public final class PastActivity {

	private PastActivity() {
	}

	/**
	 * What to write.
	 *
	 * @param first the first day (Paris time)
	 * @param days how many days from it (the last should be yesterday at the latest)
	 * @param requests requests over the period (four in five made by phone, one in five
	 * on the site)
	 * @param callsLeftInMenu callers' calls besides, that asked for nothing
	 * @param volunteers the volunteers who answered and called back, in turn
	 * @param availability the share of weekdays each volunteer was available
	 * @param openCallbacks whether about 3 % of the callbacks are left to make (the
	 * benchmark's backlog)
	 */
	public record Plan(LocalDate first, int days, int requests, int callsLeftInMenu, List<Long> volunteers,
			double availability, boolean openCallbacks) {

		public Plan {
			if (days < 1 || requests < 1 || callsLeftInMenu < 0 || volunteers.isEmpty()) {
				throw new IllegalArgumentException("An empty plan");
			}
			volunteers = List.copyOf(volunteers);
		}

	}

	/**
	 * Writes the plan's activity after the requests already there (new identifiers).
	 * @return the identifier of the first request written
	 */
	public static long write(DataSource dataSource, Plan plan) throws SQLException {
		// temporary tables live as long as the connection: one for the whole run
		try (Connection connection = dataSource.getConnection()) {
			JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
			try {
				return new Writer(jdbc, plan).write();
			}
			finally {
				jdbc.execute("DROP TEMPORARY TABLE IF EXISTS past_day, past_volunteer, past_draw, past_request");
			}
		}
	}

	private static final class Writer {

		private final JdbcTemplate jdbc;

		private final Plan plan;

		private long base;

		Writer(JdbcTemplate jdbc, Plan plan) {
			this.jdbc = jdbc;
			this.plan = plan;
		}

		long write() {
			this.base = this.jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM ticket", Long.class);
			new PastDraws(this.jdbc, this.plan, this.base).draw();
			tickets();
			callersCalls();
			conversations();
			callbacks();
			closings();
			presence();
			this.jdbc.execute("ANALYZE TABLE ticket, ticket_event, telephony_call, ticket_outcome, "
					+ "volunteer_presence_period");
			return this.base + 1;
		}

		private void tickets() {
			String reference = reference("r.id");
			this.jdbc.execute(
					"""
							INSERT INTO ticket (id, reference, source, kind, topic_code, postcode, departement_code,
							                    region_code, status, created_at, closed_at, practice)
							SELECT r.id, %s, IF(r.phone, 'PHONE', 'WEB_FORM'), IF(r.live_outcome IS NULL, 'CALLBACK', 'LIVE_CALL'),
							       r.topic, CASE p.code WHEN '2A' THEN '20000' WHEN '2B' THEN '20200' ELSE RPAD(p.code, 5, '0') END,
							       p.code, p.region_code, r.status, TIMESTAMPADD(SECOND, r.secs, d.starts_at),
							       IF(r.closed_after IS NULL, NULL, TIMESTAMPADD(SECOND, r.secs + r.closed_after, d.starts_at)),
							       FALSE
							FROM past_request r JOIN past_day d ON d.n = r.n
							JOIN (SELECT code, region_code, ROW_NUMBER() OVER (ORDER BY code) - 1 AS n FROM departement) p
							  ON p.n = r.departement"""
						.formatted(reference));
			// one request in ten is a caller who had asked within the week before
			this.jdbc.execute("""
					UPDATE ticket t JOIN ticket e ON e.id = t.id - 7
					SET t.earlier_ticket_id = e.id
					WHERE t.id > %1$d AND e.id > %1$d AND t.id %% 10 = 3 AND e.created_at < t.created_at
					  AND e.created_at > TIMESTAMPADD(DAY, -7, t.created_at)""".formatted(this.base));
			this.jdbc.execute("""
					INSERT INTO ticket_event (ticket_id, occurred_at, type, detail)
					SELECT r.id, t.created_at, 'CREATED',
					       CONCAT(t.source, ' ', IF(r.route = 'QUEUE', 'LIVE_CALL', 'CALLBACK'))
					FROM past_request r JOIN ticket t ON t.id = r.id""");
			this.jdbc.execute("""
					INSERT INTO ticket_event (ticket_id, occurred_at, type)
					SELECT r.id, TIMESTAMPADD(SECOND, r.waited, t.created_at), 'TURNED_INTO_CALLBACK'
					FROM past_request r JOIN ticket t ON t.id = r.id WHERE r.turned""");
		}

		/**
		 * A reference from a request's identifier, in the alphabet the phone spells: the
		 * identifier times a number prime to 25 is a different reference for each one.
		 */
		private static String reference(String id) {
			String alphabet = TicketReference.ALPHABET;
			String number = "((%s * 48271) %% 244140625)".formatted(id);
			StringBuilder concat = new StringBuilder("CONCAT(");
			long place = 1;
			for (int i = 0; i < 6; i++) {
				if (i == 3) {
					concat.append("'-', ");
				}
				concat.append(
						String.format(Locale.ROOT, "SUBSTRING('%s', %s DIV %d %% 25 + 1, 1)", alphabet, number, place));
				concat.append((i < 5) ? ", " : ")");
				place *= 25;
			}
			return concat.toString();
		}

		/**
		 * The callers' calls to the hotline: one per phone request, and those left in the
		 * menu.
		 */
		private void callersCalls() {
			this.jdbc.execute(
					"""
							INSERT INTO telephony_call (call_sid, direction, leg, started_at, queued_at, dequeued_at, ended_at,
							                            outcome, route, ticket_id, topic_code, postcode, status, status_rank)
							SELECT %s, 'INBOUND', 'CALLER', TIMESTAMPADD(SECOND, -60, t.created_at),
							       IF(r.route = 'QUEUE', t.created_at, NULL),
							       IF(r.live_outcome = 'ANSWERED' OR r.turned, TIMESTAMPADD(SECOND, r.waited, t.created_at), NULL),
							       TIMESTAMPADD(SECOND, r.waited + CASE WHEN r.live_outcome = 'ANSWERED' THEN r.talk
							           WHEN r.live_outcome IS NOT NULL THEN 0 ELSE 30 END, t.created_at),
							       COALESCE(r.live_outcome, 'CALLBACK_REQUESTED'), r.route, r.id, t.topic_code, t.postcode,
							       'completed', 3
							FROM past_request r JOIN ticket t ON t.id = r.id WHERE r.phone"""
						.formatted(sid("caller", "r.id")));
			if (this.plan.callsLeftInMenu() > 0) {
				this.jdbc.execute(
						"""
								INSERT INTO telephony_call (call_sid, direction, leg, started_at, ended_at, outcome, status,
								                            status_rank)
								SELECT %s, 'INBOUND', 'CALLER',
								       TIMESTAMPADD(SECOND, 32400 + FLOOR(%s * 32400), d.starts_at),
								       TIMESTAMPADD(SECOND, 32440 + FLOOR(%s * 32400), d.starts_at), 'LEFT_IN_MENU', 'completed', 3
								FROM seq_1_to_%d JOIN past_day d ON d.n = FLOOR(%s * %d)"""
							.formatted(sid("menu", this.base + " + seq"), draw("seq", "menu-hour"),
									draw("seq", "menu-hour"), this.plan.callsLeftInMenu(), draw("seq", "menu-day"),
									this.plan.days()));
			}
		}

		/**
		 * Live calls answered: the volunteer's leg and the conversation in the timeline
		 * (from the plan, not read back from the calls: a temporary table is read once
		 * per statement).
		 */
		private void conversations() {
			String answered = "TIMESTAMPADD(SECOND, r.secs + r.waited, d.starts_at)";
			String ended = "TIMESTAMPADD(SECOND, r.secs + r.waited + r.talk, d.starts_at)";
			String from = """
					FROM past_request r JOIN past_day d ON d.n = r.n JOIN past_volunteer v ON v.n = r.volunteer
					WHERE r.live_outcome = 'ANSWERED'""";
			this.jdbc.execute("""
					INSERT INTO telephony_call (call_sid, direction, leg, parent_call_sid, started_at, answered_at,
					                            ended_at, outcome, ticket_id, volunteer_id, status, status_rank)
					SELECT %s, 'OUTBOUND', 'VOLUNTEER', %s, %s, %s, %s, 'ANSWERED', r.id, v.account_id, 'completed', 3
					%s""".formatted(sid("answer", "r.id"), sid("caller", "r.id"), answered, answered, ended, from));
			this.jdbc.execute("""
					INSERT INTO ticket_event (ticket_id, occurred_at, actor_id, type)
					SELECT r.id, %s, v.account_id, 'CALL_STARTED' %s""".formatted(answered, from));
			this.jdbc.execute("""
					INSERT INTO ticket_event (ticket_id, occurred_at, actor_id, type)
					SELECT r.id, %s, v.account_id, 'CALL_ENDED' %s""".formatted(ended, from));
		}

		/**
		 * Callbacks tried: the volunteer's leg, the citizen's (picked up or not), and the
		 * conversation or the failed attempt in the timeline.
		 */
		private void callbacks() {
			String dialled = "TIMESTAMPADD(SECOND, r.secs + r.attempt_after, d.starts_at)";
			String ended = "TIMESTAMPADD(SECOND, r.secs + r.attempt_after + IF(r.status = 'UNREACHABLE', 45, 20 + r.talk), "
					+ "d.starts_at)";
			String from = """
					FROM past_request r JOIN past_day d ON d.n = r.n JOIN past_volunteer v ON v.n = r.volunteer
					WHERE r.live_outcome IS NULL AND r.status IN ('RESOLVED', 'REDIRECTED', 'UNREACHABLE')""";
			this.jdbc.execute("""
					INSERT INTO telephony_call (call_sid, direction, leg, started_at, answered_at, ended_at, outcome,
					                            ticket_id, volunteer_id, status, status_rank)
					SELECT %s, 'OUTBOUND', 'VOLUNTEER', %s, %s, %s, 'ANSWERED', r.id, v.account_id, 'completed', 3
					%s""".formatted(sid("dial", "r.id"), dialled, dialled, ended, from));
			this.jdbc.execute("""
					INSERT INTO telephony_call (call_sid, direction, leg, parent_call_sid, started_at, answered_at,
					                            ended_at, outcome, ticket_id, volunteer_id, status, status_rank)
					SELECT %1$s, 'OUTBOUND', 'CITIZEN', %2$s, TIMESTAMPADD(SECOND, 5, %3$s),
					       IF(r.status = 'UNREACHABLE', NULL, TIMESTAMPADD(SECOND, 20, %3$s)), %4$s,
					       IF(r.status = 'UNREACHABLE', 'NO_ANSWER', 'ANSWERED'), r.id, v.account_id, 'completed', 3
					%5$s""".formatted(sid("citizen", "r.id"), sid("dial", "r.id"), dialled, ended, from));
			this.jdbc.execute("""
					INSERT INTO ticket_event (ticket_id, occurred_at, actor_id, type, detail)
					SELECT r.id, TIMESTAMPADD(SECOND, 20, %s), v.account_id,
					       IF(r.status = 'UNREACHABLE', 'ATTEMPT_FAILED', 'CALL_STARTED'),
					       IF(r.status = 'UNREACHABLE', 'NO_ANSWER, last attempt', NULL)
					%s""".formatted(dialled, from));
			this.jdbc.execute("""
					INSERT INTO ticket_event (ticket_id, occurred_at, actor_id, type)
					SELECT r.id, %s, v.account_id, 'CALL_ENDED' %s AND r.status <> 'UNREACHABLE'""".formatted(ended,
					from));
		}

		/**
		 * How each request ended: the outcome form (the national activity report's codes,
		 * from its theme), then the closing entry of its timeline.
		 */
		private void closings() {
			String procedure = """
					CASE r.topic WHEN 'CAF' THEN 'social_sante' WHEN 'HEALTH' THEN 'social_sante'
					    WHEN 'RETIREMENT' THEN 'social_sante' WHEN 'TAXES' THEN 'argent_impots'
					    WHEN 'BANKING' THEN 'argent_impots' WHEN 'EMPLOYMENT' THEN 'travail_formation'
					    WHEN 'IDENTITY' THEN 'papiers_elections_citoyennete' WHEN 'HOUSING' THEN 'logement'
					    WHEN 'EMAIL_DEVICES' THEN '' ELSE 'famille_scolarite' END""";
			String support = """
					CASE r.topic WHEN 'EMAIL_DEVICES' THEN IF(%1$s < 0.5, 'email', 'prendre_en_main_du_materiel')
					    WHEN 'BANKING' THEN 'banque_et_achats_en_ligne' WHEN 'HEALTH' THEN 'sante'
					    ELSE IF(%1$s < 0.3, 'navigation_sur_internet,securite_numerique', 'navigation_sur_internet') END"""
				.formatted(draw("r.id", "support"));
			this.jdbc.execute(
					"""
							INSERT INTO ticket_outcome (ticket_id, recorded_by, recorded_at, support_type, duration_minutes,
							                            procedure_themes, support_themes, equipment, autonomy, completion,
							                            redirection)
							SELECT r.id, v.account_id, t.closed_at,
							       IF(r.topic = 'EMAIL_DEVICES', 'individuel', 'demarche_administrative'), CEIL(r.talk / 60) + 2,
							       %s, %s,
							       CASE WHEN %3$s < 0.55 THEN 'telephone' WHEN %3$s < 0.9 THEN 'ordinateur' ELSE 'tablette' END,
							       CASE WHEN %4$s < 0.45 THEN 'entierement_accompagne' WHEN %4$s < 0.85
							           THEN 'partiellement_autonome' ELSE 'autonome' END,
							       IF(r.status = 'REDIRECTED', 'oriente_vers_structure',
							          CASE WHEN %5$s < 0.7 THEN 'finalisee' WHEN %5$s < 0.9 THEN 'a_finaliser_en_autonomie'
							              ELSE 'doit_revenir' END),
							       IF(r.status = 'REDIRECTED',
							          CASE WHEN %5$s < 0.4 THEN 'operateur_ou_organisme_en_charge'
							              WHEN %5$s < 0.7 THEN 'aide_aux_demarches_administratives'
							              WHEN %5$s < 0.9 THEN 'mediation_numerique' ELSE 'administration' END, NULL)
							FROM past_request r JOIN ticket t ON t.id = r.id JOIN past_volunteer v ON v.n = r.volunteer
							WHERE r.status IN ('RESOLVED', 'REDIRECTED')"""
						.formatted(procedure, support, draw("r.id", "equipment"), draw("r.id", "autonomy"),
								draw("r.id", "completion")));
			this.jdbc.execute("""
					INSERT INTO ticket_event (ticket_id, occurred_at, actor_id, type, detail)
					SELECT o.ticket_id, o.recorded_at, o.recorded_by, 'OUTCOME_RECORDED', o.completion
					FROM ticket_outcome o WHERE o.ticket_id > %1$d
					UNION ALL
					SELECT t.id, t.closed_at, o.recorded_by, t.status, NULL
					FROM ticket t JOIN ticket_outcome o ON o.ticket_id = t.id WHERE t.id > %1$d
					UNION ALL
					SELECT t.id, t.closed_at, NULL, 'UNREACHABLE', NULL
					FROM ticket t WHERE t.id > %1$d AND t.status = 'UNREACHABLE'
					UNION ALL
					SELECT t.id, t.closed_at, NULL, 'CANCELLED',
					       IF(t.kind = 'LIVE_CALL', 'CALLER_HUNG_UP', 'Annulée à la demande de la personne')
					FROM ticket t WHERE t.id > %1$d AND t.status = 'CANCELLED'""".formatted(this.base));
		}

		/**
		 * Each volunteer available four hours on some weekdays (starting between 9:00 and
		 * 13:00), and wrapping up two minutes after each conversation.
		 */
		private void presence() {
			this.jdbc.execute("""
					INSERT INTO volunteer_presence_period (account_id, state, started_at, ended_at)
					SELECT v.account_id, 'AVAILABLE', TIMESTAMPADD(HOUR, 9 + v.n %% 5, d.starts_at),
					       TIMESTAMPADD(HOUR, 13 + v.n %% 5, d.starts_at)
					FROM past_volunteer v JOIN past_day d
					WHERE d.weekday <= 5 AND %s < %s""".formatted(draw("CONCAT(v.account_id, '-', d.n)", "available"),
					String.format(Locale.ROOT, "%.4f", this.plan.availability())));
			// a wrap-up after each conversation, and after each callback tried
			this.jdbc.execute("""
					INSERT INTO volunteer_presence_period (account_id, state, started_at, ended_at)
					SELECT v.account_id, 'WRAP_UP', TIMESTAMPADD(SECOND, r.secs + r.waited + r.talk, d.starts_at),
					       TIMESTAMPADD(SECOND, r.secs + r.waited + r.talk + 120, d.starts_at)
					FROM past_request r JOIN past_day d ON d.n = r.n JOIN past_volunteer v ON v.n = r.volunteer
					WHERE r.live_outcome = 'ANSWERED'""");
			String ended = "r.secs + r.attempt_after + IF(r.status = 'UNREACHABLE', 45, 20 + r.talk)";
			this.jdbc.execute("""
					INSERT INTO volunteer_presence_period (account_id, state, started_at, ended_at)
					SELECT v.account_id, 'WRAP_UP', TIMESTAMPADD(SECOND, %1$s, d.starts_at),
					       TIMESTAMPADD(SECOND, %1$s + 120, d.starts_at)
					FROM past_request r JOIN past_day d ON d.n = r.n JOIN past_volunteer v ON v.n = r.volunteer
					WHERE r.live_outcome IS NULL AND r.status IN ('RESOLVED', 'REDIRECTED', 'UNREACHABLE')"""
				.formatted(ended));
		}

		/**
		 * A call's identifier as Twilio makes them ("CA" and 32 hexadecimal digits),
		 * unique for each leg of each request, and scattered as theirs are.
		 */
		private static String sid(String leg, String row) {
			return "CONCAT('CA', MD5(CONCAT('%s-', %s)))".formatted(leg, row);
		}

	}

}
