package fr.passerelle.account;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

import fr.passerelle.privacy.AuditAction;
import fr.passerelle.privacy.AuditLog;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * Answers the staff app's sign-in: the signed-in account as JSON, or 401 with one message
 * whatever went wrong with the address or password (so that nobody learns which addresses
 * have an account); once the password is right, 401 asks for the second factor's code, or
 * says it was wrong. A success clears the account's count in the throttle. Both go in the
 * audit log; a failure names the address typed only when it is an account's (a password
 * typed in the wrong field stays out of the log).
 */
@Component
class LoginHandlers implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

	private final LoginThrottle throttle;

	private final ProblemWriter problems;

	private final CurrentAccounts currentAccounts;

	private final JsonMapper json;

	private final Accounts accounts;

	private final AuditLog audit;

	LoginHandlers(LoginThrottle throttle, ProblemWriter problems, CurrentAccounts currentAccounts, JsonMapper json,
			Accounts accounts, AuditLog audit) {
		this.throttle = throttle;
		this.problems = problems;
		this.currentAccounts = currentAccounts;
		this.json = json;
		this.accounts = accounts;
		this.audit = audit;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		this.throttle.succeeded(authentication.getName(), request.getRemoteAddr());
		CurrentAccounts.Me me = this.currentAccounts.describe(authentication);
		this.audit.record(AuditAction.SIGN_IN, me.email(), "account/" + me.id(), null);
		response.setStatus(HttpStatus.OK.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getOutputStream().write(this.json.writeValueAsBytes(me));
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		// the attempt was counted before the password was checked (LoginThrottleFilter)
		String typed = request.getParameter("email");
		Optional<Account> account = (typed != null) ? this.accounts.findByEmail(AccountManagement.normalize(typed))
				: Optional.empty();
		this.audit.record(AuditAction.SIGN_IN_FAILED, account.map(Account::email).orElse(null),
				account.map((found) -> "account/" + found.id()).orElse(null),
				Map.of("reason", exception.getClass().getSimpleName()));
		String reason = (exception instanceof SecondFactorAuthenticationProvider.CodeRequired)
				? "account.two-factor.required" : (exception instanceof SecondFactorAuthenticationProvider.CodeRejected)
						? "account.two-factor.rejected" : "account.login.failed";
		this.problems.write(request, response, HttpStatus.UNAUTHORIZED, reason);
	}

}
