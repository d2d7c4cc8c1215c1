package fr.passerelle.volunteer;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.Role;
import fr.passerelle.account.StaffAccount;
import fr.passerelle.platform.RejectedRequest;
import fr.passerelle.privacy.AuditAction;
import fr.passerelle.privacy.AuditLog;
import fr.passerelle.territory.Departement;
import fr.passerelle.territory.Territories;
import fr.passerelle.topic.Topics;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Volunteers as coordinators manage them, each within their scope (a regional
 * coordinator, the volunteers living in their région; a national one and administrators,
 * everyone): what they help with and in which languages, the territories they serve, how
 * many requests they hold at once, their shifts, and a training a coordinator saw done in
 * person. Every change is written to the audit log with what it replaced, and is refused
 * (409) when the profile changed since the coordinator read it.
 */
@Service
class VolunteerDirectory {

	/** The most requests a volunteer may hold at once. */
	static final int MAX_CAPACITY = 3;

	private final JdbcClient jdbc;

	private final Volunteers volunteers;

	private final VolunteerStore store;

	private final VolunteerShifts volunteerShifts;

	private final Onboarding onboarding;

	private final AccountManagement accounts;

	private final Territories territories;

	private final Topics topics;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	VolunteerDirectory(JdbcClient jdbc, Volunteers volunteers, VolunteerStore store, VolunteerShifts volunteerShifts,
			Onboarding onboarding, AccountManagement accounts, Territories territories, Topics topics, AuditLog audit,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.volunteers = volunteers;
		this.store = store;
		this.volunteerShifts = volunteerShifts;
		this.onboarding = onboarding;
		this.accounts = accounts;
		this.territories = territories;
		this.topics = topics;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** The volunteers in this coordinator's scope, by name. */
	@Transactional(readOnly = true)
	List<VolunteerLine> list(StaffAccount coordinator) {
		String region = regionOf(coordinator);
		List<VolunteerLine> lines = new ArrayList<>(this.jdbc.sql("""
				SELECT v.account_id, a.display_name, a.enabled, v.departement_code, d.region_code, v.capacity,
				       v.approved_at IS NOT NULL AS approved, v.trained_at IS NOT NULL AS trained, p.status
				FROM volunteer v JOIN account a ON a.id = v.account_id JOIN departement d ON d.code = v.departement_code
				JOIN volunteer_presence p ON p.account_id = v.account_id
				WHERE a.email_confirmed_at IS NOT NULL AND (? IS NULL OR d.region_code = ?)
				ORDER BY a.display_name, v.account_id""")
			.params(region, region)
			.query((rs, row) -> new VolunteerLine(rs.getLong("account_id"), rs.getString("display_name"),
					rs.getString("departement_code"), rs.getString("region_code"), rs.getBoolean("enabled"),
					rs.getBoolean("approved"), rs.getBoolean("trained"), rs.getInt("capacity"),
					Presence.valueOf(rs.getString("status"))))
			.list());
		return lines;
	}

	/** A volunteer's file, if they are in this coordinator's scope. */
	@Transactional(readOnly = true)
	VolunteerFile read(StaffAccount coordinator, long volunteerId) {
		requireInScope(coordinator, volunteerId);
		return file(volunteerId);
	}

	/**
	 * Sets what a volunteer helps with, in which languages, where, and how many requests
	 * at once.
	 * @throws RejectedRequest (400, beside the field) for an unknown theme, language or
	 * territory, a territory a regional coordinator adds outside their région, or a
	 * capacity outside 1 to {@value #MAX_CAPACITY}; (403) outside the coordinator's
	 * scope; (409) when the profile changed since {@code version}
	 */
	@Transactional
	VolunteerFile changeProfile(StaffAccount coordinator, long volunteerId, ProfileChange change) {
		requireInScope(coordinator, volunteerId);
		VolunteerFile before = file(volunteerId);
		for (String skill : change.skills()) {
			if (this.topics.find(skill).isEmpty()) {
				throw RejectedRequest.field("skills", "volunteer.skill.unknown", skill);
			}
		}
		if (change.languages().isEmpty() || !Volunteers.LANGUAGES.containsAll(change.languages())) {
			throw RejectedRequest.field("languages", "volunteer.language.unknown");
		}
		if (change.capacity() < 1 || change.capacity() > MAX_CAPACITY) {
			throw RejectedRequest.field("capacity", "volunteer.capacity.range", MAX_CAPACITY);
		}
		String region = regionOf(coordinator);
		for (String code : change.servedDepartements()) {
			Departement departement = this.territories.departement(code)
				.orElseThrow(() -> RejectedRequest.field("servedDepartements", "volunteer.departement.unknown", code));
			// what a national coordinator gave them elsewhere may stay
			if (region != null && !region.equals(departement.regionCode())
					&& !before.servedDepartements().contains(code)) {
				throw RejectedRequest.field("servedDepartements", "volunteer.territory.outside-region", code);
			}
		}
		for (String code : change.servedRegions()) {
			if (this.territories.region(code).isEmpty()) {
				throw RejectedRequest.field("servedRegions", "volunteer.region.unknown", code);
			}
			if (region != null && !region.equals(code) && !before.servedRegions().contains(code)) {
				throw RejectedRequest.field("servedRegions", "volunteer.territory.outside-region", code);
			}
		}
		ProfileChange unchanged = new ProfileChange(before.skills(), before.languages(), before.capacity(),
				before.servedDepartements(), before.servedRegions(), before.servesNationally(), change.version());
		if (unchanged.equals(change)) {
			return before;
		}
		bumpVersion(volunteerId, change.version());
		this.store.replaceSkills(volunteerId, change.skills());
		this.volunteers.configureRouting(volunteerId, change.languages(), change.capacity(),
				change.servedDepartements(), change.servedRegions(), change.servesNationally());
		VolunteerFile after = file(volunteerId);
		this.audit.record(AuditAction.VOLUNTEER_PROFILE_CHANGED, "volunteer/" + volunteerId,
				Map.of("before", profileOf(before), "after", profileOf(after)));
		return after;
	}

	/**
	 * Replaces a volunteer's weekly shifts (in their own time), and whether they go
	 * available when one starts.
	 * @throws RejectedRequest (400, beside the field) for overlapping shifts or more than
	 * 21; (403) outside the coordinator's scope; (409) when the profile changed since
	 * {@code version}
	 */
	@Transactional
	VolunteerFile replaceShifts(StaffAccount coordinator, long volunteerId, List<Shift> shifts,
			boolean availableAtShiftStart, int version) {
		requireInScope(coordinator, volunteerId);
		VolunteerFile before = file(volunteerId);
		if (before.shifts().equals(sorted(shifts)) && before.availableAtShiftStart() == availableAtShiftStart
				&& before.version() == version) {
			return before;
		}
		bumpVersion(volunteerId, version);
		this.volunteerShifts.replaceShifts(volunteerId, shifts, availableAtShiftStart);
		VolunteerFile after = file(volunteerId);
		this.audit.record(AuditAction.VOLUNTEER_SHIFTS_CHANGED, "volunteer/" + volunteerId,
				Map.of("before", shiftsOf(before), "after", shiftsOf(after)));
		return after;
	}

	/**
	 * A coordinator vouches for a training done in person (charter and practice calls not
	 * recorded here): the volunteer, once approved, may take calls. Doing it again
	 * changes nothing.
	 * @throws RejectedRequest (400) without a reason, or for a volunteer not yet
	 * approved; (403) outside the coordinator's scope; (409) when the profile changed
	 * since {@code version}
	 */
	@Transactional
	VolunteerFile validateTraining(StaffAccount coordinator, long volunteerId, String reason, int version) {
		requireInScope(coordinator, volunteerId);
		String why = (reason != null) ? reason.strip() : "";
		if (why.isEmpty() || why.length() > 500) {
			throw RejectedRequest.field("reason", "volunteer.training.reason");
		}
		VolunteerFile before = file(volunteerId);
		if (before.training().trainedAt() != null) {
			return before;
		}
		if (before.training().approvedAt() == null) {
			throw new RejectedRequest(HttpStatus.BAD_REQUEST, "volunteer.training.not-approved");
		}
		bumpVersion(volunteerId, version);
		this.jdbc.sql("""
				UPDATE volunteer SET trained_at = ?, trained_in_person_by = ?, trained_in_person_reason = ?
				WHERE account_id = ? AND trained_at IS NULL""")
			.params(Timestamp.from(this.clock.instant()), coordinator.id(), why, volunteerId)
			.update();
		this.events.publishEvent(new RoutingProfileChanged(volunteerId));
		this.events.publishEvent(new TrainingProgressed(volunteerId));
		this.audit.record(AuditAction.TRAINING_VALIDATED, "volunteer/" + volunteerId, Map.of("inPerson", true));
		return file(volunteerId);
	}

	private void bumpVersion(long volunteerId, int version) {
		int bumped = this.jdbc.sql(
				"UPDATE volunteer SET profile_version = profile_version + 1 WHERE account_id = ? AND profile_version = ?")
			.params(volunteerId, version)
			.update();
		if (bumped == 0) {
			throw new RejectedRequest(HttpStatus.CONFLICT, "problem.changed-meanwhile");
		}
	}

	private void requireInScope(StaffAccount coordinator, long volunteerId) {
		String departement = this.volunteers.find(volunteerId)
			.map(VolunteerProfile::departementCode)
			.orElseThrow(() -> new RejectedRequest(HttpStatus.NOT_FOUND, "volunteer.profile.none"));
		String region = regionOf(coordinator);
		if (region != null && !region
			.equals(this.territories.departement(departement).map(Departement::regionCode).orElse(null))) {
			throw new RejectedRequest(HttpStatus.FORBIDDEN, "volunteer.out-of-region");
		}
	}

	private VolunteerFile file(long volunteerId) {
		StaffAccount account = this.accounts.find(volunteerId).orElseThrow();
		RoutingProfile routing = this.volunteers.routingProfile(volunteerId).orElseThrow();
		Map<String, Object> row = this.jdbc.sql("""
				SELECT v.profile_version, v.available_at_shift_start, v.trained_in_person_reason,
				       t.display_name AS trained_in_person_by
				FROM volunteer v LEFT JOIN account t ON t.id = v.trained_in_person_by WHERE v.account_id = ?""")
			.param(volunteerId)
			.query()
			.singleRow();
		return new VolunteerFile(volunteerId, account.displayName(), routing.departementCode(), routing.regionCode(),
				this.accounts.findEnabled(volunteerId).isPresent(), new TreeSet<>(routing.skills()),
				new TreeSet<>(routing.languages()), routing.capacity(), new TreeSet<>(routing.servedDepartements()),
				new TreeSet<>(routing.servedRegions()), routing.servesNationally(),
				this.volunteerShifts.shifts(volunteerId), (Boolean) row.get("available_at_shift_start"),
				this.onboarding.training(volunteerId), (String) row.get("trained_in_person_by"),
				(String) row.get("trained_in_person_reason"), ((Number) row.get("profile_version")).intValue());
	}

	private static Map<String, Object> profileOf(VolunteerFile file) {
		Map<String, Object> profile = new LinkedHashMap<>();
		profile.put("skills", file.skills());
		profile.put("languages", file.languages());
		profile.put("capacity", file.capacity());
		profile.put("servedDepartements", file.servedDepartements());
		profile.put("servedRegions", file.servedRegions());
		profile.put("servesNationally", file.servesNationally());
		return profile;
	}

	private static Map<String, Object> shiftsOf(VolunteerFile file) {
		return Map.of("shifts",
				file.shifts().stream().map((shift) -> shift.day() + " " + shift.starts() + "-" + shift.ends()).toList(),
				"availableAtShiftStart", file.availableAtShiftStart());
	}

	private static List<Shift> sorted(List<Shift> shifts) {
		return shifts.stream().sorted(java.util.Comparator.comparing(Shift::day).thenComparing(Shift::starts)).toList();
	}

	private static String regionOf(StaffAccount coordinator) {
		return (coordinator.role() == Role.COORDINATOR) ? coordinator.regionCode() : null;
	}

	/** A volunteer in the list: who, where, and where they stand. */
	record VolunteerLine(long id, String displayName, String departementCode, String regionCode, boolean enabled,
			boolean approved, boolean trained, int capacity, Presence presence) {
	}

	/**
	 * What a coordinator sets of a volunteer's profile.
	 *
	 * @param version the profile's version as the coordinator read it
	 */
	record ProfileChange(Set<String> skills, Set<String> languages, int capacity, Set<String> servedDepartements,
			Set<String> servedRegions, boolean servesNationally, int version) {
	}

	/**
	 * A volunteer's file as a coordinator reads it.
	 *
	 * @param trainedInPersonBy the coordinator who vouched for their training, if one did
	 * @param version changes with every change to the profile, its shifts or its training
	 */
	record VolunteerFile(long id, String displayName, String departementCode, String regionCode, boolean enabled,
			Set<String> skills, Set<String> languages, int capacity, Set<String> servedDepartements,
			Set<String> servedRegions, boolean servesNationally, List<Shift> shifts, boolean availableAtShiftStart,
			Onboarding.Training training, String trainedInPersonBy, String trainedInPersonReason, int version) {
	}

}
