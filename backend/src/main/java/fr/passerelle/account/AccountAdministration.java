package fr.passerelle.account;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import fr.passerelle.platform.RejectedRequest;
import fr.passerelle.privacy.AuditAction;
import fr.passerelle.privacy.AuditLog;
import fr.passerelle.territory.Territories;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;

/**
 * What administrators do to staff accounts: change a role or a région, deactivate and
 * reactivate. A deactivation or a role change takes effect at once: the account's
 * sessions end (its consoles close with them), and {@link AccountCutOff} lets the other
 * modules take back what the account held. The last active administrator cannot be
 * removed.
 */
@Service
public class AccountAdministration {

	private final Accounts accounts;

	private final Territories territories;

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	private final ApplicationEventPublisher events;

	private final AuditLog audit;

	private final TwoFactorAuthentication twoFactor;

	private final AccountTokens tokens;

	AccountAdministration(Accounts accounts, Territories territories,
			FindByIndexNameSessionRepository<? extends Session> sessions, ApplicationEventPublisher events,
			AuditLog audit, TwoFactorAuthentication twoFactor, AccountTokens tokens) {
		this.tokens = tokens;
		this.accounts = accounts;
		this.territories = territories;
		this.sessions = sessions;
		this.events = events;
		this.audit = audit;
		this.twoFactor = twoFactor;
	}

	/**
	 * Forgets an account's two-factor authentication, for a staff member who lost both
	 * their phone and their recovery codes: their sessions end, and they set it up again
	 * at their next sign-in (coordinators and administrators must). Resetting an account
	 * without it changes nothing.
	 * @throws RejectedRequest (404) for an unknown account
	 */
	public AccountSummary resetTwoFactor(long accountId) {
		Account account = this.accounts.findById(accountId)
			.orElseThrow(() -> new RejectedRequest(HttpStatus.NOT_FOUND, "account.not-found"));
		if (!account.hasTwoFactor()) {
			return summary(account);
		}
		this.twoFactor.reset(accountId);
		this.audit.record(AuditAction.TWO_FACTOR_RESET, "account/" + accountId, null);
		this.sessions.findByPrincipalName(account.email()).keySet().forEach(this.sessions::deleteById);
		return summary(this.accounts.findById(accountId).orElseThrow());
	}

	/**
	 * One account as administrators see it.
	 * @throws RejectedRequest (404) for an unknown account
	 */
	public AccountSummary summaryOf(long accountId) {
		return summary(this.accounts.findById(accountId)
			.orElseThrow(() -> new RejectedRequest(HttpStatus.NOT_FOUND, "account.not-found")));
	}

	/**
	 * Every account, by name.
	 */
	public List<AccountSummary> list() {
		Map<Long, Instant> invitations = this.tokens.pendingInvitations();
		return this.accounts.findAll()
			.stream()
			.map((account) -> summary(account, invitations.get(account.id())))
			.sorted(Comparator.comparing(AccountSummary::displayName, String.CASE_INSENSITIVE_ORDER)
				.thenComparing(AccountSummary::id))
			.toList();
	}

	/**
	 * Sets an account's role, région and whether it may sign in; the same change sent
	 * again changes nothing (and ends nothing). With the version the administrator saw, a
	 * change made meanwhile by someone else is not overwritten.
	 * @param expectedVersion the account's version as the administrator read it, or
	 * {@code null} not to check it
	 * @throws RejectedRequest (404) for an unknown account, (400) for a région that does
	 * not exist or does not fit the role, (409) when it would leave no active
	 * administrator, or when the account changed since {@code expectedVersion}
	 */
	// Not one transaction: the account is saved before its sessions end and its requests
	// go back, each of which commits on its own.
	public AccountSummary change(long accountId, Role role, String regionCode, boolean enabled, Long expectedVersion) {
		Account account = this.accounts.findById(accountId)
			.orElseThrow(() -> new RejectedRequest(HttpStatus.NOT_FOUND, "account.not-found"));
		String region = (regionCode == null || regionCode.isBlank()) ? null : regionCode.strip();
		if (region != null && (role != Role.COORDINATOR || this.territories.region(region).isEmpty())) {
			throw new RejectedRequest(HttpStatus.BAD_REQUEST, "account.region.invalid", region);
		}
		boolean roleChanged = account.role() != role || !Objects.equals(account.regionCode(), region);
		boolean deactivated = account.enabled() && !enabled;
		if (!roleChanged && account.enabled() == enabled) {
			return summary(account);
		}
		if (expectedVersion != null && !expectedVersion.equals(account.version())) {
			throw new RejectedRequest(HttpStatus.CONFLICT, "problem.changed-meanwhile");
		}
		if (account.role() == Role.ADMIN && account.enabled() && (role != Role.ADMIN || !enabled)
				&& activeAdministrators() <= 1) {
			throw new RejectedRequest(HttpStatus.CONFLICT, "account.last-administrator");
		}
		Map<String, Object> before = standing(account);
		account.changeRole(role, region);
		account.enable(enabled);
		Account saved = this.accounts.save(account);
		this.audit.record(AuditAction.ACCOUNT_CHANGED, "account/" + saved.id(),
				Map.of("before", before, "after", standing(saved)));
		if (roleChanged || deactivated) {
			this.sessions.findByPrincipalName(saved.email()).keySet().forEach(this.sessions::deleteById);
			this.events.publishEvent(new AccountCutOff(saved.id(), !enabled));
		}
		return summary(saved);
	}

	private static Map<String, Object> standing(Account account) {
		Map<String, Object> standing = new LinkedHashMap<>();
		standing.put("role", account.role().name());
		standing.put("regionCode", account.regionCode());
		standing.put("enabled", account.enabled());
		return standing;
	}

	private long activeAdministrators() {
		return this.accounts.findByRole(Role.ADMIN).stream().filter(Account::enabled).count();
	}

	private AccountSummary summary(Account account) {
		return summary(account, this.tokens.pendingInvitation(account.id()));
	}

	private static AccountSummary summary(Account account, Instant invitationExpiresAt) {
		return new AccountSummary(account.id(), account.email(), account.displayName(), account.role(),
				account.regionCode(), account.enabled(), account.approved(), account.hasTwoFactor(),
				account.createdAt(), account.version(), invitationExpiresAt);
	}

	/**
	 * An account as administrators see it.
	 *
	 * @param invitationExpiresAt when the invitation its holder has not accepted yet
	 * expires (or expired); {@code null} when there is none
	 */
	public record AccountSummary(long id, String email, String displayName, Role role, String regionCode,
			boolean enabled, boolean approved, boolean twoFactorEnabled, Instant createdAt, Long version,
			Instant invitationExpiresAt) {
	}

}
