package fr.passerelle.account;

import java.io.IOException;

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
 * whatever went wrong (so that nobody learns which addresses have an account). A success
 * clears the account's count in the throttle.
 */
@Component
class LoginHandlers implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

	private final LoginThrottle throttle;

	private final ProblemWriter problems;

	private final CurrentAccounts currentAccounts;

	private final JsonMapper json;

	LoginHandlers(LoginThrottle throttle, ProblemWriter problems, CurrentAccounts currentAccounts, JsonMapper json) {
		this.throttle = throttle;
		this.problems = problems;
		this.currentAccounts = currentAccounts;
		this.json = json;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		this.throttle.succeeded(authentication.getName(), request.getRemoteAddr());
		response.setStatus(HttpStatus.OK.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getOutputStream().write(this.json.writeValueAsBytes(this.currentAccounts.describe(authentication)));
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		// the attempt was counted before the password was checked (LoginThrottleFilter)
		this.problems.write(request, response, HttpStatus.UNAUTHORIZED, "account.login.failed");
	}

}
