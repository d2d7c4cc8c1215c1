package fr.passerelle.topic;

import java.util.List;

import fr.passerelle.account.StaffAccount;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The themes and the phone menu: read by coordinators, set by national coordinators and
 * administrators.
 */
@RestController
@RequestMapping("/api/settings/menu")
@PreAuthorize("hasRole('COORDINATOR')")
@Tag(name = "Themes and phone menu (coordinators)")
class TopicMenuController {

	private final TopicMenu menu;

	TopicMenuController(TopicMenu menu) {
		this.menu = menu;
	}

	@GetMapping
	@Operation(summary = "Every theme, offered or not, in the phone menu's order, with its key and what the menu says")
	TopicMenu.Menu read() {
		return this.menu.read();
	}

	@PutMapping
	@Operation(summary = "Replace the themes and the phone menu (national coordinators, administrators): every theme, "
			+ "new ones included, in the menu's order; effective on every instance within seconds. Two themes on one "
			+ "key, more than ten offered, or a theme left out is refused beside the field")
	TopicMenu.Menu replace(@Valid @RequestBody MenuBody body, StaffAccount staff) {
		List<Topic> topics = body.topics()
			.stream()
			.map((line) -> new Topic(line.code(), line.nameFr(), line.nameEn(), line.menuDigit(), line.linkUrl(),
					line.spokenFr(), line.active()))
			.toList();
		return this.menu.replace(staff, topics, body.version());
	}

	record MenuBody(@NotNull @Size(max = 60) List<@NotNull TopicBody> topics, int version) {
	}

	record TopicBody(String code, String nameFr, String nameEn, Character menuDigit, String linkUrl, String spokenFr,
			boolean active) {
	}

}
