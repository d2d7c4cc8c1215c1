package fr.passerelle.volunteer;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.Role;
import fr.passerelle.platform.RejectedRequest;
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
 * Volunteers: their profile, their phone, and what routing matches against. Their
 * presence ({@link VolunteerPresence}), wrap-up ({@link WrapUps}) and shifts
 * ({@link VolunteerShifts}) are services of their own.
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

	private final VolunteerStore store;

	private final ObjectProvider<TrainingPhones> trainingPhones;

	Volunteers(JdbcClient jdbc, AccountManagement accounts, Territories territories, Topics topics, Clock clock,
			ApplicationEventPublisher events, PhoneVault vault, VolunteerStore store,
			ObjectProvider<TrainingPhones> trainingPhones) {
		this.store = store;
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
		this.store.replaceSkills(accountId, skills);
		this.events.publishEvent(new RoutingProfileChanged(accountId));
		return find(accountId).orElseThrow();
	}

	@Transactional(readOnly = true)
	public Optional<VolunteerProfile> find(long accountId) {
		return this.jdbc.sql("SELECT departement_code FROM volunteer WHERE account_id = ?")
			.param(accountId)
			.query(String.class)
			.optional()
			.map((departement) -> new VolunteerProfile(accountId, departement, this.store.skills(accountId)));
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
		return this.store.profiles("v.account_id = ?", accountId).stream().findFirst();
	}

	/**
	 * Qualified volunteers who are available now, the longest idle first.
	 */
	@Transactional(readOnly = true)
	public List<RoutingProfile> availableForOffers() {
		return this.store.profiles(
				"p.status = 'AVAILABLE' AND v.approved_at IS NOT NULL AND v.trained_at IS NOT NULL "
						+ "AND (p.wrap_up_until IS NULL OR p.wrap_up_until <= ?)",
				Timestamp.from(this.clock.instant()));
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
