package fr.passerelle.volunteer;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.Role;
import fr.passerelle.platform.RejectedRequest;
import fr.passerelle.territory.Departement;
import fr.passerelle.territory.Territories;
import fr.passerelle.topic.Topics;
import fr.passerelle.privacy.PhoneNumber;
import fr.passerelle.privacy.PhoneVault;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Volunteers: their profile, what routing matches against, their presence and their
 * shifts.
 */
@Service
public class Volunteers {

	static final Set<String> LANGUAGES = Set.of("fr", "en", "es", "de", "it", "pt", "ar", "ber", "tr", "ro", "ru", "uk",
			"zh", "vi", "wo", "ln", "rcf", "gcf");

	private final JdbcClient jdbc;

	private final AccountManagement accounts;

	private final Territories territories;

	private final Topics topics;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final PhoneVault vault;

	private final PresencePeriods periods;

	private final ObjectProvider<TrainingPhones> trainingPhones;

	Volunteers(JdbcClient jdbc, AccountManagement accounts, Territories territories, Topics topics, Clock clock,
			ApplicationEventPublisher events, PhoneVault vault, PresencePeriods periods,
			ObjectProvider<TrainingPhones> trainingPhones) {
		this.periods = periods;
		this.trainingPhones = trainingPhones;
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.territories = territories;
		this.topics = topics;
		this.clock = clock;
		this.events = events;
		this.vault = vault;
	}

	/**
	 * Records the phone the platform rings to connect the volunteer to a caller
	 * (encrypted); the same number again changes nothing.
	 * @return the number, masked
	 * @throws RejectedRequest when it is not a French number that can be called
	 */
	@Transactional
	public String registerPhone(long accountId, String typed) {
		requireVolunteer(accountId);
		PhoneNumber phone;
		try {
			phone = PhoneNumber.parse(typed);
		}
		catch (RejectedRequest refused) {
			throw refused.on("phone");
		}
		boolean training = this.trainingPhones.stream().anyMatch((phones) -> phones.isTrainingPhone(phone));
		this.jdbc.sql("UPDATE volunteer SET phone_cipher = ?, phone_hash = ?, training_phone = ? WHERE account_id = ?")
			.params(this.vault.seal(phone, sealedRow(accountId)).ciphertext(), this.vault.lookupHash(phone), training,
					accountId)
			.update();
		// routing offers live calls only to volunteers it can ring
		this.events.publishEvent(new RoutingProfileChanged(accountId));
		return phone.masked();
	}

	/**
	 * The volunteer whose training is open (not trained yet, account enabled) and who
	 * registered this phone: their call to the hotline is a practice call.
	 */
	@Transactional(readOnly = true)
	public Optional<Long> traineeCallingFrom(PhoneNumber phone) {
		return this.jdbc.sql("""
				SELECT v.account_id FROM volunteer v JOIN account a ON a.id = v.account_id
				WHERE v.phone_hash IN (:hashes) AND v.trained_at IS NULL AND a.enabled
				ORDER BY v.account_id LIMIT 1""")
			.param("hashes", this.vault.lookupHashes(phone))
			.query(Long.class)
			.optional();
	}

	/**
	 * The phone to ring for the volunteer, for the telephony module only: never shown,
	 * never logged.
	 */
	@Transactional(readOnly = true)
	public Optional<PhoneNumber> phoneToRing(long accountId) {
		return this.jdbc.sql("SELECT phone_cipher FROM volunteer WHERE account_id = ?")
			.param(accountId)
			.query((rs, row) -> Optional.ofNullable(rs.getBytes(1)))
			.optional()
			.flatMap((cipher) -> cipher)
			.map((cipher) -> this.vault.open(cipher, sealedRow(accountId)));
	}

	/** What a volunteer's number is sealed for: their row. */
	static String sealedRow(long accountId) {
		return "volunteer/" + accountId;
	}

