package fr.passerelle.account;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who is signed in. Sign-in and sign-out themselves are handled by the security filter
 * chain ({@code POST /api/auth/login}, {@code POST /api/auth/logout}).
 */
@RestController
class AuthController {

	private final CurrentAccounts currentAccounts;

	AuthController(CurrentAccounts currentAccounts) {
		this.currentAccounts = currentAccounts;
	}

	@GetMapping("/api/auth/me")
	CurrentAccounts.Me me(Authentication authentication, CsrfToken csrfToken) {
		// Reading the token makes sure its cookie is (re)issued, for the app's next
		// state-changing request.
		csrfToken.getToken();
		return this.currentAccounts.describe(authentication);
	}

}
