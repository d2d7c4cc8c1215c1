package fr.passerelle.account;

import fr.passerelle.platform.PublicPaths;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
 * Confirming the address of a sign-up, with the link e-mailed to it.
 */
@RestController
@Tag(name = "Accounts")
class SignUpConfirmationController {

	private final SignUpConfirmations confirmations;

	SignUpConfirmationController(SignUpConfirmations confirmations) {
		this.confirmations = confirmations;
	}

	@PostMapping("/api/sign-up/confirm")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Confirm a sign-up's address with the link's token (valid 72 hours, once)")
	void confirm(@Valid @RequestBody Confirmation confirmation) {
		this.confirmations.confirm(confirmation.token());
	}

	record Confirmation(@NotBlank @Size(max = 100) String token) {
	}

	@Configuration(proxyBeanMethods = false)
	static class Paths {

		@Bean
		PublicPaths signUpConfirmationPublicPaths() {
			return PublicPaths.of("/api/sign-up/confirm");
		}

	}

}