	/**
	 * Records the profile of a volunteer account, who then serves their own département
	 * and starts offline; registering the same profile again changes nothing.
	 * @throws RejectedRequest when the account is not a volunteer's, or the département
	 * or a theme is unknown
	 */
	@Transactional
	public VolunteerProfile register(long accountId, String departementCode, Set<String> skills) {
		if (this.accounts.find(accountId).filter((account) -> account.role() == Role.VOLUNTEER).isEmpty()) {
			throw new RejectedRequest(HttpStatus.BAD_REQUEST, "volunteer.account.invalid");
		}
		requireDepartement(departementCode, "departement");
		requireSkills(skills);
		Timestamp now = Timestamp.from(this.clock.instant());
		boolean created = this.jdbc
			.sql("INSERT IGNORE INTO volunteer (account_id, departement_code, created_at) VALUES (?, ?, ?)")
			.params(accountId, departementCode, now)
			.update() == 1;
		if (created) {
			this.jdbc.sql("INSERT INTO volunteer_presence (account_id, status, since) VALUES (?, 'OFFLINE', ?)")
				.params(accountId, now)
				.update();
		}
		else {
			this.jdbc.sql("UPDATE volunteer SET departement_code = ? WHERE account_id = ?")
				.params(departementCode, accountId)
				.update();
		}
		this.jdbc.sql("INSERT IGNORE INTO volunteer_territory (account_id, kind, code) VALUES (?, 'D', ?)")
			.params(accountId, departementCode)
			.update();
		replaceSkills(accountId, skills);
		this.events.publishEvent(new RoutingProfileChanged(accountId));
		return find(accountId).orElseThrow();
	}

	@Transactional(readOnly = true)
	public Optional<VolunteerProfile> find(long accountId) {
		return this.jdbc.sql("SELECT departement_code FROM volunteer WHERE account_id = ?")
			.param(accountId)
			.query(String.class)
			.optional()
			.map((departement) -> new VolunteerProfile(accountId, departement, skills(accountId)));
	}

	/**
	 * Sets what routing matches a volunteer against.
	 */
	@Transactional
	public RoutingProfile configureRouting(long accountId, Set<String> languages, int capacity,
			Set<String> servedDepartements, Set<String> servedRegions, boolean servesNationally) {
		requireVolunteer(accountId);
		if (languages == null || languages.isEmpty() || !LANGUAGES.containsAll(languages)) {
			throw RejectedRequest.field("languages", "volunteer.language.unknown");
		}
		if (capacity < 1 || capacity > 10) {
			throw RejectedRequest.field("capacity", "volunteer.capacity.invalid");
		}
		servedDepartements.forEach((code) -> requireDepartement(code, "servedDepartements"));
		for (String region : servedRegions) {
			if (this.territories.region(region).isEmpty()) {
				throw RejectedRequest.field("servedRegions", "volunteer.region.unknown", region);
			}
		}
		this.jdbc.sql("UPDATE volunteer SET languages = ?, capacity = ?, serves_nationally = ? WHERE account_id = ?")
			.params(String.join(",", new TreeSet<>(languages)), capacity, servesNationally, accountId)
			.update();
		this.jdbc.sql("DELETE FROM volunteer_territory WHERE account_id = ?").param(accountId).update();
		for (String departement : servedDepartements) {
			this.jdbc.sql("INSERT INTO volunteer_territory (account_id, kind, code) VALUES (?, 'D', ?)")
				.params(accountId, departement)
				.update();
		}
		for (String region : servedRegions) {
			this.jdbc.sql("INSERT INTO volunteer_territory (account_id, kind, code) VALUES (?, 'R', ?)")
				.params(accountId, region)
				.update();
		}
		this.events.publishEvent(new RoutingProfileChanged(accountId));
		return routingProfile(accountId).orElseThrow();
	}

	/**
	 * Records a coordinator's approval and the end of training: the volunteer may then go
	 * available.
	 */
	@Transactional
	public void qualify(long accountId) {
		requireVolunteer(accountId);
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc
			.sql("UPDATE volunteer SET approved_at = COALESCE(approved_at, ?), trained_at = COALESCE(trained_at, ?) "
					+ "WHERE account_id = ?")
			.params(now, now, accountId)
			.update();
		this.events.publishEvent(new RoutingProfileChanged(accountId));
	}

