package fr.passerelle.account;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import fr.passerelle.platform.RateLimits;
import fr.passerelle.platform.RejectedRequest;
import fr.passerelle.privacy.AuditAction;
import fr.passerelle.privacy.AuditLog;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * A sign-up tells nobody whether its address already has an account: whoever signs up is
 * answered the same, and the address's owner learns the rest by e-mail. A new account
 * gets a link, valid 72 hours and used once, that confirms the address (it cannot sign in
 * before); an address that already has a confirmed account is told so, with the way to
 * sign in or to choose a new password; one whose sign-up was never confirmed gets a new
 * link. At most 3 of these e-mails an hour, and 10 a day, go to one address.
 */
@Service
public class SignUpConfirmations {

	static final Duration VALIDITY = Duration.ofHours(72);

	static final RateLimits.Limit PER_ADDRESS = new RateLimits.Limit(3, 10);

	private final Accounts accounts;

	private final AccountTokens tokens;

	private final AccountMails mails;

	private final RateLimits rateLimits;

	private final AuditLog audit;

	private final Clock clock;

	SignUpConfirmations(Accounts accounts, AccountTokens tokens, AccountMails mails, RateLimits rateLimits,
			AuditLog audit, Clock clock) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.mails = mails;
		this.rateLimits = rateLimits;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * E-mails a new sign-up the link that confirms its address.
	 */
	public void confirmAddressOf(StaffAccount signedUp) {
		if (!this.rateLimits.allows("sign-up-address", signedUp.email(), PER_ADDRESS)) {
			return;
		}
		sendConfirmation(signedUp.id(), signedUp.email(), signedUp.displayName());
	}

	/**
	 * Someone signed up with an address that has an account: its owner is told, by e-mail
	 * only.
	 */
	public void tellOwnerOf(String typedEmail) {
		String email = AccountManagement.normalize(typedEmail);
		if (!this.rateLimits.allows("sign-up-address", email, PER_ADDRESS)) {
			return;
		}
		Optional<Account> found = this.accounts.findByEmail(email).filter(Account::enabled);
		if (found.isEmpty()) {
			return;
		}
		Account account = found.get();
		if (!account.emailConfirmed()) {
			// the first sign-up's e-mail was lost or expired: a new link, the password
			// chosen then unchanged
			sendConfirmation(account.id(), account.email(), account.displayName());
			return;
		}
		this.mails.send(account.id(), account.email(), "sign-up-existing", account.displayName(),
				this.mails.link("login", null), this.mails.link("mot-de-passe-oublie", null));
	}

	/**
	 * The holder opened the link: the account may sign in (and, once approved, serve).
	 * @throws RejectedRequest (400) for a link unknown, expired, replaced or already used
	 */
	void confirm(String token) {
		Account account = this.tokens.accountOf(token, AccountTokens.Purpose.EMAIL_CONFIRMATION)
			.flatMap(this.accounts::findById)
			.orElseThrow(() -> new RejectedRequest(HttpStatus.BAD_REQUEST, "account.confirmation.invalid"));
		if (!this.tokens.use(token, AccountTokens.Purpose.EMAIL_CONFIRMATION)) {
			throw new RejectedRequest(HttpStatus.BAD_REQUEST, "account.confirmation.invalid");
		}
		account.confirmEmail(this.clock.instant());
		this.accounts.save(account);
		this.audit.record(AuditAction.EMAIL_CONFIRMED, null, "account/" + account.id(), null);
	}

	private void sendConfirmation(long accountId, String email, String displayName) {
		String token = this.tokens.issue(accountId, AccountTokens.Purpose.EMAIL_CONFIRMATION, VALIDITY);
		// a failure leaves the sign-up's answer the same; the operator sees it in the log
		this.mails.send(accountId, email, "sign-up-confirmation", displayName,
				this.mails.link("confirmer-adresse", token), VALIDITY.toHours());
	}

}
