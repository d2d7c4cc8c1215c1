package fr.passerelle.volunteer;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import fr.passerelle.account.AccountManagement;
import fr.passerelle.platform.RateLimits;
import fr.passerelle.platform.RejectedRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Onboarding over HTTP: the public sign-up, coordinators' approvals, and the volunteer's
 * training checklist.
 */
@RestController
@Tag(name = "Onboarding", description = "Sign-up, approval and training of volunteers")
class OnboardingController {

	/**
	 * Sign-ups one address may send in an hour (a France Services desk helps several
	 * people).
	 */
	static final int SIGN_UPS_PER_ADDRESS_PER_HOUR = 10;

	private final Onboarding onboarding;

	private final AccountManagement accounts;

	private final RateLimits rateLimits;

	OnboardingController(Onboarding onboarding, AccountManagement accounts, RateLimits rateLimits) {
		this.onboarding = onboarding;
		this.accounts = accounts;
		this.rateLimits = rateLimits;
	}

	@PostMapping("/api/sign-up")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Sign up as a volunteer (no account needed); a coordinator then approves the sign-up")
	SignedUp signUp(@Valid @RequestBody SignUp request, HttpServletRequest http) {
		if (!this.rateLimits.tryAcquire("volunteer-sign-up", http.getRemoteAddr(), SIGN_UPS_PER_ADDRESS_PER_HOUR,
				Duration.ofHours(1))) {
			throw new RejectedRequest(HttpStatus.TOO_MANY_REQUESTS, "volunteer.application.too-many");
		}
		var account = this.onboarding.apply(
				new Onboarding.Application(request.displayName(), request.email(), request.password(), request.phone(),
						request.departement(), request.skills(), request.languages(), request.availability()));
		return new SignedUp(account.id(), account.email());
	}

	@GetMapping("/api/volunteer-applications")
	@PreAuthorize("hasRole('COORDINATOR')")
	@Operation(summary = "Sign-ups waiting for approval in the coordinator's scope, the oldest first")
	List<Onboarding.Applicant> pending(Authentication authentication) {
		return this.onboarding.pending(this.accounts.signedIn(authentication));
	}

	@PostMapping("/api/volunteer-applications/{id}/approve")
	@PreAuthorize("hasRole('COORDINATOR')")
	@Operation(summary = "Approve a sign-up (approving again changes nothing)")
	Onboarding.Training approve(@PathVariable long id, Authentication authentication) {
		return this.onboarding.approve(id, this.accounts.signedIn(authentication));
	}

	@GetMapping("/api/volunteers/me/training")
	@Operation(summary = "The caller's training checklist: approval, charter, practice calls")
	Onboarding.Training training(Authentication authentication) {
		return this.onboarding.training(this.accounts.signedIn(authentication).id());
	}

	@PostMapping("/api/volunteers/me/charter")
	@Operation(summary = "Accept the volunteers' charter (accepting again changes nothing)")
	Onboarding.Training acceptCharter(Authentication authentication) {
		return this.onboarding.acceptCharter(this.accounts.signedIn(authentication).id());
	}

	record SignUp(@NotBlank @Size(max = 120) String displayName, @NotBlank @Size(max = 254) String email,
			@NotBlank @Size(max = 200) String password, @NotBlank @Size(max = 30) String phone,
			@NotBlank @Size(max = 3) String departement, @NotEmpty Set<String> skills, @NotEmpty Set<String> languages,
			@Size(max = 500) String availability) {
	}

	record SignedUp(long id, String email) {
	}

}