	@Transactional(readOnly = true)
	public Optional<RoutingProfile> routingProfile(long accountId) {
		return profiles("v.account_id = ?", accountId).stream().findFirst();
	}

	/**
	 * Qualified volunteers who are available now, the longest idle first.
	 */
	@Transactional(readOnly = true)
	public List<RoutingProfile> availableForOffers() {
		return profiles(
				"p.status = 'AVAILABLE' AND v.approved_at IS NOT NULL AND v.trained_at IS NOT NULL "
						+ "AND (p.wrap_up_until IS NULL OR p.wrap_up_until <= ?)",
				Timestamp.from(this.clock.instant()));
	}

	/**
	 * A request left the volunteer's hands after they worked on it: routing offers them
	 * nothing new for {@code duration} (they may still take the next one themselves).
	 */
	@Transactional
	public void startWrapUp(long accountId, Duration duration) {
		if (duration.isZero() || duration.isNegative()) {
			return;
		}
		Instant now = this.clock.instant();
		int updated = this.jdbc.sql("UPDATE volunteer_presence SET wrap_up_until = ? WHERE account_id = ?")
			.params(Timestamp.from(now.plus(duration)), accountId)
			.update();
		if (updated > 0) {
			this.periods.wrapUpStarted(accountId, now, now.plus(duration));
			this.events.publishEvent(new PresenceChanged(accountId, presence(accountId).status()));
		}
	}

	/**
	 * The volunteer is ready before their wrap-up time is over; ending it again changes
	 * nothing.
	 */
	@Transactional
	public PresenceState endWrapUp(long accountId) {
		PresenceState current = lockPresence(accountId);
		if (current.wrapUpUntil() == null) {
			return current;
		}
		this.jdbc.sql("UPDATE volunteer_presence SET wrap_up_until = NULL WHERE account_id = ?")
			.param(accountId)
			.update();
		this.periods.wrapUpEnded(accountId, this.clock.instant());
		this.events.publishEvent(new PresenceChanged(accountId, current.status()));
		return new PresenceState(accountId, current.status(), current.since(), current.idleSince(), null);
	}

	/**
	 * A volunteer's own choice of presence: available, on a break, or offline. Going
	 * available needs approval and training; choosing the current presence again changes
	 * nothing.
	 */
	@Transactional
	public PresenceState choosePresence(long accountId, Presence chosen) {
		if (chosen == Presence.BUSY) {
			throw new RejectedRequest(HttpStatus.BAD_REQUEST, "volunteer.presence.busy-is-automatic");
		}
		PresenceState current = lockPresence(accountId);
		if (chosen == Presence.AVAILABLE && !routingProfile(accountId).orElseThrow().qualified()) {
			throw new RejectedRequest(HttpStatus.CONFLICT, "volunteer.not-qualified");
		}
		if (current.status() == chosen || (current.status() == Presence.BUSY && chosen == Presence.AVAILABLE)) {
			return current;
		}
		Instant now = this.clock.instant();
		Instant idleSince = (chosen == Presence.AVAILABLE) ? now : null;
		writePresence(accountId, current.status(), chosen, now, idleSince);
		return new PresenceState(accountId, chosen, now, idleSince, current.wrapUpUntil());
	}

	@Transactional(readOnly = true)
	public PresenceState presence(long accountId) {
		return this.jdbc.sql(
				"SELECT account_id, status, since, idle_since, wrap_up_until FROM volunteer_presence WHERE account_id = ?")
			.param(accountId)
			.query(this::mapPresence)
			.optional()
			.orElseThrow(() -> new RejectedRequest(HttpStatus.NOT_FOUND, "volunteer.profile.none"));
	}

	/**
	 * Reads a volunteer's presence and locks it until the end of the transaction: routing
	 * serialises the requests given to one volunteer this way, so that nobody exceeds
	 * their capacity.
	 */
	@Transactional
	public PresenceState lockPresence(long accountId) {
		return this.jdbc.sql(
				"SELECT account_id, status, since, idle_since, wrap_up_until FROM volunteer_presence WHERE account_id = ? FOR UPDATE")
			.param(accountId)
			.query(this::mapPresence)
			.optional()
			.orElseThrow(() -> new RejectedRequest(HttpStatus.NOT_FOUND, "volunteer.profile.none"));
	}

