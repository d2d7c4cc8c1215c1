package fr.passerelle.privacy;

import java.time.LocalDate;
import java.util.Map;

import fr.passerelle.platform.RestrictedPaths;
import fr.passerelle.privacy.DataSubjectRequests.AccessFile;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.context.annotation.Bean;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A citizen's access and erasure requests, answered by national coordinators and
 * administrators (the number comes in the body, never in the address).
 */
@RestController
@RequestMapping("/api/privacy/requests")
@PreAuthorize("hasAuthority('" + RestrictedPaths.NATIONAL_AUTHORITY + "')")
@Tag(name = "Citizens' rights (national coordinators, administrators)")
class DataSubjectController {

	private final DataSubjectRequests requests;

	DataSubjectController(DataSubjectRequests requests) {
		this.requests = requests;
	}

	@Bean
	static RestrictedPaths privacyRequestPaths() {
		return RestrictedPaths.nationalStaff("/api/privacy/**");
	}

	@PostMapping("/access")
	@Operation(summary = "Everything kept about a number, as a file to send the citizen")
	ResponseEntity<AccessFile> access(@Valid @RequestBody Subject subject) {
		AccessFile file = this.requests.access(PhoneNumber.parse(subject.phone()));
		String name = "passerelle-donnees-" + LocalDate.ofInstant(file.generatedAt(), AuditLog.ZONE) + ".json";
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(file);
	}

	@PostMapping("/erasure")
	@Operation(summary = "Erase what is kept about a number (refused while one of its requests is open); "
			+ "erasing again changes nothing")
	Erased erase(@Valid @RequestBody Subject subject) {
		return new Erased(this.requests.erase(PhoneNumber.parse(subject.phone())));
	}

	record Subject(@NotBlank @Size(max = 30) String phone) {
	}

	record Erased(Map<String, Integer> erased) {
	}

}
