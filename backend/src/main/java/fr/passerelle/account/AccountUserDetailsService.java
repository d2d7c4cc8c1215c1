package fr.passerelle.account;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Loads a staff account for sign-in. An account whose password must be changed carries
 * the {@value #PASSWORD_CHANGE_REQUIRED} authority until it is.
 */
@Component
class AccountUserDetailsService implements UserDetailsService {

	static final String PASSWORD_CHANGE_REQUIRED = "PASSWORD_CHANGE_REQUIRED";

	private final Accounts accounts;

	AccountUserDetailsService(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		Account account = this.accounts.findByEmail(AccountManagement.normalize(username))
			.orElseThrow(() -> new UsernameNotFoundException("No such account"));
		return User.withUsername(account.email())
			.password(account.passwordHash())
			.disabled(!account.enabled())
			.authorities(authorities(account))
			.build();
	}

	static List<GrantedAuthority> authorities(Account account) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority(account.role().authority()));
		if (account.passwordChangeRequired()) {
			authorities.add(new SimpleGrantedAuthority(PASSWORD_CHANGE_REQUIRED));
		}
		return authorities;
	}

}