	/**
	 * Like {@link #lockPresence}, for someone who may not be a volunteer (a coordinator
	 * holding a request): empty for them.
	 */
	@Transactional
	public Optional<PresenceState> lockPresenceIfVolunteer(long accountId) {
		return this.jdbc.sql(
				"SELECT account_id, status, since, idle_since, wrap_up_until FROM volunteer_presence WHERE account_id = ? FOR UPDATE")
			.param(accountId)
			.query(this::mapPresence)
			.optional();
	}

	/**
	 * Qualified volunteers who help with a theme and are not offline: those a request of
	 * that theme may be handed over to.
	 */
	@Transactional(readOnly = true)
	public List<Colleague> colleaguesFor(String topicCode) {
		return this.jdbc.sql("""
				SELECT v.account_id, v.departement_code, d.region_code, p.status, v.capacity
				FROM volunteer v JOIN volunteer_presence p ON p.account_id = v.account_id
				JOIN departement d ON d.code = v.departement_code
				JOIN volunteer_skill s ON s.account_id = v.account_id AND s.topic_code = ?
				WHERE v.approved_at IS NOT NULL AND v.trained_at IS NOT NULL AND p.status <> 'OFFLINE'
				ORDER BY v.account_id""")
			.param(topicCode)
			.query((rs, row) -> new Colleague(rs.getLong("account_id"), rs.getString("departement_code"),
					rs.getString("region_code"), Presence.valueOf(rs.getString("status")), rs.getInt("capacity")))
			.list();
	}

	/**
	 * Like {@link #lockPresence}, but gives up at once when another transaction holds the
	 * lock.
	 */
	@Transactional
	public Optional<PresenceState> tryLockPresence(long accountId) {
		return this.jdbc.sql(
				"SELECT account_id, status, since, idle_since, wrap_up_until FROM volunteer_presence WHERE account_id = ? "
						+ "FOR UPDATE SKIP LOCKED")
			.param(accountId)
			.query(this::mapPresence)
			.optional();
	}

	/**
	 * Routing gave the volunteer a request; {@code current} is their presence as routing
	 * locked it in this transaction, {@code load} how many requests they now hold.
	 */
	@Transactional
	public void requestGiven(PresenceState current, int load, int capacity) {
		Instant now = this.clock.instant();
		Presence status = (load >= capacity && current.status() == Presence.AVAILABLE) ? Presence.BUSY
				: current.status();
		writePresence(current.accountId(), current.status(), status,
				(status != current.status()) ? now : current.since(), now);
	}

	/**
	 * A request left the volunteer; {@code load} is how many they still hold.
	 */
	@Transactional
	public void requestTaken(long accountId, int load, int capacity) {
		PresenceState current = lockPresence(accountId);
		if (current.status() == Presence.BUSY && load < capacity) {
			Instant now = this.clock.instant();
			writePresence(accountId, current.status(), Presence.AVAILABLE, now, now);
		}
	}

	@Transactional(readOnly = true)
	public List<Shift> shifts(long accountId) {
		return this.jdbc.sql(
				"SELECT day_of_week, starts, ends FROM volunteer_shift WHERE account_id = ? ORDER BY day_of_week, starts")
			.param(accountId)
			.query((rs, row) -> new Shift(DayOfWeek.of(rs.getInt("day_of_week")), rs.getTime("starts").toLocalTime(),
					rs.getTime("ends").toLocalTime()))
			.list();
	}

