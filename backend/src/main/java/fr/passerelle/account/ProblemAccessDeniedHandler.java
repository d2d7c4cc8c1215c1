package fr.passerelle.account;

import java.io.IOException;

import fr.passerelle.platform.RequestRefused;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * Says why an API request was refused: a missing or stale CSRF token, a password that
 * must be changed first, an account not approved yet, or a lack of rights; and records
 * the refusal in the audit log.
 */
class ProblemAccessDeniedHandler implements AccessDeniedHandler {

	private final ProblemWriter problems;

	private final ApplicationEventPublisher events;

	ProblemAccessDeniedHandler(ProblemWriter problems, ApplicationEventPublisher events) {
		this.problems = problems;
		this.events = events;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException {
		String reason = reason(denied);
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		if (caller != null && caller.isAuthenticated() && !(caller instanceof AnonymousAuthenticationToken)) {
			// a visitor's refusals (a missing CSRF token) are not anybody's to account
			// for; the audit log records the others as it records the modules' own
			this.events.publishEvent(new RequestRefused(request.getMethod(), request.getRequestURI(), reason));
		}
		this.problems.write(request, response, HttpStatus.FORBIDDEN, reason);
	}

	private static String reason(AccessDeniedException denied) {
		if (denied instanceof CsrfException) {
			return "account.csrf-invalid";
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getAuthorities()
			.stream()
			.anyMatch((a) -> AccountUserDetailsService.PASSWORD_CHANGE_REQUIRED.equals(a.getAuthority()))) {
			return "account.password.change-required";
		}
		if (authentication != null && authentication.getAuthorities()
			.stream()
			.anyMatch((a) -> AccountUserDetailsService.TWO_FACTOR_SETUP_REQUIRED.equals(a.getAuthority()))) {
			return "account.two-factor.setup-required";
		}
		if (authentication != null && authentication.isAuthenticated()
				&& authentication.getAuthorities()
					.stream()
					.noneMatch((a) -> AccountUserDetailsService.APPROVED.equals(a.getAuthority()))) {
			return "account.approval-pending";
		}
		return "account.access-denied";
	}

}
