package fr.passerelle.telephony.texts;

import java.util.Map;
import java.util.Optional;

import fr.passerelle.telephony.TwilioSettings;
import fr.passerelle.telephony.Voice;
import fr.passerelle.platform.HotlineNumber;
import fr.passerelle.privacy.PhoneNumber;
import fr.passerelle.ticket.CallbackRequested;
import fr.passerelle.ticket.TicketQueries;
import fr.passerelle.ticket.TicketUnreachable;
import fr.passerelle.ticket.TicketView;
import fr.passerelle.topic.Topic;
import fr.passerelle.topic.Topics;
import fr.passerelle.tutorial.Tutorials;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Texts a citizen gets about their request: its confirmation (reference, when a volunteer
 * will call back, from which number), and word after the last failed callback. Handled
 * after the request is committed, through the event publication registry: an event whose
 * handling failed is handled again, and {@link Texts} makes sure that never sends a text
 * twice. Outside any transaction: {@link Texts} writes in short ones of its own, and no
 * database connection waits on Twilio's answer (holding one there, as well as the one
 * {@code Texts} takes, starved the pool when many requests came at once).
 */
@Component
class CitizenTexts {

	private final TicketQueries tickets;

	private final SmsTemplates templates;

	private final Texts texts;

	private final Voice voice;

	private final HotlineNumber hotline;

	private final Topics topics;

	private final TwilioSettings settings;

	private final Tutorials tutorials;

	CitizenTexts(TicketQueries tickets, SmsTemplates templates, Texts texts, Voice voice, HotlineNumber hotline,
			Topics topics, TwilioSettings settings, Tutorials tutorials) {
		this.tutorials = tutorials;
		this.tickets = tickets;
		this.templates = templates;
		this.texts = texts;
		this.voice = voice;
		this.hotline = hotline;
		this.topics = topics;
		this.settings = settings;
	}

	@Async
	@TransactionalEventListener
	void on(CallbackRequested requested) {
		Optional<TicketView> ticket = this.tickets.find(requested.ticketId());
		Optional<PhoneNumber> phone = this.tickets.phoneToDial(requested.ticketId());
		if (ticket.isEmpty() || phone.isEmpty()) {
			return;
		}
		// meanwhile: our tutorials of that theme, else the official site of the service
		String link = this.tutorials.themeUrl(requested.topicCode())
			.or(() -> this.topics.find(requested.topicCode()).map(Topic::linkUrl))
			.orElse(this.settings.publicBaseUrl());
		String body = this.templates.render(SmsTemplates.CALLBACK_CONFIRMATION,
				Map.of("reference", requested.reference().value(), "when", when(ticket.get()), "hotline",
						this.hotline.display().replace('\u00a0', ' '), "link", link));
		this.texts.sendOnce(SmsTemplates.CALLBACK_CONFIRMATION + ":" + requested.ticketId(),
				SmsTemplates.CALLBACK_CONFIRMATION, requested.ticketId(), phone.get(), body);
	}

	@Async
	@TransactionalEventListener
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
		return this.voice.firstCallLater(ticket, ticket.createdAt())
			.map((later) -> this.voice.text("sms.when.later", later))
			.orElseGet(() -> this.voice.text("sms.when.soon"));
	}

}