	/**
	 * Replaces a volunteer's weekly shifts, and whether they go available automatically
	 * when one starts.
	 */
	@Transactional
	public List<Shift> replaceShifts(long accountId, List<Shift> shifts, boolean availableAtShiftStart) {
		requireVolunteer(accountId);
		if (shifts.size() > 21) {
			throw new RejectedRequest(HttpStatus.BAD_REQUEST, "volunteer.shift.too-many");
		}
		for (int i = 0; i < shifts.size(); i++) {
			for (int j = i + 1; j < shifts.size(); j++) {
				if (shifts.get(i).overlaps(shifts.get(j))) {
					throw new RejectedRequest(HttpStatus.BAD_REQUEST, "volunteer.shift.overlap");
				}
			}
		}
		this.jdbc.sql("DELETE FROM volunteer_shift WHERE account_id = ?").param(accountId).update();
		for (Shift shift : shifts) {
			this.jdbc.sql("INSERT INTO volunteer_shift (account_id, day_of_week, starts, ends) VALUES (?, ?, ?, ?)")
				.params(accountId, shift.day().getValue(), shift.starts(), shift.ends())
				.update();
		}
		this.jdbc.sql("UPDATE volunteer SET available_at_shift_start = ? WHERE account_id = ?")
			.params(availableAtShiftStart, accountId)
			.update();
		return shifts(accountId);
	}

