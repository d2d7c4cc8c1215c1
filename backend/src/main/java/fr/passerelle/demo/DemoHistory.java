package fr.passerelle.demo;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.Role;
import fr.passerelle.account.StaffAccount;
import fr.passerelle.statistics.Recount;
import fr.passerelle.volunteer.Shift;
import fr.passerelle.volunteer.Volunteers;
import fr.passerelle.volunteer.VolunteerShifts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gives a new demonstration eight weeks of past activity, so that the coordinators'
 * statistics have something to show: about 1,500 fictitious requests answered and called
 * back by the demo volunteers, who also get weekly shifts. Written once, when no request
 * is older than today; the statistics count it within a minute.
 */
@Component
@Order(2)
@Conditional(DemoEnabledCondition.class)
class DemoHistory implements ApplicationRunner {

	static final int DAYS = 56;

	static final int REQUESTS = 1500;

	static final int CALLS_LEFT_IN_MENU = 250;

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);

	private final AccountManagement accounts;

	private final Volunteers volunteers;

	private final VolunteerShifts volunteerShifts;

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final Recount recount;

	private final Clock clock;

	DemoHistory(AccountManagement accounts, Volunteers volunteers, VolunteerShifts volunteerShifts,
			DataSource dataSource, JdbcClient jdbc, Recount recount, Clock clock) {
		this.accounts = accounts;
		this.volunteers = volunteers;
		this.volunteerShifts = volunteerShifts;
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.recount = recount;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		List<Long> demoVolunteers = new ArrayList<>();
		int n = 0;
		for (DemoData.DemoStaff staff : DemoData.STAFF) {
			if (staff.role() != Role.VOLUNTEER) {
				continue;
			}
			StaffAccount account = this.accounts.findByEmail(staff.email()).orElse(null);
			if (account == null) {
				continue;
			}
			demoVolunteers.add(account.id());
			if (this.volunteers.find(account.id()).isPresent() && this.volunteerShifts.shifts(account.id()).isEmpty()) {
				this.volunteerShifts.replaceShifts(account.id(), shifts(n), false);
			}
			n++;
		}
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), PARIS);
		boolean anyHistory = this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM ticket WHERE created_at < ?)")
			.param(Timestamp.from(today.atStartOfDay(PARIS).toInstant()))
			.query(Boolean.class)
			.single();
		if (anyHistory || demoVolunteers.isEmpty()) {
			return;
		}
		LocalDate first = today.minusDays(DAYS);
		try {
			PastActivity.write(this.dataSource,
					new PastActivity.Plan(first, DAYS, REQUESTS, CALLS_LEFT_IN_MENU, demoVolunteers, 0.6, false));
		}
		catch (SQLException | DataAccessException ex) {
			// the demo is still worth trying without its history
			log.warn("Demo history not written (delete ./data to try again): {}", ex.getMessage());
			return;
		}
		finally {
			this.recount.since(first);
		}
		log.info("Demo history: {} fictitious requests from {} to yesterday, in the statistics within a minute",
				REQUESTS, first);
	}

	/**
	 * Two half-days a week, a different pair for each volunteer, in the morning or the
	 * afternoon.
	 */
	private static List<Shift> shifts(int volunteer) {
		DayOfWeek first = DayOfWeek.of(1 + volunteer % 5);
		DayOfWeek second = DayOfWeek.of(1 + (volunteer + 2) % 5);
		LocalTime starts = (volunteer % 2 == 0) ? LocalTime.of(9, 0) : LocalTime.of(14, 0);
		return List.of(new Shift(first, starts, starts.plusHours(4)), new Shift(second, starts, starts.plusHours(4)));
	}

}
