package fr.passerelle.telephony;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import fr.passerelle.calendar.OpeningHours;
import fr.passerelle.privacy.PhoneNumber;
import fr.passerelle.territory.Departement;
import fr.passerelle.territory.Territories;
import fr.passerelle.ticket.CallbackRequested;
import fr.passerelle.ticket.TicketManagement;
import fr.passerelle.ticket.TicketStatus;
import fr.passerelle.ticket.TicketUnreachable;
import fr.passerelle.ticket.TicketView;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Texts a citizen gets about their request: its confirmation (reference, when a volunteer
 * will call back, from which number), and word after the last failed callback. Handled
 * after the request is committed, through the event publication registry: an event whose
 * handling failed is handled again, and {@link Texts} makes sure that never sends a text
 * twice.
 */
@Component
class CitizenTexts {

	private final TicketManagement tickets;

	private final SmsTemplates templates;

	private final Texts texts;

	private final Voice voice;

	private final HotlineNumber hotline;

	private final Territories territories;

	private final OpeningHours openingHours;

	CitizenTexts(TicketManagement tickets, SmsTemplates templates, Texts texts, Voice voice, HotlineNumber hotline,
			Territories territories, OpeningHours openingHours) {
		this.tickets = tickets;
		this.templates = templates;
		this.texts = texts;
		this.voice = voice;
		this.hotline = hotline;
		this.territories = territories;
		this.openingHours = openingHours;
	}

	@ApplicationModuleListener
	void on(CallbackRequested requested) {
		Optional<TicketView> ticket = this.tickets.find(requested.ticketId());
		Optional<PhoneNumber> phone = this.tickets.phoneToDial(requested.ticketId());
		if (ticket.isEmpty() || phone.isEmpty()) {
			return;
		}
		String body = this.templates.render(SmsTemplates.CALLBACK_CONFIRMATION,
				Map.of("reference", requested.reference().value(), "when", when(ticket.get()), "hotline",
						this.hotline.display().replace('\u00a0', ' ')));
		this.texts.sendOnce(SmsTemplates.CALLBACK_CONFIRMATION + ":" + requested.ticketId(),
				SmsTemplates.CALLBACK_CONFIRMATION, requested.ticketId(), phone.get(), body);
	}

	@ApplicationModuleListener
	void on(TicketUnreachable unreachable) {
		Optional<PhoneNumber> phone = this.tickets.phoneToDial(unreachable.ticketId());
		if (phone.isEmpty()) {
			return;
		}
		String body = this.templates.render(SmsTemplates.UNREACHABLE, Map.of("reference",
				unreachable.reference().value(), "hotline", this.hotline.display().replace('\u00a0', ' ')));
		this.texts.sendOnce(SmsTemplates.UNREACHABLE + ":" + unreachable.ticketId(), SmsTemplates.UNREACHABLE,
				unreachable.ticketId(), phone.get(), body);
	}

	/**
	 * "dès que possible", or "à partir de lundi 2 mars à 9 heures" in the citizen's time
	 * zone.
	 */
	private String when(TicketView ticket) {
		Instant requestedAt = ticket.createdAt();
		if (ticket.status() == TicketStatus.SCHEDULED && ticket.nextAttemptAt() != null
				&& ticket.nextAttemptAt().isAfter(requestedAt)) {
			ZoneId zone = this.territories.departement(ticket.departementCode())
				.map(Departement::timeZone)
				.orElse(this.openingHours.zone());
			return this.voice.text("sms.when.later", this.voice.moment(ticket.nextAttemptAt(), requestedAt, zone));
		}
		return this.voice.text("sms.when.soon");
	}

}
