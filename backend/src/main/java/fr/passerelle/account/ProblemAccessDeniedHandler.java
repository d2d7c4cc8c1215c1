package fr.passerelle.account;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import fr.passerelle.privacy.AuditAction;
import fr.passerelle.privacy.AuditLog;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

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

	private final AuditLog audit;

	ProblemAccessDeniedHandler(ProblemWriter problems, AuditLog audit) {
		this.problems = problems;
		this.audit = audit;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException {
		String reason = reason(denied);
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("method", request.getMethod());
		detail.put("path", request.getRequestURI());
		detail.put("reason", reason);
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		if (caller != null && caller.isAuthenticated() && !(caller instanceof AnonymousAuthenticationToken)) {
			// a visitor's refusals (a missing CSRF token) are not anybody's to account
			// for
			this.audit.record(AuditAction.ACCESS_REFUSED, null, detail);
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
		if (authentication != null && authentication.isAuthenticated()
				&& authentication.getAuthorities()
					.stream()
					.noneMatch((a) -> AccountUserDetailsService.APPROVED.equals(a.getAuthority()))) {
			return "account.approval-pending";
		}
		return "account.access-denied";
	}

}
