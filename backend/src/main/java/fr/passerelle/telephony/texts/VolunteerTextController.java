package fr.passerelle.telephony.texts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import fr.passerelle.account.StaffAccount;
import fr.passerelle.platform.RejectedRequest;
import fr.passerelle.privacy.PhoneNumber;
import fr.passerelle.ticket.TicketManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A text the volunteer holding a request writes to the citizen (a link, the steps to
 * follow), sent from the hotline's number, once within 10 minutes.
 */
@RestController
@Tag(name = "Tickets", description = "Requests for help")
class VolunteerTextController {

	private final TicketManagement tickets;

	private final TicketTexts texts;

	VolunteerTextController(TicketManagement tickets, TicketTexts texts) {
		this.tickets = tickets;
		this.texts = texts;
	}

	@PostMapping("/api/tickets/{id}/texts")
	@Operation(summary = "Text the citizen from the hotline's number (the volunteer holding the request)")
	ResponseEntity<Sent> send(@PathVariable long id, @Valid @RequestBody Message message, StaffAccount volunteer) {
		PhoneNumber citizen = this.texts.citizenOf(id, volunteer);
		String body = message.body().strip();
		if (body.isEmpty() || body.length() > SmsTemplates.MAX_LENGTH) {
			throw new RejectedRequest(HttpStatus.BAD_REQUEST, "telephony.text.length", SmsTemplates.MAX_LENGTH);
		}
		String status = this.texts.send(id, volunteer.id(), citizen, "VOLUNTEER:" + digest(body), null, body,
				() -> this.tickets.textSent(id, volunteer.id()));
		return ResponseEntity.status(HttpStatus.CREATED).body(new Sent(status));
	}

	private static String digest(String body) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java platform", ex);
		}
	}

	record Message(@NotNull String body) {
	}

	/**
	 * @param status {@code SENT}, or {@code SENDING} while Twilio is being asked
	 */
	record Sent(String status) {
	}

}
