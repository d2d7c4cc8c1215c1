package fr.passerelle.account;

import java.time.Clock;

import fr.passerelle.platform.RejectedRequest;
import fr.passerelle.privacy.AuditAction;
import fr.passerelle.privacy.AuditLog;

import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;

/**
 * Replaces a password after checking the current one (wrong guesses count towards the
 * sign-in throttle).
 */
@Service
class PasswordChanges {

	private final Accounts accounts;

	private final PasswordEncoder passwordEncoder;

	private final LoginThrottle throttle;

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	private final Clock clock;

	private final AuditLog audit;

	PasswordChanges(Accounts accounts, PasswordEncoder passwordEncoder, LoginThrottle throttle,
			FindByIndexNameSessionRepository<? extends Session> sessions, Clock clock, AuditLog audit) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.throttle = throttle;
		this.sessions = sessions;
		this.clock = clock;
		this.audit = audit;
	}

	// Not one transaction: a wrong guess must stay counted when the change is refused.
	void change(String email, PasswordChange change, String address) {
		Account account = confirm(email, change.currentPassword(), address);
		PasswordPolicy.check(change.newPassword(), email, "newPassword");
		if (change.newPassword().equals(change.currentPassword())) {
			throw new RejectedRequest(HttpStatus.BAD_REQUEST, "account.password.unchanged");
		}
		account.changePassword(this.passwordEncoder.encode(change.newPassword()), this.clock.instant());
		this.accounts.save(account);
		this.audit.record(AuditAction.PASSWORD_CHANGED, email, "account/" + account.id(), null);
	}

	/**
	 * Checks the signed-in staff member's password again before a sensitive change (wrong
	 * guesses count towards the sign-in throttle, as at sign-in).
	 * @throws RejectedRequest (400) for a wrong password, (429) when throttled
	 */
	Account confirm(String email, String password, String address) {
		if (this.throttle.attempt(email, address).isPresent()) {
			throw new RejectedRequest(HttpStatus.TOO_MANY_REQUESTS, "account.password.throttled");
		}
		Account account = this.accounts.findByEmail(email).orElseThrow();
		if (password == null || !this.passwordEncoder.matches(password, account.passwordHash())) {
			throw new RejectedRequest(HttpStatus.BAD_REQUEST, "account.password.current-wrong");
		}
		this.throttle.succeeded(email, address);
		return account;
	}

	void endOtherSessions(String email, String keptSessionId) {
		this.sessions.findByPrincipalName(email)
			.keySet()
			.stream()
			.filter((id) -> !id.equals(keptSessionId))
			.forEach(this.sessions::deleteById);
	}

}
