package fr.passerelle.telephony;

import java.time.Clock;
import java.util.Map;

import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.StaffAccount;
import fr.passerelle.platform.RejectedRequest;
import fr.passerelle.privacy.PhoneNumber;
import fr.passerelle.ticket.TicketManagement;
import fr.passerelle.ticket.TicketView;
import fr.passerelle.tutorial.Tutorial;
import fr.passerelle.tutorial.Tutorials;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Envoyer par SMS": the volunteer holding a request texts the citizen a tutorial's short
 * link, in one click, from the hotline's number. The same tutorial sent again within 10
 * minutes (a double click, a retry) is sent once; the text shows on the request's
 * timeline, and the tutorial counts it.
 */
@RestController
@Tag(name = "Tickets", description = "Requests for help")
class TutorialTextController {

	private static final long SAME_TEXT_SECONDS = 600;

	private final TicketManagement tickets;

	private final Tutorials tutorials;

	private final Texts texts;

	private final SmsTemplates templates;

	private final AccountManagement accounts;

	private final Clock clock;

	TutorialTextController(TicketManagement tickets, Tutorials tutorials, Texts texts, SmsTemplates templates,
			AccountManagement accounts, Clock clock) {
		this.tickets = tickets;
		this.tutorials = tutorials;
		this.texts = texts;
		this.templates = templates;
		this.accounts = accounts;
		this.clock = clock;
	}

	@PostMapping("/api/tickets/{id}/tutorials/{slug}/texts")
	@Operation(summary = "Text the citizen a tutorial's short link from the hotline's number (the volunteer holding "
			+ "the request)")
	ResponseEntity<VolunteerTextController.Sent> send(@PathVariable long id, @PathVariable String slug,
			Authentication authentication) {
		StaffAccount volunteer = this.accounts.signedIn(authentication);
		TicketView ticket = this.tickets.read(id, volunteer);
		if (!ticket.isHeldBy(volunteer.id())) {
			throw new RejectedRequest(HttpStatus.CONFLICT, "telephony.text.not-held");
		}
		Tutorial tutorial = this.tutorials.published(slug)
			.orElseThrow(() -> new RejectedRequest(HttpStatus.NOT_FOUND, "tutorial.not-found"));
		PhoneNumber citizen = this.tickets.phoneToDial(id)
			.orElseThrow(() -> new RejectedRequest(HttpStatus.CONFLICT, "telephony.callback.no-citizen-phone"));
		String body = this.templates.render(SmsTemplates.TUTORIAL_LINK,
				Map.of("title", tutorial.content().title(), "link", this.tutorials.shortUrl(tutorial)));
		String key = "TUTORIAL:" + id + ":" + tutorial.id() + ":"
				+ this.clock.instant().getEpochSecond() / SAME_TEXT_SECONDS;
		if (this.texts.sendOnce(key, SmsTemplates.TUTORIAL_LINK, id, citizen, body)) {
			this.tickets.tutorialSent(id, volunteer.id(), slug);
			this.tutorials.sent(tutorial);
		}
		String status = this.texts.status(key).orElse("FAILED");
		if (status.equals("FAILED")) {
			throw new RejectedRequest(HttpStatus.BAD_GATEWAY, "telephony.text.failed");
		}
		return ResponseEntity.status(HttpStatus.CREATED).body(new VolunteerTextController.Sent(status));
	}

}
