package fr.passerelle.account;

import java.io.IOException;

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
		var wait = this.throttle.attempt(String.valueOf(request.getParameter("email")), request.getRemoteAddr());
		if (wait.isPresent()) {
			long seconds = Math.max(1, wait.get().plusMillis(999).toSeconds());
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
			if (seconds < 60) {
				this.problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "account.login.throttled-seconds",
						seconds);
			}
			else {
				this.problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "account.login.throttled",
						(seconds + 59) / 60);
			}
			return;
		}
		chain.doFilter(request, response);
	}

}
