package fr.passerelle.telephony;

import java.time.Clock;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Hangup;

import fr.passerelle.platform.HotlineNumber;
import fr.passerelle.ticket.TicketView;

import org.springframework.stereotype.Component;

/**
 * What the hotline says once a caller's callback request is recorded, however they got
 * there (the menu, the queue, the fallback).
 */
@Component
class Announcements {

	private final Voice voice;

	private final HotlineNumber hotline;

	private final Clock clock;

	Announcements(Voice voice, HotlineNumber hotline, Clock clock) {
		this.voice = voice;
		this.hotline = hotline;
		this.clock = clock;
	}

	/**
	 * The request is recorded: its reference spelled out twice, priority for a repeat
	 * caller, when a volunteer will call back and from which number, then goodbye.
	 */
	String recorded(TicketView ticket) {
		VoiceResponse.Builder response = new VoiceResponse.Builder().say(this.voice.say("voice.callback.recorded"))
			.say(this.voice.say("voice.callback.reference", Voice.spelled(ticket.reference().value())));
		if (ticket.earlierTicketId() != null && ticket.priority() > 0) {
			response.say(this.voice.say("voice.callback.priority"));
		}
		String spoken = this.hotline.spoken();
		response.say(this.voice.firstCallLater(ticket, this.clock.instant())
			.map((later) -> this.voice.say("voice.callback.delay.later", later, spoken))
			.orElseGet(() -> this.voice.say("voice.callback.delay.soon", spoken)));
		return Voice.xml(response.say(this.voice.say("voice.goodbye")).hangup(new Hangup.Builder().build()).build());
	}

}
