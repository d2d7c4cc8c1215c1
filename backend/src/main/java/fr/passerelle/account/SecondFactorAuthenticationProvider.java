package fr.passerelle.account;

import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Signs in with a password and, for an account that has two-factor authentication, a
 * code: asked for only once the password is right ({@link CodeRequired}), and refused
 * when wrong or already used ({@link CodeRejected}). Both are account status exceptions,
 * which end the sign-in at once: no other provider gets to accept the password alone.
 */
class SecondFactorAuthenticationProvider extends DaoAuthenticationProvider {

	private final Accounts accounts;

	private final TwoFactorAuthentication twoFactor;

	SecondFactorAuthenticationProvider(AccountUserDetailsService users, PasswordEncoder passwordEncoder,
			Accounts accounts, TwoFactorAuthentication twoFactor) {
		super(users);
		setPasswordEncoder(passwordEncoder);
		this.accounts = accounts;
		this.twoFactor = twoFactor;
	}

	@Override
	protected void additionalAuthenticationChecks(UserDetails user, UsernamePasswordAuthenticationToken sign)
			throws AuthenticationException {
		super.additionalAuthenticationChecks(user, sign);
		Account account = this.accounts.findByEmail(user.getUsername()).orElseThrow(CodeRejected::new);
		if (!account.hasTwoFactor()) {
			return;
		}
		String code = (sign.getDetails() instanceof SignInDetails details) ? details.code() : null;
		if (code == null || code.isBlank()) {
			throw new CodeRequired();
		}
		if (!this.twoFactor.verify(account.id(), code)) {
			throw new CodeRejected();
		}
	}

	/**
	 * The password is right; the account's second factor is needed.
	 */
	static class CodeRequired extends AccountStatusException {

		CodeRequired() {
			super("Second factor required");
		}

	}

	/**
	 * The code is wrong, expired or already used.
	 */
	static class CodeRejected extends AccountStatusException {

		CodeRejected() {
			super("Second factor rejected");
		}

	}

}
