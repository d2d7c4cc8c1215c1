package fr.passerelle.statistics;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.Role;
import fr.passerelle.account.StaffAccount;
import fr.passerelle.platform.RejectedRequest;
import fr.passerelle.privacy.PhoneNumber;
import fr.passerelle.privacy.PhoneVault;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coordinators who asked to be texted the coverage alerts: a national coordinator the
 * whole country's, a regional coordinator their région's; each rule of each scope texted
 * at most once an hour. Their phone is kept sealed, bound to its row.
 */
@Service
public class AlertSubscriptions {

	/** An alert's rule and scope are texted again no sooner. */
	static final Duration TEXTED_AT_MOST_EVERY = Duration.ofHours(1);

	private final JdbcClient jdbc;

	private final PhoneVault vault;

	private final AccountManagement accounts;

	private final Clock clock;

	AlertSubscriptions(JdbcClient jdbc, PhoneVault vault, AccountManagement accounts, Clock clock) {
		this.jdbc = jdbc;
		this.vault = vault;
		this.accounts = accounts;
		this.clock = clock;
	}

	/**
	 * Texts this coordinator the alerts of their scope, on this phone; the same again
	 * changes nothing.
	 * @return the phone, masked
	 * @throws RejectedRequest (403) for a volunteer, (400) for a number that cannot be
	 * texted
	 */
	@Transactional
	String subscribe(StaffAccount staff, String typed) {
		if (staff.role() == Role.VOLUNTEER) {
			throw new RejectedRequest(HttpStatus.FORBIDDEN, "statistics.forbidden");
		}
		PhoneNumber phone = PhoneNumber.parse(typed);
		this.jdbc.sql("""
				INSERT INTO statistics_alert_subscription (account_id, phone_cipher, created_at) VALUES (?, ?, ?)
				ON DUPLICATE KEY UPDATE phone_cipher = VALUES(phone_cipher)""")
			.params(staff.id(), this.vault.seal(phone, sealedRow(staff.id())).ciphertext(),
					Timestamp.from(this.clock.instant()))
			.update();
		return phone.masked();
	}

	/** Texts them no more; again, changes nothing. */
	@Transactional
	void unsubscribe(StaffAccount staff) {
		this.jdbc.sql("DELETE FROM statistics_alert_subscription WHERE account_id = ?").param(staff.id()).update();
	}

	/** The phone this staff member is texted the alerts on, masked, if they asked. */
	@Transactional(readOnly = true)
	Optional<String> of(StaffAccount staff) {
		return this.jdbc.sql("SELECT phone_cipher FROM statistics_alert_subscription WHERE account_id = ?")
			.param(staff.id())
			.query((rs, row) -> rs.getBytes(1))
			.optional()
			.map((cipher) -> this.vault.open(cipher, sealedRow(staff.id())).masked());
	}

	/**
	 * Whom to text about the alert that is up for this rule and scope, unless it was
	 * texted within the hour (then nobody): the subscribed coordinators of that scope who
	 * may still sign in. Marks it texted.
	 */
	@Transactional
	public List<Recipient> recipientsOnce(String rule, String scope) {
		Instant now = this.clock.instant();
		int marked = this.jdbc.sql("""
				UPDATE statistics_alert SET texted_at = ?
				WHERE rule = ? AND scope = ? AND ended_at IS NULL
				  AND NOT EXISTS (SELECT 1 FROM (SELECT texted_at FROM statistics_alert
				                                 WHERE rule = ? AND scope = ? AND texted_at >= ?) recent)""")
			.params(Timestamp.from(now), rule, scope, rule, scope, Timestamp.from(now.minus(TEXTED_AT_MOST_EVERY)))
			.update();
		if (marked == 0) {
			return List.of();
		}
		return this.jdbc.sql("SELECT account_id, phone_cipher FROM statistics_alert_subscription")
			.query((rs, row) -> new Subscribed(rs.getLong(1), rs.getBytes(2)))
			.list()
			.stream()
			.filter((subscribed) -> this.accounts.findEnabled(subscribed.accountId())
				.filter((staff) -> staff.role() != Role.VOLUNTEER)
				.filter((staff) -> Cell.NATIONAL.equals(scope) ? staff.isNational() : scope.equals(staff.regionCode()))
				.isPresent())
			.map((subscribed) -> new Recipient(subscribed.accountId(),
					this.vault.open(subscribed.cipher(), sealedRow(subscribed.accountId()))))
			.toList();
	}

	static String sealedRow(long accountId) {
		return "alert-subscription/" + accountId;
	}

	private record Subscribed(long accountId, byte[] cipher) {
	}

	/**
	 * A coordinator to text, and their phone (for the telephony module alone: never
	 * shown, never logged).
	 */
	public record Recipient(long accountId, PhoneNumber phone) {
	}

}
