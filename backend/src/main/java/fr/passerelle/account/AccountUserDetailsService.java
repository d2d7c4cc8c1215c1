package fr.passerelle.account;

import java.util.ArrayList;
import java.util.List;

import fr.passerelle.platform.RestrictedPaths;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Loads a staff account for sign-in. An account whose password must be changed carries
 * the {@value #PASSWORD_CHANGE_REQUIRED} authority until it is, a coordinator or an
 * administrator without two-factor authentication {@value #TWO_FACTOR_SETUP_REQUIRED}
 * until they set it up; an approved account carries {@value #APPROVED}.
 */
@Component
class AccountUserDetailsService implements UserDetailsService {

	static final String PASSWORD_CHANGE_REQUIRED = "PASSWORD_CHANGE_REQUIRED";

	static final String APPROVED = "APPROVED";

	/**
	 * A coordinator or administrator who has not set up two-factor authentication yet.
	 */
	static final String TWO_FACTOR_SETUP_REQUIRED = "TWO_FACTOR_SETUP_REQUIRED";

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
			// a sign-up whose address is not confirmed yet signs in as little as a
			// deactivated account
			.disabled(!account.enabled() || !account.emailConfirmed())
			.authorities(authorities(account))
			.build();
	}

	/**
	 * Whether an authority is one of those this class gives (the others come from sign-in
	 * itself).
	 */
	static boolean isAccountAuthority(GrantedAuthority authority) {
		String name = authority.getAuthority();
		return name != null
				&& (name.startsWith("ROLE_") || PASSWORD_CHANGE_REQUIRED.equals(name) || APPROVED.equals(name)
						|| TWO_FACTOR_SETUP_REQUIRED.equals(name) || RestrictedPaths.NATIONAL_AUTHORITY.equals(name));
	}

	static List<GrantedAuthority> authorities(Account account) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority(account.role().authority()));
		if (account.passwordChangeRequired()) {
			authorities.add(new SimpleGrantedAuthority(PASSWORD_CHANGE_REQUIRED));
		}
		if (account.twoFactorMandatory() && !account.hasTwoFactor()) {
			authorities.add(new SimpleGrantedAuthority(TWO_FACTOR_SETUP_REQUIRED));
		}
		if (account.approved()) {
			authorities.add(new SimpleGrantedAuthority(APPROVED));
		}
		if (account.role() == Role.ADMIN || (account.role() == Role.COORDINATOR && account.regionCode() == null)) {
			authorities.add(new SimpleGrantedAuthority(RestrictedPaths.NATIONAL_AUTHORITY));
		}
		return authorities;
	}

}
