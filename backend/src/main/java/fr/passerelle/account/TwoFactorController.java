package fr.passerelle.account;

import java.util.List;

import fr.passerelle.account.TwoFactorAuthentication.Setup;
import fr.passerelle.account.TwoFactorAuthentication.Status;
import fr.passerelle.platform.RejectedRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in staff member's own two-factor authentication. Replacing the app of an
 * account that has one, renewing the recovery codes and turning it off ask for the
 * password again.
 */
@RestController
@Tag(name = "Accounts")
class TwoFactorController {

	private final TwoFactorAuthentication twoFactor;

	private final PasswordChanges passwords;

	private final Accounts accounts;

	TwoFactorController(TwoFactorAuthentication twoFactor, PasswordChanges passwords, Accounts accounts) {
		this.twoFactor = twoFactor;
		this.passwords = passwords;
		this.accounts = accounts;
	}

	@GetMapping("/api/account/two-factor")
	@Operation(summary = "Whether my sign-in asks for a code, and how many recovery codes I have left")
	Status status(Authentication authentication) {
		return this.twoFactor.status(me(authentication).id());
	}

	@PostMapping("/api/account/two-factor/setup")
	@Operation(summary = "A new secret for my authenticator app, used once confirmed with a code")
	Setup setup(@Valid @RequestBody(required = false) Password password, Authentication authentication,
			HttpServletRequest request) {
		Account account = me(authentication);
		if (account.hasTwoFactor()) {
			this.passwords.confirm(account.email(), (password != null) ? password.password() : null,
					request.getRemoteAddr());
		}
		return this.twoFactor.begin(account.id());
	}

	@PostMapping("/api/account/two-factor/confirm")
	@Operation(summary = "Confirm the new secret with a code from the app; answers the recovery codes, once")
	RecoveryCodes confirm(@Valid @RequestBody Code code, Authentication authentication) {
		return new RecoveryCodes(this.twoFactor.confirm(me(authentication).id(), code.code()));
	}

	@PostMapping("/api/account/two-factor/recovery-codes")
	@Operation(summary = "New recovery codes, which replace the earlier ones")
	RecoveryCodes renew(@Valid @RequestBody Password password, Authentication authentication,
			HttpServletRequest request) {
		Account account = this.passwords.confirm(me(authentication).email(), password.password(),
				request.getRemoteAddr());
		return new RecoveryCodes(this.twoFactor.renewRecoveryCodes(account.id()));
	}

	@PostMapping("/api/account/two-factor/disable")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Turn two-factor authentication off (volunteers only)")
	void disable(@Valid @RequestBody Password password, Authentication authentication, HttpServletRequest request) {
		Account account = me(authentication);
		if (account.twoFactorMandatory()) {
			throw new RejectedRequest(HttpStatus.CONFLICT, "account.two-factor.mandatory");
		}
		this.passwords.confirm(account.email(), password.password(), request.getRemoteAddr());
		this.twoFactor.disable(account.id());
	}

	private Account me(Authentication authentication) {
		return this.accounts.findByEmail(AccountManagement.normalize(authentication.getName()))
			.orElseThrow(() -> new RejectedRequest(HttpStatus.UNAUTHORIZED, "account.authentication-required"));
	}

	record Password(@Size(max = 128) String password) {
	}

	record Code(@NotBlank @Size(max = 64) String code) {
	}

	record RecoveryCodes(List<String> recoveryCodes) {
	}

}
