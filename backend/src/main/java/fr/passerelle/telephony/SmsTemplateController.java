package fr.passerelle.telephony;

import java.util.List;

import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.Role;
import fr.passerelle.account.StaffAccount;
import fr.passerelle.platform.RejectedRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The wording of the texts sent to citizens, for national coordinators and administrators
 * (the texts are the same everywhere).
 */
@RestController
@RequestMapping("/api/sms-templates")
class SmsTemplateController {

	private final SmsTemplates templates;

	private final AccountManagement accounts;

	SmsTemplateController(SmsTemplates templates, AccountManagement accounts) {
		this.templates = templates;
		this.accounts = accounts;
	}

	@GetMapping
	List<SmsTemplates.Template> all(Authentication authentication) {
		requireNationalStaff(authentication);
		return this.templates.all();
	}

	@PutMapping("/{code}")
	SmsTemplates.Template update(Authentication authentication, @PathVariable String code,
			@Valid @RequestBody Wording wording) {
		requireNationalStaff(authentication);
		return this.templates.update(code, wording.body());
	}

	private void requireNationalStaff(Authentication authentication) {
		StaffAccount staff = this.accounts.signedIn(authentication);
		boolean national = staff.role() == Role.ADMIN || (staff.role() == Role.COORDINATOR && staff.isNational());
		if (!national) {
			throw new RejectedRequest(HttpStatus.FORBIDDEN, "sms.template.forbidden");
		}
	}

	record Wording(@NotNull String body) {
	}

}
