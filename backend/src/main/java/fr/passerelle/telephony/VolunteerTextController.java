package fr.passerelle.telephony;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;

import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.StaffAccount;
import fr.passerelle.platform.RejectedRequest;
import fr.passerelle.privacy.PhoneNumber;
import fr.passerelle.ticket.TicketManagement;
import fr.passerelle.ticket.TicketView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A text the volunteer holding a request sends the citizen (a link, the steps to follow),
 * from the hotline's number: the volunteer never sees the citizen's number, the citizen
 * never sees the volunteer's. The same text sent twice within 10 minutes (a double click,
 * a retry) is sent once.
 */
@RestController
@Tag(name = "Tickets", description = "Requests for help")
class VolunteerTextController {

	private static final long SAME_TEXT_SECONDS = 600;

	private final TicketManagement tickets;

	private final Texts texts;

	private final AccountManagement accounts;

	private final Clock clock;

	VolunteerTextController(TicketManagement tickets, Texts texts, AccountManagement accounts, Clock clock) {
		this.tickets = tickets;
		this.texts = texts;
		this.accounts = accounts;
		this.clock = clock;
	}

	@PostMapping("/api/tickets/{id}/texts")
	@Operation(summary = "Text the citizen from the hotline's number (the volunteer holding the request)")
	ResponseEntity<Sent> send(@PathVariable long id, @Valid @RequestBody Message message,
			Authentication authentication) {
		StaffAccount volunteer = this.accounts.signedIn(authentication);
		TicketView ticket = this.tickets.read(id, volunteer);
		if (!ticket.isHeldBy(volunteer.id())) {
			throw new RejectedRequest(HttpStatus.CONFLICT, "telephony.text.not-held");
		}
		String body = message.body().strip();
		if (body.isEmpty() || body.length() > SmsTemplates.MAX_LENGTH) {
			throw new RejectedRequest(HttpStatus.BAD_REQUEST, "telephony.text.length", SmsTemplates.MAX_LENGTH);
		}
		PhoneNumber citizen = this.tickets.phoneToDial(id)
			.orElseThrow(() -> new RejectedRequest(HttpStatus.CONFLICT, "telephony.callback.no-citizen-phone"));
		String key = "VOLUNTEER:" + id + ":" + digest(body) + ":"
				+ this.clock.instant().getEpochSecond() / SAME_TEXT_SECONDS;
		if (this.texts.sendOnce(key, null, id, citizen, body)) {
			this.tickets.textSent(id, volunteer.id());
		}
		String status = this.texts.status(key).orElse("FAILED");
		if (status.equals("FAILED")) {
			throw new RejectedRequest(HttpStatus.BAD_GATEWAY, "telephony.text.failed");
		}
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
