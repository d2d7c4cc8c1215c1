package fr.passerelle.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import fr.passerelle.platform.RateLimits;
import fr.passerelle.platform.RejectedRequest;
import fr.passerelle.privacy.AuditAction;
import fr.passerelle.privacy.AuditLog;

import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Coordinators and administrators join by invitation: an administrator opens their
 * account (its role, and a coordinator's région), and they receive a link, valid 72 hours
 * and used once, to choose their password; nobody else ever knows it, and no password
 * travels. Until then the account has a password nobody knows. Volunteers sign up on
 * their own and are approved by their région.
 */
@Service
class Invitations {

	static final Duration VALIDITY = Duration.ofHours(72);

	/** Invitations an administrator sends: a team's worth in an hour, not a mailing. */
	static final RateLimits.Limit PER_ADMINISTRATOR = new RateLimits.Limit(20, 50);

	private final AccountManagement management;

	private final Accounts accounts;

	private final AccountTokens tokens;

	private final PasswordEncoder passwordEncoder;

	private final AccountMails mails;

	private final RateLimits rateLimits;

	private final AuditLog audit;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	Invitations(AccountManagement management, Accounts accounts, AccountTokens tokens, PasswordEncoder passwordEncoder,
			AccountMails mails, RateLimits rateLimits, AuditLog audit, Clock clock) {
		this.management = management;
		this.accounts = accounts;
		this.tokens = tokens;
		this.passwordEncoder = passwordEncoder;
		this.mails = mails;
		this.rateLimits = rateLimits;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Opens a coordinator's or an administrator's account and e-mails them their
	 * invitation.
	 * @throws RejectedRequest (400) for a volunteer, a malformed address or name, a
	 * région that does not exist or does not fit the role; (409) for an address that has
	 * an account; (429) past the administrator's limit
	 */
	StaffAccount invite(String email, String displayName, Role role, String regionCode, StaffAccount administrator) {
		if (role == Role.VOLUNTEER) {
			throw RejectedRequest.field("role", "account.invitation.volunteer");
		}
		this.rateLimits.require("account-invitation", "account/" + administrator.id(), PER_ADMINISTRATOR);
		String region = (regionCode == null || regionCode.isBlank()) ? null : regionCode.strip();
		// a password nobody knows (256 random bits), until the invitation is accepted
		StaffAccount invited = this.management
			.open(NewAccount.of(email, displayName, role, unknowable()).inRegion(region));
		this.audit.record(AuditAction.ACCOUNT_INVITED, "account/" + invited.id(),
				Map.of("role", role.name(), "regionCode", (region != null) ? region : "national"));
		send(invited, administrator);
		return invited;
	}

	/**
	 * Sends a new invitation to an account that has not accepted its own yet; the earlier
	 * link no longer works.
	 * @throws RejectedRequest (404) for an unknown account, (409) for one whose
	 * invitation was accepted (or that never had one), (429) past the administrator's
	 * limit
	 */
	StaffAccount resend(long accountId, StaffAccount administrator) {
		Account account = this.accounts.findById(accountId)
			.orElseThrow(() -> new RejectedRequest(HttpStatus.NOT_FOUND, "account.not-found"));
		if (this.tokens.pendingInvitation(accountId) == null || !account.enabled()) {
			throw new RejectedRequest(HttpStatus.CONFLICT, "account.invitation.not-pending");
		}
		this.rateLimits.require("account-invitation", "account/" + administrator.id(), PER_ADMINISTRATOR);
		this.audit.record(AuditAction.ACCOUNT_INVITED, "account/" + accountId, Map.of("again", true));
		send(account.view(), administrator);
		return account.view();
	}

	/**
	 * The invited person chooses their password, once.
	 * @throws RejectedRequest (400) for a link unknown, expired, replaced or used, or a
	 * password the policy refuses (the link then stays usable)
	 */
	void accept(String token, String password) {
		Account account = this.tokens.accountOf(token, AccountTokens.Purpose.INVITATION)
			.flatMap(this.accounts::findById)
			.filter(Account::enabled)
			.orElseThrow(() -> new RejectedRequest(HttpStatus.BAD_REQUEST, "account.invitation.invalid"));
		PasswordPolicy.check(password, account.email(), "password");
		if (!this.tokens.use(token, AccountTokens.Purpose.INVITATION)) {
			throw new RejectedRequest(HttpStatus.BAD_REQUEST, "account.invitation.invalid");
		}
		account.changePassword(this.passwordEncoder.encode(password), this.clock.instant());
		this.accounts.save(account);
		this.audit.record(AuditAction.INVITATION_ACCEPTED, null, "account/" + account.id(), Map.of());
	}

	private void send(StaffAccount invited, StaffAccount administrator) {
		String token = this.tokens.issue(invited.id(), AccountTokens.Purpose.INVITATION, VALIDITY);
		String role = this.mails.message("role." + invited.role().name());
		if (!this.mails.send(invited.id(), invited.email(), "invitation", invited.displayName(),
				administrator.displayName(), role, this.mails.link("invitation", token), VALIDITY.toHours())) {
			throw new RejectedRequest(HttpStatus.SERVICE_UNAVAILABLE, "mail.unavailable");
		}
	}

	private String unknowable() {
		byte[] secret = new byte[32];
		this.random.nextBytes(secret);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
	}

}
