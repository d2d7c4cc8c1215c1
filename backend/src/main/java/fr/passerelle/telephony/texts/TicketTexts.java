package fr.passerelle.telephony.texts;

import java.time.Clock;

import fr.passerelle.account.StaffAccount;
import fr.passerelle.platform.RateLimits;
import fr.passerelle.platform.RateLimits.Limit;
import fr.passerelle.platform.RejectedRequest;
import fr.passerelle.privacy.PhoneNumber;
import fr.passerelle.privacy.PhoneVault;
import fr.passerelle.ticket.TicketQueries;
import fr.passerelle.ticket.TicketView;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Texts the volunteer holding a request sends its citizen from the hotline's number: the
 * volunteer never sees the citizen's number, the citizen never sees the volunteer's. The
 * same text within 10 minutes (a double click, a retry) is sent once.
 */
@Component
class TicketTexts {

	private static final long SAME_TEXT_SECONDS = 600;

	private final TicketQueries tickets;

	private final Texts texts;

	/** Texts one staff member may send, per hour and per day. */
	static final Limit PER_SENDER = new Limit(20, 60);

	/** Texts one citizen may receive from staff, per hour and per day. */
	static final Limit PER_NUMBER = new Limit(5, 10);

	private final Clock clock;

	private final RateLimits limits;

	private final PhoneVault vault;

	TicketTexts(TicketQueries tickets, Texts texts, Clock clock, RateLimits limits, PhoneVault vault) {
		this.limits = limits;
		this.vault = vault;
		this.tickets = tickets;
		this.texts = texts;
		this.clock = clock;
	}

	/**
	 * The number to text for a request the volunteer holds.
	 * @throws RejectedRequest when they do not hold it, or the number was erased
	 */
	PhoneNumber citizenOf(long ticketId, StaffAccount volunteer) {
		TicketView ticket = this.tickets.read(ticketId, volunteer);
		if (!ticket.isHeldBy(volunteer.id())) {
			throw new RejectedRequest(HttpStatus.CONFLICT, "telephony.text.not-held");
		}
		return this.tickets.phoneToDial(ticketId)
			.orElseThrow(() -> new RejectedRequest(HttpStatus.CONFLICT, "telephony.callback.no-citizen-phone"));
	}

	/**
	 * Sends a text once per {@code what} and 10-minute window; {@code recorded} runs when
	 * it is handed to Twilio now (not for a repeat).
	 * @throws RejectedRequest (429) past the limits per sender and per number
	 * @return {@code SENT}, or {@code SENDING} while Twilio is being asked
	 * @throws RejectedRequest (502) when Twilio refused it
	 */
	String send(long ticketId, long senderId, PhoneNumber citizen, String what, String templateCode, String body,
			Runnable recorded) {
		String key = what + ":" + ticketId + ":" + this.clock.instant().getEpochSecond() / SAME_TEXT_SECONDS;
		if (this.texts.status(key).isEmpty()) {
			// a repeat is sent once, and counted once
			this.limits.require("text-sender", String.valueOf(senderId), PER_SENDER);
			this.limits.require("text-number", this.vault.lookupHash(citizen), PER_NUMBER);
		}
		if (this.texts.sendOnce(key, templateCode, ticketId, citizen, body)) {
			recorded.run();
		}
		String status = this.texts.status(key).orElse("FAILED");
		if (status.equals("FAILED")) {
			throw new RejectedRequest(HttpStatus.BAD_GATEWAY, "telephony.text.failed");
		}
		return status;
	}

}
