package fr.passerelle.account;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the signed-in account again at every request, so that a deactivation, a change of
 * role, région or approval takes effect at once rather than at the next sign-in: a
 * deactivated or removed account's session ends, and the authorities follow the account.
 * A session also ends once it is older than its absolute lifetime, however active.
 */
class AccountStandingFilter extends OncePerRequestFilter {

	private final Accounts accounts;

	private final Duration absoluteLifetime;

	AccountStandingFilter(Accounts accounts, Duration absoluteLifetime) {
		this.accounts = accounts;
		this.absoluteLifetime = absoluteLifetime;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken)) {
			HttpSession session = request.getSession(false);
			Optional<Account> account = this.accounts.findByEmail(AccountManagement.normalize(authentication.getName()))
				.filter(Account::enabled);
			if (account.isEmpty() || tooOld(session)) {
				if (session != null) {
					session.invalidate();
				}
				SecurityContextHolder.clearContext();
			}
			else {
				refresh(authentication, account.get());
			}
		}
		chain.doFilter(request, response);
	}

	private boolean tooOld(HttpSession session) {
		// sessions are dated by the wall clock, whatever clock the application runs on
		return session != null
				&& System.currentTimeMillis() - session.getCreationTime() > this.absoluteLifetime.toMillis();
	}

	private static void refresh(Authentication authentication, Account account) {
		List<GrantedAuthority> current = new ArrayList<>(AccountUserDetailsService.authorities(account));
		List<GrantedAuthority> others = authentication.getAuthorities()
			.stream()
			.filter((authority) -> !AccountUserDetailsService.isAccountAuthority(authority))
			.map(GrantedAuthority.class::cast)
			.toList();
		current.addAll(others);
		if (new HashSet<>(current).equals(new HashSet<>(authentication.getAuthorities()))) {
			return;
		}
		UsernamePasswordAuthenticationToken fresh = UsernamePasswordAuthenticationToken
			.authenticated(authentication.getPrincipal(), null, current);
		fresh.setDetails(authentication.getDetails());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(fresh);
		SecurityContextHolder.setContext(context);
	}

}
