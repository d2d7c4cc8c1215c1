package fr.passerelle.privacy;

import java.time.LocalDate;

import fr.passerelle.platform.RejectedRequest;
import fr.passerelle.privacy.AuditLog.AuditFilter;
import fr.passerelle.privacy.AuditLog.AuditPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/audit")
@PreAuthorize("hasRole('ADMIN')")
@Validated
@Tag(name = "Audit log (administrators)")
class AuditController {

	private final AuditLog log;

	AuditController(AuditLog log) {
		this.log = log;
	}

	@GetMapping
	@Operation(summary = "Entries of the audit log, newest first, filtered by action, actor, target and days")
	AuditPage search(@RequestParam(required = false) AuditAction action,
			@RequestParam(required = false) @Size(max = 254) String actor,
			@RequestParam(required = false) @Size(max = 120) String target,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Long before,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
		if (from != null && to != null && to.isBefore(from)) {
			throw new RejectedRequest(HttpStatus.BAD_REQUEST, "audit.period.invalid");
		}
		return this.log.search(new AuditFilter(action, actor, target, from, to), before, size);
	}

}
