package fr.passerelle.telephony.texts;

import java.util.List;

import fr.passerelle.account.Role;
import fr.passerelle.account.StaffAccount;
import fr.passerelle.platform.RejectedRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpStatus;
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

	SmsTemplateController(SmsTemplates templates) {
		this.templates = templates;
	}

	@GetMapping
	List<SmsTemplates.Template> all(StaffAccount staff) {
		requireNationalStaff(staff);
		return this.templates.all();
	}

	@PutMapping("/{code}")
	SmsTemplates.Template update(StaffAccount staff, @PathVariable String code, @Valid @RequestBody Wording wording) {
		requireNationalStaff(staff);
		return this.templates.update(code, wording.body());
	}

	private void requireNationalStaff(StaffAccount staff) {
		boolean national = staff.role() == Role.ADMIN || (staff.role() == Role.COORDINATOR && staff.isNational());
		if (!national) {
			throw new RejectedRequest(HttpStatus.FORBIDDEN, "sms.template.forbidden");
		}
	}

	record Wording(@NotNull String body) {
	}

}
