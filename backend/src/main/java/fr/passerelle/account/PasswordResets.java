package fr.passerelle.account;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import fr.passerelle.platform.RateLimits;
import fr.passerelle.platform.RejectedRequest;
import fr.passerelle.privacy.AuditAction;
import fr.passerelle.privacy.AuditLog;

import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;

/**
 * A forgotten password: a link sent to the account's address, valid 30 minutes and used
 * once, that lets its owner choose a new password. Asking tells nothing about which
 * addresses have an account: the answer is the same, and an unknown address gets no
 * e-mail. Only the link's hash is kept. The new password ends every session of the
 * account; the second factor, where there is one, is still asked at the next sign-in.
 */
@Service
class PasswordResets {

	static final Duration VALIDITY = Duration.ofMinutes(30);

	/**
	 * Links sent to one address: enough for a typo or a lost e-mail, too few to flood it.
	 */
	static final RateLimits.Limit PER_ADDRESS = new RateLimits.Limit(3, 10);

	/** Requests from one network address, whatever the e-mail addresses typed. */
	static final RateLimits.Limit PER_NETWORK_ADDRESS = new RateLimits.Limit(20, 100);

	private final Accounts accounts;

	private final AccountTokens tokens;

	private final PasswordEncoder passwordEncoder;

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	private final AccountMails mails;

	private final RateLimits rateLimits;

	private final AuditLog audit;

	private final Clock clock;

	PasswordResets(Accounts accounts, AccountTokens tokens, PasswordEncoder passwordEncoder,
			FindByIndexNameSessionRepository<? extends Session> sessions, AccountMails mails, RateLimits rateLimits,
			AuditLog audit, Clock clock) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.passwordEncoder = passwordEncoder;
		this.sessions = sessions;
		this.mails = mails;
		this.rateLimits = rateLimits;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Sends a reset link to this address if it is an active account's; answers the same
	 * either way.
	 * @throws RejectedRequest (429) when this network address asked too often
	 */
	void request(String typedEmail, String networkAddress) {
		this.rateLimits.require("password-reset-network", networkAddress, PER_NETWORK_ADDRESS);
		String email = AccountManagement.normalize(typedEmail);
		// an address asked for too often is not told either: it simply gets no more
		// e-mails
		if (!this.rateLimits.allows("password-reset-address", email, PER_ADDRESS)) {
			return;
		}
		Optional<Account> found = this.accounts.findByEmail(email).filter(Account::enabled);
		if (found.isEmpty()) {
			return;
		}
		Account account = found.get();
		String token = this.tokens.issue(account.id(), AccountTokens.Purpose.PASSWORD_RESET, VALIDITY);
		// a failure leaves the answer the same (it would tell that the address has an
		// account); the operator sees it in the log
		this.mails.send(account.id(), account.email(), "password-reset", account.displayName(),
				this.mails.link("nouveau-mot-de-passe", token), VALIDITY.toMinutes());
		this.audit.record(AuditAction.PASSWORD_RESET_REQUESTED, null, "account/" + account.id(), null);
	}

	/**
	 * Sets the new password of the link's account, once.
	 * @throws RejectedRequest (400) for a link unknown, expired or already used, or a
	 * password the policy refuses (the link then stays usable)
	 */
	void complete(String token, String newPassword) {
		Account account = this.tokens.accountOf(token, AccountTokens.Purpose.PASSWORD_RESET)
			.flatMap(this.accounts::findById)
			.filter(Account::enabled)
			.orElseThrow(() -> new RejectedRequest(HttpStatus.BAD_REQUEST, "account.reset.invalid"));
		PasswordPolicy.check(newPassword, account.email(), "password");
		if (!this.tokens.use(token, AccountTokens.Purpose.PASSWORD_RESET)) {
			throw new RejectedRequest(HttpStatus.BAD_REQUEST, "account.reset.invalid");
		}
		account.changePassword(this.passwordEncoder.encode(newPassword), this.clock.instant());
		// the link reached the address: a sign-up never confirmed is now
		account.confirmEmail(this.clock.instant());
		this.accounts.save(account);
		// an invitation not yet accepted has served its purpose: the password is chosen
		this.tokens.forget(account.id(), AccountTokens.Purpose.INVITATION);
		this.sessions.findByPrincipalName(account.email()).keySet().forEach(this.sessions::deleteById);
		this.audit.record(AuditAction.PASSWORD_RESET, null, "account/" + account.id(), Map.of());
	}

}
