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
 * Accepting an invitation, for the invited person (not signed in yet): their password,
 * chosen with the link's token.
 */
@RestController
@Tag(name = "Accounts")
class InvitationController {

	private final Invitations invitations;

	InvitationController(Invitations invitations) {
		this.invitations = invitations;
	}

	@PostMapping("/api/invitations/accept")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Choose one's password with the invitation's token (valid 72 hours, once)")
	void accept(@Valid @RequestBody Acceptance acceptance) {
		this.invitations.accept(acceptance.token(), acceptance.password());
	}

	record Acceptance(@NotBlank @Size(max = 100) String token, @NotBlank @Size(max = 1000) String password) {
	}

	@Configuration(proxyBeanMethods = false)
	static class Paths {

		@Bean
		PublicPaths invitationPublicPaths() {
			return PublicPaths.of("/api/invitations/accept");
		}

	}

}
