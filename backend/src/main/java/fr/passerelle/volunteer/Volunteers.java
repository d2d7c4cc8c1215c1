package fr.passerelle.volunteer;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.Role;
import fr.passerelle.platform.RejectedRequest;
import fr.passerelle.territory.Territories;
import fr.passerelle.topic.Topics;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers volunteers and reads their profiles.
 */
@Service
public class Volunteers {

	private final JdbcClient jdbc;

	private final AccountManagement accounts;

	private final Territories territories;

	private final Topics topics;

	private final Clock clock;

	Volunteers(JdbcClient jdbc, AccountManagement accounts, Territories territories, Topics topics, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.territories = territories;
		this.topics = topics;
		this.clock = clock;
	}

	/**
	 * Records the profile of a volunteer account; registering the same profile again
	 * changes nothing.
	 * @throws RejectedRequest when the account is not a volunteer's, or the département
	 * or a theme is unknown
	 */
	@Transactional
	public VolunteerProfile register(long accountId, String departementCode, Set<String> skills) {
		if (this.accounts.find(accountId).filter((account) -> account.role() == Role.VOLUNTEER).isEmpty()) {
			throw new RejectedRequest(HttpStatus.BAD_REQUEST, "volunteer.account.invalid");
		}
		if (this.territories.departement(departementCode).isEmpty()) {
			throw new RejectedRequest(HttpStatus.BAD_REQUEST, "volunteer.departement.unknown", departementCode);
		}
		for (String skill : skills) {
			if (this.topics.find(skill).isEmpty()) {
				throw new RejectedRequest(HttpStatus.BAD_REQUEST, "volunteer.skill.unknown", skill);
			}
		}
		this.jdbc
			.sql("INSERT INTO volunteer (account_id, departement_code, created_at) VALUES (?, ?, ?) "
					+ "ON DUPLICATE KEY UPDATE departement_code = VALUES(departement_code)")
			.params(accountId, departementCode, Timestamp.from(this.clock.instant()))
			.update();
		this.jdbc.sql("DELETE FROM volunteer_skill WHERE account_id = ?").param(accountId).update();
		for (String skill : skills) {
			this.jdbc.sql("INSERT INTO volunteer_skill (account_id, topic_code) VALUES (?, ?)")
				.params(accountId, skill)
				.update();
		}
		return new VolunteerProfile(accountId, departementCode, Set.copyOf(skills));
	}

	@Transactional(readOnly = true)
	public Optional<VolunteerProfile> find(long accountId) {
		return this.jdbc.sql("SELECT departement_code FROM volunteer WHERE account_id = ?")
			.param(accountId)
			.query(String.class)
			.optional()
			.map((departement) -> new VolunteerProfile(accountId, departement, skills(accountId)));
	}

	private Set<String> skills(long accountId) {
		return new TreeSet<>(this.jdbc.sql("SELECT topic_code FROM volunteer_skill WHERE account_id = ?")
			.param(accountId)
			.query(String.class)
			.list());
	}

}
