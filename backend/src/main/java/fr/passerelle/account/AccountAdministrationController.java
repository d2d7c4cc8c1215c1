package fr.passerelle.account;

import java.util.List;

import fr.passerelle.account.AccountAdministration.AccountSummary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/accounts")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Accounts (administrators)")
class AccountAdministrationController {

	private final AccountAdministration administration;

	AccountAdministrationController(AccountAdministration administration) {
		this.administration = administration;
	}

	@GetMapping
	@Operation(summary = "Every staff account")
	List<AccountSummary> list() {
		return this.administration.list();
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change an account's role, région, or whether it may sign in; takes effect at once. "
			+ "With the version read, a change made meanwhile answers 409")
	AccountSummary change(@PathVariable long id, @Valid @RequestBody AccountChange change) {
		return this.administration.change(id, change.role(), change.regionCode(), change.enabled(), change.version());
	}

	@PostMapping("/{id}/two-factor/reset")
	@Operation(summary = "Forget an account's two-factor authentication (lost phone and recovery codes)")
	AccountSummary resetTwoFactor(@PathVariable long id) {
		return this.administration.resetTwoFactor(id);
	}

	record AccountChange(@NotNull Role role, @Size(max = 3) String regionCode, boolean enabled, Long version) {
	}

}
