package fr.passerelle.account;

import fr.passerelle.platform.PublicPaths;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Mot de passe oublié", for anyone: ask for a link, then choose a new password with it.
 */
@RestController
@Tag(name = "Accounts")
class PasswordResetController {

	private final PasswordResets resets;

	PasswordResetController(PasswordResets resets) {
		this.resets = resets;
	}

	@PostMapping("/api/password-reset")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Send a reset link to this address if it is an account's (the answer is the same either way)")
	void request(@Valid @RequestBody ResetRequest request, HttpServletRequest http) {
		this.resets.request(request.email(), http.getRemoteAddr());
	}

	@PostMapping("/api/password-reset/complete")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Choose a new password with the link's token (valid 30 minutes, once)")
	void complete(@Valid @RequestBody NewPassword password) {
		this.resets.complete(password.token(), password.password());
	}

	record ResetRequest(@NotBlank @Size(max = 254) String email) {
	}

	record NewPassword(@NotBlank @Size(max = 100) String token, @NotBlank @Size(max = 1000) String password) {
	}

	@Configuration(proxyBeanMethods = false)
	static class Paths {

		@Bean
		PublicPaths passwordResetPublicPaths() {
			return PublicPaths.of("/api/password-reset", "/api/password-reset/complete");
		}

	}

}
