package fr.passerelle.volunteer;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.NewAccount;
import fr.passerelle.account.Role;
import fr.passerelle.account.StaffAccount;
import fr.passerelle.platform.RejectedRequest;
import fr.passerelle.territory.Departement;
import fr.passerelle.territory.Territories;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * How someone becomes a volunteer who takes requests: they sign up on their own, a
 * coordinator of their région (or a national one) approves them, and they train: they
 * read and accept the charter and complete {@value #PRACTICE_CALLS} practice calls on the
 * training phone. Approved and trained, they may go available.
 */
@Service
public class Onboarding {

	/** Practice calls that complete the training. */
	public static final int PRACTICE_CALLS = 2;

	private final JdbcClient jdbc;

	private final AccountManagement accounts;

	private final Volunteers volunteers;

	private final Territories territories;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Onboarding(JdbcClient jdbc, AccountManagement accounts, Volunteers volunteers, Territories territories, Clock clock,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.volunteers = volunteers;
		this.territories = territories;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Opens the account and profile of someone who signs up; once they confirmed their
	 * address they may sign in, but reach only their onboarding (training, charter,
	 * profile, training phone) until a coordinator approves them.
	 * @throws RejectedRequest when something is missing or invalid, or the address is
	 * taken; nothing is recorded then
	 */
	@Transactional
	public StaffAccount apply(Application application) {
		if (application.skills() == null || application.skills().isEmpty()) {
			throw RejectedRequest.field("skills", "volunteer.application.skills.required");
		}
		if (application.availability() != null && application.availability().length() > 500) {
			throw RejectedRequest.field("availability", "volunteer.application.availability.too-long");
		}
		StaffAccount account = this.accounts.openPendingApproval(
				NewAccount.of(application.email(), application.displayName(), Role.VOLUNTEER, application.password()));
		this.volunteers.register(account.id(), application.departement(), application.skills());
		this.volunteers.configureRouting(account.id(), application.languages(), 1, Set.of(application.departement()),
				Set.of(), false);
		this.volunteers.registerPhone(account.id(), application.phone());
		this.jdbc.sql("UPDATE volunteer SET availability = ?, applied_at = ? WHERE account_id = ?")
			.params(blankToNull(application.availability()), Timestamp.from(this.clock.instant()), account.id())
			.update();
		return account;
	}

	/**
	 * Checks a sign-up as {@link #apply} would, and keeps nothing: for an address that
	 * already has an account, so that the rest of the sign-up is judged as for a new one.
	 * @throws RejectedRequest as {@link #apply}
	 */
	@Transactional
	public void check(Application application) {
		String typed = (application.email() != null) ? application.email() : "";
		String localPart = typed.contains("@") ? typed.substring(0, typed.lastIndexOf('@')) : typed;
		apply(new Application(application.displayName(), localPart + "@sign-up-check.invalid", application.password(),
				application.phone(), application.departement(), application.skills(), application.languages(),
				application.availability()));
		TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
	}

	/**
	 * Sign-ups waiting for approval that this coordinator may approve, the oldest first.
	 */
	@Transactional(readOnly = true)
	public List<Applicant> pending(StaffAccount coordinator) {
		String region = regionOf(coordinator);
		return this.jdbc.sql("""
				SELECT v.account_id, v.departement_code, d.region_code, v.languages, v.availability, v.applied_at
				FROM volunteer v JOIN departement d ON d.code = v.departement_code
				WHERE v.approved_at IS NULL AND (? IS NULL OR d.region_code = ?)
				ORDER BY v.applied_at, v.account_id""")
			.params(region, region)
			.query((rs, row) -> new SignUpRow(rs.getLong("account_id"), rs.getString("departement_code"),
					rs.getString("region_code"), Set.of(rs.getString("languages").split(",")),
					rs.getString("availability"), instant(rs.getTimestamp("applied_at"))))
			.list()
			.stream()
			.flatMap((row) -> this.accounts.findConfirmed(row.accountId())
				.stream()
				.map((account) -> new Applicant(account.id(), account.displayName(), account.email(), row.departement(),
						row.region(), row.languages(), row.availability(), row.appliedAt(),
						this.volunteers.find(account.id()).map(VolunteerProfile::skills).orElse(Set.of()))))
			.toList();
	}

	private record SignUpRow(long accountId, String departement, String region, Set<String> languages,
			String availability, Instant appliedAt) {
	}

	/**
	 * A coordinator approves a sign-up; approving again changes nothing.
	 * @throws RejectedRequest (404) when there is no such volunteer in their scope
	 */
	@Transactional
	public Training approve(long volunteerId, StaffAccount coordinator) {
		String region = regionOf(coordinator);
		VolunteerProfile profile = this.volunteers.find(volunteerId)
			.filter((volunteer) -> region == null || region.equals(regionOfDepartement(volunteer.departementCode())))
			.orElseThrow(() -> new RejectedRequest(HttpStatus.NOT_FOUND, "volunteer.application.not-found"));
		int approved = this.jdbc
			.sql("UPDATE volunteer SET approved_at = ?, approved_by = ? WHERE account_id = ? AND approved_at IS NULL")
			.params(Timestamp.from(this.clock.instant()), coordinator.id(), profile.accountId())
			.update();
		this.accounts.approve(profile.accountId());
		if (approved == 1) {
			this.events.publishEvent(new RoutingProfileChanged(profile.accountId()));
			this.events.publishEvent(new TrainingProgressed(profile.accountId()));
		}
		return training(profile.accountId());
	}

	/**
	 * The volunteer read the charter and accepts it; accepting again changes nothing.
	 */
	@Transactional
	public Training acceptCharter(long accountId) {
		requireVolunteer(accountId);
		int accepted = this.jdbc
			.sql("UPDATE volunteer SET charter_accepted_at = ? WHERE account_id = ? AND charter_accepted_at IS NULL")
			.params(Timestamp.from(this.clock.instant()), accountId)
			.update();
		if (accepted == 1) {
			this.events.publishEvent(new TrainingProgressed(accountId));
		}
		return completeTrainingIfDone(accountId);
	}

	/**
	 * A call from the volunteer's training phone went through the whole menu; the same
	 * call reported twice counts once. Staff who are not volunteers are not counted.
	 */
	@Transactional
	public void practiceCallCompleted(long accountId, String callSid) {
		if (this.volunteers.find(accountId).isEmpty()) {
			return;
		}
		int counted = this.jdbc
			.sql("INSERT IGNORE INTO volunteer_practice_call (account_id, call_sid, completed_at) VALUES (?, ?, ?)")
			.params(accountId, callSid, Timestamp.from(this.clock.instant()))
			.update();
		if (counted == 1) {
			this.events.publishEvent(new TrainingProgressed(accountId));
		}
		completeTrainingIfDone(accountId);
	}

	/**
	 * Where the volunteer stands: approval, charter, practice calls.
	 */
	@Transactional(readOnly = true)
	public Training training(long accountId) {
		requireVolunteer(accountId);
		return this.jdbc.sql("""
				SELECT v.approved_at, v.charter_accepted_at, v.trained_at,
				       (SELECT COUNT(*) FROM volunteer_practice_call c WHERE c.account_id = v.account_id) AS calls
				FROM volunteer v WHERE v.account_id = ?""")
			.param(accountId)
			.query((rs, row) -> new Training(instant(rs.getTimestamp("approved_at")),
					instant(rs.getTimestamp("charter_accepted_at")), rs.getInt("calls"), PRACTICE_CALLS,
					instant(rs.getTimestamp("trained_at"))))
			.single();
	}

	private Training completeTrainingIfDone(long accountId) {
		Training training = training(accountId);
		if (training.trainedAt() == null && training.charterAcceptedAt() != null
				&& training.practiceCalls() >= PRACTICE_CALLS) {
			this.jdbc.sql("UPDATE volunteer SET trained_at = ? WHERE account_id = ? AND trained_at IS NULL")
				.params(Timestamp.from(this.clock.instant()), accountId)
				.update();
			this.events.publishEvent(new RoutingProfileChanged(accountId));
			this.events.publishEvent(new TrainingProgressed(accountId));
			return training(accountId);
		}
		return training;
	}

	private void requireVolunteer(long accountId) {
		if (this.volunteers.find(accountId).isEmpty()) {
			throw new RejectedRequest(HttpStatus.NOT_FOUND, "volunteer.profile.none");
		}
	}

	private String regionOf(StaffAccount coordinator) {
		if (coordinator.role() == Role.VOLUNTEER) {
			throw new RejectedRequest(HttpStatus.FORBIDDEN, "volunteer.application.coordinators-only");
		}
		return (coordinator.role() == Role.COORDINATOR) ? coordinator.regionCode() : null;
	}

	private String regionOfDepartement(String code) {
		return this.territories.departement(code).map(Departement::regionCode).orElse(null);
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	/**
	 * What someone who signs up gives.
	 *
	 * @param phone the phone the platform will ring to connect them to callers
	 * @param availability when they can help, in their words (their shifts come later)
	 */
	public record Application(String displayName, String email, String password, String phone, String departement,
			Set<String> skills, Set<String> languages, String availability) {
	}

	/**
	 * A sign-up waiting for approval.
	 */
	public record Applicant(long accountId, String displayName, String email, String departement, String region,
			Set<String> languages, String availability, Instant appliedAt, Set<String> skills) {
	}

	/**
	 * The training checklist.
	 *
	 * @param approvedAt when a coordinator approved them, if they did
	 * @param charterAcceptedAt when they accepted the charter, if they did
	 * @param practiceCalls practice calls completed
	 * @param practiceCallsRequired practice calls that complete the training
	 * @param trainedAt when the training was complete, if it is
	 */
	public record Training(Instant approvedAt, Instant charterAcceptedAt, int practiceCalls, int practiceCallsRequired,
			Instant trainedAt) {
	}

}
