package fr.passerelle.account;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Mon compte": a staff member changes their own password. Their other sessions end; this
 * one continues under a new session identifier.
 */
@RestController
class PasswordController {

	private final PasswordChanges passwordChanges;

	private final SecurityContextRepository securityContexts = new HttpSessionSecurityContextRepository();

	PasswordController(PasswordChanges passwordChanges) {
		this.passwordChanges = passwordChanges;
	}

	@PutMapping("/api/account/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void change(@Valid @RequestBody PasswordChange change, Authentication authentication, HttpServletRequest request,
			HttpServletResponse response) {
		this.passwordChanges.change(authentication.getName(), change, request.getRemoteAddr());
		// The session store still knows this session by its current identifier until the
		// response is committed.
		this.passwordChanges.endOtherSessions(authentication.getName(), request.getSession().getId());
		request.changeSessionId();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(withoutPasswordChangeRequired(authentication));
		SecurityContextHolder.setContext(context);
		this.securityContexts.saveContext(context, request, response);
	}

	private static Authentication withoutPasswordChangeRequired(Authentication authentication) {
		List<GrantedAuthority> authorities = new ArrayList<>(authentication.getAuthorities());
		authorities.removeIf((a) -> AccountUserDetailsService.PASSWORD_CHANGE_REQUIRED.equals(a.getAuthority()));
		return UsernamePasswordAuthenticationToken.authenticated(authentication.getPrincipal(), null, authorities);
	}

}
