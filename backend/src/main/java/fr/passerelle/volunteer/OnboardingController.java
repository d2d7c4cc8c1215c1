package fr.passerelle.volunteer;

import java.util.List;
import java.util.Set;

import fr.passerelle.account.SignUpConfirmations;
import fr.passerelle.account.StaffAccount;
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
	 * Sign-ups one network address may send in an hour and in a day (a France Services
	 * desk helps several people).
	 */
	static final RateLimits.Limit SIGN_UPS_PER_ADDRESS = new RateLimits.Limit(10, 30);

	private final Onboarding onboarding;

	private final RateLimits rateLimits;

	private final SignUpConfirmations confirmations;

	OnboardingController(Onboarding onboarding, RateLimits rateLimits, SignUpConfirmations confirmations) {
		this.onboarding = onboarding;
		this.rateLimits = rateLimits;
		this.confirmations = confirmations;
	}

	@PostMapping("/api/sign-up")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Sign up as a volunteer (no account needed): the address then receives a link that "
			+ "confirms it, and a coordinator approves the sign-up. The answer is the same whether the address "
			+ "had an account or not")
	void signUp(@Valid @RequestBody SignUp request, HttpServletRequest http) {
		if (!this.rateLimits.allows("volunteer-sign-up", http.getRemoteAddr(), SIGN_UPS_PER_ADDRESS)) {
			throw new RejectedRequest(HttpStatus.TOO_MANY_REQUESTS, "volunteer.application.too-many");
		}
		Onboarding.Application application = new Onboarding.Application(request.displayName(), request.email(),
				request.password(), request.phone(), request.departement(), request.skills(), request.languages(),
				request.availability());
		StaffAccount account;
		try {
			account = this.onboarding.apply(application);
		}
		catch (RejectedRequest ex) {
			if (!"account.email.taken".equals(ex.messageCode())) {
				throw ex;
			}
			// the rest of the sign-up is checked as for a new address, so that a mistake
			// in it is answered the same; then nothing is kept, and the owner is told
			this.onboarding.check(application);
			this.confirmations.tellOwnerOf(request.email());
			return;
		}
		this.confirmations.confirmAddressOf(account);
	}

	@GetMapping("/api/volunteer-applications")
	@PreAuthorize("hasRole('COORDINATOR')")
	@Operation(summary = "Sign-ups waiting for approval in the coordinator's scope, the oldest first")
	List<Onboarding.Applicant> pending(StaffAccount staff) {
		return this.onboarding.pending(staff);
	}

	@PostMapping("/api/volunteer-applications/{id}/approve")
	@PreAuthorize("hasRole('COORDINATOR')")
	@Operation(summary = "Approve a sign-up (approving again changes nothing)")
	Onboarding.Training approve(@PathVariable long id, StaffAccount staff) {
		return this.onboarding.approve(id, staff);
	}

	@GetMapping("/api/volunteers/me/training")
	@Operation(summary = "The caller's training checklist: approval, charter, practice calls")
	Onboarding.Training training(StaffAccount staff) {
		return this.onboarding.training(staff.id());
	}

	@PostMapping("/api/volunteers/me/charter")
	@Operation(summary = "Accept the volunteers' charter (accepting again changes nothing)")
	Onboarding.Training acceptCharter(StaffAccount staff) {
		return this.onboarding.acceptCharter(staff.id());
	}

	record SignUp(@NotBlank @Size(max = 120) String displayName, @NotBlank @Size(max = 254) String email,
			@NotBlank @Size(max = 200) String password, @NotBlank @Size(max = 30) String phone,
			@NotBlank @Size(max = 3) String departement, @NotEmpty Set<String> skills, @NotEmpty Set<String> languages,
			@Size(max = 500) String availability) {
	}

}
