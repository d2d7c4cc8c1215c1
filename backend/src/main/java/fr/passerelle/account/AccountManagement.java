package fr.passerelle.account;

import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import fr.passerelle.platform.RejectedRequest;
import fr.passerelle.privacy.AuditAction;
import fr.passerelle.privacy.AuditLog;
import fr.passerelle.territory.Territories;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens and finds staff accounts. Addresses are compared without case; passwords are
 * stored as BCrypt hashes only.
 */
@Service
public class AccountManagement {

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	private final Accounts accounts;

	private final PasswordEncoder passwordEncoder;

	private final Territories territories;

	private final Clock clock;

	private final AuditLog audit;

	private final TwoFactorAuthentication twoFactor;

	AccountManagement(Accounts accounts, PasswordEncoder passwordEncoder, Territories territories, Clock clock,
			AuditLog audit, TwoFactorAuthentication twoFactor) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.territories = territories;
		this.clock = clock;
		this.audit = audit;
		this.twoFactor = twoFactor;
	}

	/**
	 * Sets up an account's two-factor authentication with a secret chosen beforehand
	 * (Base32), confirmed at once: for the demonstration's accounts, whose secret is
	 * published, never for real ones, who set it up from the staff app.
	 * @return the account's recovery codes
	 */
	public List<String> enrolTwoFactor(long accountId, String base32Secret) {
		return this.twoFactor.enrol(accountId, base32Secret);
	}

	/**
	 * Whether an account signs in with a second factor.
	 */
	@Transactional(readOnly = true)
	public boolean hasTwoFactor(long accountId) {
		return this.accounts.findById(accountId).map(Account::hasTwoFactor).orElse(false);
	}

	/**
	 * Opens an account for a staff member whom an administrator (or the platform itself)
	 * trusts: approved at once.
	 * @throws RejectedRequest when the address is malformed or taken, the password too
	 * weak, or the région does not exist or does not fit the role
	 */
	@Transactional
	public StaffAccount open(NewAccount request) {
		return open(request, true);
	}

	/**
	 * Opens the account of someone who signed up on their own: until {@link #approve}, it
	 * reaches only its onboarding.
	 * @throws RejectedRequest as {@link #open}
	 */
	@Transactional
	public StaffAccount openPendingApproval(NewAccount request) {
		return open(request, false);
	}

	/**
	 * Lets a signed-up account use the staff API; approving again changes nothing.
	 */
	@Transactional
	public void approve(long accountId) {
		Account account = this.accounts.findById(accountId).orElseThrow();
		if (account.approved()) {
			return;
		}
		account.approve(this.clock.instant());
		this.accounts.save(account);
		this.audit.record(AuditAction.ACCOUNT_APPROVED, "account/" + accountId, null);
	}

	private StaffAccount open(NewAccount request, boolean approved) {
		String email = normalize(request.email());
		if (!EMAIL.matcher(email).matches() || email.length() > 254) {
			throw RejectedRequest.field("email", "account.email.invalid");
		}
		if (request.displayName() == null || request.displayName().isBlank() || request.displayName().length() > 120) {
			throw RejectedRequest.field("displayName", "account.name.invalid");
		}
		if (request.regionCode() != null
				&& (request.role() != Role.COORDINATOR || this.territories.region(request.regionCode()).isEmpty())) {
			throw RejectedRequest.field("regionCode", "account.region.invalid", request.regionCode());
		}
		PasswordPolicy.check(request.password(), email, "password");
		if (this.accounts.existsByEmail(email)) {
			throw new RejectedRequest(HttpStatus.CONFLICT, "account.email.taken").on("email");
		}
		Account account = Account.open(email, request.displayName().strip(),
				this.passwordEncoder.encode(request.password()), request.role(), request.regionCode(),
				request.passwordChangeRequired(), approved, this.clock.instant());
		try {
			return this.accounts.save(account).view();
		}
		catch (DuplicateKeyException ex) {
			throw new RejectedRequest(HttpStatus.CONFLICT, "account.email.taken").on("email");
		}
	}

	/**
	 * An account whose holder proved the address is theirs (a sign-up's link opened; an
	 * account opened by the platform or an administrator is).
	 */
	@Transactional(readOnly = true)
	public Optional<StaffAccount> findConfirmed(long accountId) {
		return this.accounts.findById(accountId).filter(Account::emailConfirmed).map(Account::view);
	}

	/**
	 * Confirms an account's address without a link: for the tests and the demonstration
	 * only, whose addresses receive no e-mail.
	 */
	@Transactional
	public void confirmEmail(long accountId) {
		Account account = this.accounts.findById(accountId).orElseThrow();
		account.confirmEmail(this.clock.instant());
		this.accounts.save(account);
	}

	@Transactional(readOnly = true)
	public Optional<StaffAccount> findByEmail(String email) {
		return this.accounts.findByEmail(normalize(email)).map(Account::view);
	}

	@Transactional(readOnly = true)
	public Optional<StaffAccount> find(long id) {
		return this.accounts.findById(id).map(Account::view);
	}

	/**
	 * The accounts of these ids that exist, by id (one query, whatever their number).
	 */
	@Transactional(readOnly = true)
	public Map<Long, StaffAccount> findAll(Collection<Long> ids) {
		Map<Long, StaffAccount> found = new HashMap<>();
		this.accounts.findAllById(ids).forEach((account) -> found.put(account.id(), account.view()));
		return found;
	}

	/**
	 * An account that may still sign in.
	 */
	@Transactional(readOnly = true)
	public Optional<StaffAccount> findEnabled(long id) {
		return this.accounts.findById(id).filter(Account::enabled).map(Account::view);
	}

	/**
	 * The coordinators of a région and the national ones, who may sign in, by name.
	 */
	@Transactional(readOnly = true)
	public List<StaffAccount> coordinatorsFor(String regionCode) {
		return this.accounts.findByRole(Role.COORDINATOR)
			.stream()
			.filter(Account::enabled)
			.map(Account::view)
			.filter((staff) -> staff.isNational() || staff.regionCode().equals(regionCode))
			.sorted(Comparator.comparing(StaffAccount::displayName).thenComparing(StaffAccount::id))
			.toList();
	}

	/**
	 * The staff member behind an authenticated request.
	 * @throws RejectedRequest (401) when the account no longer exists
	 */
	@Transactional(readOnly = true)
	public StaffAccount signedIn(Authentication authentication) {
		return this.accounts.findByEmail(normalize(authentication.getName()))
			.filter(Account::enabled)
			.map(Account::view)
			.orElseThrow(() -> new RejectedRequest(HttpStatus.UNAUTHORIZED, "account.authentication-required"));
	}

	/**
	 * Whether a request comes from an approved staff member (who may see drafts).
	 */
	public static boolean isApprovedStaff(Authentication authentication) {
		return authentication != null && authentication.isAuthenticated()
				&& authentication.getAuthorities()
					.stream()
					.anyMatch((authority) -> AccountUserDetailsService.APPROVED.equals(authority.getAuthority()));
	}

	@Transactional(readOnly = true)
	public boolean hasAdministrator() {
		return this.accounts.existsByRole(Role.ADMIN);
	}

	static String normalize(String email) {
		return (email != null) ? email.strip().toLowerCase(Locale.ROOT) : "";
	}

}
