package fr.passerelle.account;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in attempt with 429 while its account or address is throttled, before
 * any password is checked. Part of the security filter chain only (not a servlet filter
 * of its own), so it runs after the CSRF check.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

	private final LoginThrottle throttle;

	private final ProblemWriter problems;

	LoginThrottleFilter(LoginThrottle throttle, ProblemWriter problems) {
		this.throttle = throttle;
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !("POST".equals(request.getMethod())
				&& SecurityConfiguration.LOGIN_PATH.equals(request.getServletPath()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var wait = this.throttle.waitBeforeNextAttempt(String.valueOf(request.getParameter("email")),
				request.getRemoteAddr());
		if (wait.isPresent()) {
			long minutes = Math.max(1, wait.get().plus(Duration.ofSeconds(59)).toMinutes());
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, wait.get().toSeconds())));
			this.problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "account.login.throttled", minutes);
			return;
		}
		chain.doFilter(request, response);
	}

}