	@Transactional(readOnly = true)
	public boolean availableAtShiftStart(long accountId) {
		return this.jdbc.sql("SELECT available_at_shift_start FROM volunteer WHERE account_id = ?")
			.param(accountId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/**
	 * Makes available the qualified, offline volunteers who opted in and whose shift
	 * started within {@code window} (in their own time zone); returns how many.
	 */
	@Transactional
	public int startShifts(Duration window) {
		Instant now = this.clock.instant();
		List<long[]> candidates = this.jdbc.sql("""
				SELECT v.account_id, s.day_of_week, TIME_TO_SEC(s.starts) AS starts, v.departement_code
				FROM volunteer v JOIN volunteer_shift s ON s.account_id = v.account_id
				JOIN volunteer_presence p ON p.account_id = v.account_id
				WHERE v.available_at_shift_start AND p.status = 'OFFLINE'
				  AND v.approved_at IS NOT NULL AND v.trained_at IS NOT NULL""")
			.query((rs, row) -> new Object[] { rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getString(4) })
			.list()
			.stream()
			.filter((row) -> shiftJustStarted((int) row[1], (int) row[2], (String) row[3], now, window))
			.map((row) -> new long[] { (long) row[0] })
			.toList();
		int started = 0;
		for (long[] candidate : candidates) {
			PresenceState current = lockPresence(candidate[0]);
			if (current.status() == Presence.OFFLINE) {
				writePresence(candidate[0], current.status(), Presence.AVAILABLE, now, now);
				started++;
			}
		}
		return started;
	}

	private boolean shiftJustStarted(int day, int startSeconds, String departement, Instant now, Duration window) {
		ZonedDateTime local = now
			.atZone(this.territories.departement(departement).map(Departement::timeZone).orElseThrow());
		if (local.getDayOfWeek().getValue() != day) {
			return false;
		}
		LocalTime starts = LocalTime.ofSecondOfDay(startSeconds);
		LocalTime time = local.toLocalTime();
		return !time.isBefore(starts) && time.isBefore(starts.plus(window));
	}

	private List<RoutingProfile> profiles(String condition, Object... params) {
		List<RoutingProfile> profiles = this.jdbc.sql("""
				SELECT v.account_id, v.departement_code, d.region_code, v.languages, v.capacity, v.serves_nationally,
				       v.approved_at IS NOT NULL AND v.trained_at IS NOT NULL AS qualified,
				       v.phone_cipher IS NOT NULL AS reachable_by_phone, v.training_phone
				FROM volunteer v JOIN volunteer_presence p ON p.account_id = v.account_id
				JOIN departement d ON d.code = v.departement_code
				""" + "WHERE " + condition + " ORDER BY p.idle_since, v.account_id")
			.params(params)
			.query((rs, row) -> new RoutingProfile(rs.getLong("account_id"), rs.getString("departement_code"),
					rs.getString("region_code"), Set.of(), Set.of(rs.getString("languages").split(",")),
					rs.getInt("capacity"), Set.of(), Set.of(), rs.getBoolean("serves_nationally"),
					rs.getBoolean("qualified"), rs.getBoolean("reachable_by_phone"), rs.getBoolean("training_phone")))
			.list();
		if (profiles.isEmpty()) {
			return profiles;
		}
		Map<Long, Set<String>> skills = new HashMap<>();
		Map<Long, Set<String>> departements = new HashMap<>();
		Map<Long, Set<String>> regions = new HashMap<>();
		String ids = profiles.stream().map((p) -> String.valueOf(p.accountId())).collect(Collectors.joining(","));
		this.jdbc.sql("SELECT account_id, topic_code FROM volunteer_skill WHERE account_id IN (" + ids + ")")
			.query((rs, row) -> skills.computeIfAbsent(rs.getLong(1), (id) -> new TreeSet<>()).add(rs.getString(2)))
			.list();
		this.jdbc.sql("SELECT account_id, kind, code FROM volunteer_territory WHERE account_id IN (" + ids + ")")
			.query((rs, row) -> ("D".equals(rs.getString(2)) ? departements : regions)
				.computeIfAbsent(rs.getLong(1), (id) -> new TreeSet<>())
				.add(rs.getString(3)))
			.list();
		List<RoutingProfile> complete = new ArrayList<>(profiles.size());
		for (RoutingProfile p : profiles) {
			complete.add(new RoutingProfile(p.accountId(), p.departementCode(), p.regionCode(),
					Set.copyOf(skills.getOrDefault(p.accountId(), Set.of())), p.languages(), p.capacity(),
					Set.copyOf(departements.getOrDefault(p.accountId(), Set.of())),
					Set.copyOf(regions.getOrDefault(p.accountId(), Set.of())), p.servesNationally(), p.qualified(),
					p.reachableByPhone(), p.practising()));
		}
		return complete;
	}

	private void writePresence(long accountId, Presence previous, Presence status, Instant since, Instant idleSince) {
		this.jdbc.sql("UPDATE volunteer_presence SET status = ?, since = ?, idle_since = ? WHERE account_id = ?")
			.params(status.name(), Timestamp.from(since), (idleSince != null) ? Timestamp.from(idleSince) : null,
					accountId)
			.update();
		if (status != previous) {
			this.periods.changed(accountId, status, this.clock.instant());
			this.events.publishEvent(new PresenceChanged(accountId, status));
		}
	}

	private PresenceState mapPresence(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		Timestamp idle = rs.getTimestamp("idle_since");
		Timestamp wrapUp = rs.getTimestamp("wrap_up_until");
		return new PresenceState(rs.getLong("account_id"), Presence.valueOf(rs.getString("status")),
				rs.getTimestamp("since").toInstant(), (idle != null) ? idle.toInstant() : null,
				(wrapUp != null) ? wrapUp.toInstant() : null);
	}

	void replaceSkills(long accountId, Set<String> skills) {
		this.jdbc.sql("DELETE FROM volunteer_skill WHERE account_id = ?").param(accountId).update();
		for (String skill : skills) {
			this.jdbc.sql("INSERT INTO volunteer_skill (account_id, topic_code) VALUES (?, ?)")
				.params(accountId, skill)
				.update();
		}
	}

	private Set<String> skills(long accountId) {
		return new TreeSet<>(this.jdbc.sql("SELECT topic_code FROM volunteer_skill WHERE account_id = ?")
			.param(accountId)
			.query(String.class)
			.list());
	}

	private void requireVolunteer(long accountId) {
		if (find(accountId).isEmpty()) {
			throw new RejectedRequest(HttpStatus.NOT_FOUND, "volunteer.profile.none");
		}
	}

	private void requireDepartement(String code, String field) {
		if (code == null || this.territories.departement(code).isEmpty()) {
			throw RejectedRequest.field(field, "volunteer.departement.unknown", code);
		}
	}

	private void requireSkills(Set<String> skills) {
		for (String skill : skills) {
			if (this.topics.find(skill).isEmpty()) {
				throw RejectedRequest.field("skills", "volunteer.skill.unknown", skill);
			}
		}
	}

}
