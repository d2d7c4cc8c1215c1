package fr.passerelle.telephony.texts;

import java.util.Map;

import fr.passerelle.account.StaffAccount;
import fr.passerelle.platform.RejectedRequest;
import fr.passerelle.privacy.PhoneNumber;
import fr.passerelle.ticket.TicketManagement;
import fr.passerelle.tutorial.Tutorial;
import fr.passerelle.tutorial.Tutorials;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Envoyer par SMS": the volunteer holding a request texts the citizen a tutorial's short
 * link, in one click, from the hotline's number (once within 10 minutes). The text shows
 * on the request's timeline, and the tutorial counts it.
 */
@RestController
@Tag(name = "Tickets", description = "Requests for help")
class TutorialTextController {

	private final TicketManagement tickets;

	private final Tutorials tutorials;

	private final TicketTexts texts;

	private final SmsTemplates templates;

	TutorialTextController(TicketManagement tickets, Tutorials tutorials, TicketTexts texts, SmsTemplates templates) {
		this.tickets = tickets;
		this.tutorials = tutorials;
		this.texts = texts;
		this.templates = templates;
	}

	@PostMapping("/api/tickets/{id}/tutorials/{slug}/texts")
	@Operation(summary = "Text the citizen a tutorial's short link from the hotline's number (the volunteer holding "
			+ "the request)")
	ResponseEntity<VolunteerTextController.Sent> send(@PathVariable long id, @PathVariable String slug,
			StaffAccount volunteer) {
		PhoneNumber citizen = this.texts.citizenOf(id, volunteer);
		Tutorial tutorial = this.tutorials.published(slug)
			.orElseThrow(() -> new RejectedRequest(HttpStatus.NOT_FOUND, "tutorial.not-found"));
		String body = this.templates.render(SmsTemplates.TUTORIAL_LINK,
				Map.of("title", tutorial.content().title(), "link", this.tutorials.shortUrl(tutorial)));
		String status = this.texts.send(id, volunteer.id(), citizen, "TUTORIAL:" + tutorial.id(),
				SmsTemplates.TUTORIAL_LINK, body, () -> {
					this.tickets.tutorialSent(id, volunteer.id(), slug);
					this.tutorials.sent(tutorial);
				});
		return ResponseEntity.status(HttpStatus.CREATED).body(new VolunteerTextController.Sent(status));
	}

}
