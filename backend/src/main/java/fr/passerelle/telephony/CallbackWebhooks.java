package fr.passerelle.telephony;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Number;
import com.twilio.twiml.voice.Say;

import fr.passerelle.platform.HotlineNumber;
import fr.passerelle.platform.RejectedRequest;
import fr.passerelle.privacy.PhoneNumber;
import fr.passerelle.ticket.TicketManagement;
import fr.passerelle.ticket.TicketQueries;
import fr.passerelle.ticket.TicketStatus;
import fr.passerelle.ticket.TicketView;
import fr.passerelle.topic.Topic;
import fr.passerelle.topic.Topics;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The calls of a callback ({@link CallbackCalls}): the volunteer answers and hears which
 * request it is, presses 1, and the citizen is dialled from the hotline's number; the
 * citizen hears who calls before the two are put through; when the citizen's leg ends,
 * its result goes to the ticket (on the phone, ended, or an attempt that failed, which
 * the callback policy schedules again). The ticket and volunteer travel in the URLs,
 * which Twilio's signature covers.
 */
@Controller
@RequestMapping(path = "/telephony/voice/callback", produces = MediaType.APPLICATION_XML_VALUE)
@ResponseBody
class CallbackWebhooks {

	/** How long the citizen's phone rings. */
	static final int CITIZEN_RING_SECONDS = 30;

	private final Voice voice;

	private final TicketManagement tickets;

	private final TicketQueries ticketQueries;

	private final Topics topics;

	private final HotlineNumber hotline;

	private final Clock clock;

	CallbackWebhooks(Voice voice, TicketManagement tickets, TicketQueries ticketQueries, Topics topics,
			HotlineNumber hotline, Clock clock) {
		this.voice = voice;
		this.tickets = tickets;
		this.ticketQueries = ticketQueries;
		this.topics = topics;
		this.hotline = hotline;
		this.clock = clock;
	}

	/** Where Twilio goes when the volunteer answers. */
	static String volunteerAnswers(long ticketId, long volunteerId, int silences) {
		return "/telephony/voice/callback/volunteer?ticket=" + ticketId + "&volunteer=" + volunteerId + "&silences="
				+ silences;
	}

	@PostMapping("/volunteer")
	String volunteerAnswered(@RequestParam long ticket, @RequestParam long volunteer,
			@RequestParam(defaultValue = "0") int silences) {
		Optional<TicketView> held = heldBy(ticket, volunteer);
		if (held.isEmpty()) {
			return goodbye("voice.callback.volunteer.not-yours");
		}
		return Voice.xml(new VoiceResponse.Builder().gather(briefing(held.get(), volunteer, silences)).build());
	}

	@PostMapping("/volunteer/keys")
	String volunteerPressed(@RequestParam long ticket, @RequestParam long volunteer,
			@RequestParam(defaultValue = "0") int silences,
			@RequestParam(name = "Digits", defaultValue = "") String digits) {
		Optional<TicketView> held = heldBy(ticket, volunteer);
		if (held.isEmpty()) {
			return goodbye("voice.callback.volunteer.not-yours");
		}
		if (!digits.equals("1")) {
			if (digits.isEmpty() && silences + 1 >= Voice.PLAYS) {
				return goodbye("voice.callback.volunteer.no-choice");
			}
			return Voice.xml(new VoiceResponse.Builder()
				.gather(briefing(held.get(), volunteer, digits.isEmpty() ? silences + 1 : silences))
				.build());
		}
		Optional<PhoneNumber> citizen = this.ticketQueries.phoneToDial(ticket);
		if (citizen.isEmpty()) {
			return goodbye("voice.callback.volunteer.no-number");
		}
		int attempt = held.get().attempts() + 1;
		String leg = "?ticket=" + ticket + "&volunteer=" + volunteer;
		Number number = new Number.Builder(citizen.get().e164()).url("/telephony/voice/callback/greeting" + leg)
			.statusCallback("/telephony/voice/status?leg=" + CallStore.Leg.CITIZEN.name())
			.statusCallbackEvents(List.of(Number.Event.INITIATED, Number.Event.RINGING, Number.Event.ANSWERED,
					Number.Event.COMPLETED))
			.build();
		return Voice.xml(new VoiceResponse.Builder().say(this.voice.say("voice.callback.volunteer.dialling"))
			.dial(new Dial.Builder().callerId(this.hotline.e164())
				.timeout(CITIZEN_RING_SECONDS)
				.action("/telephony/voice/callback/dialled" + leg + "&attempt=" + attempt)
				.number(number)
				.build())
			.build());
	}

	/**
	 * The citizen picked up: they hear who is calling, then are put through to the
	 * volunteer, and the request is on the phone.
	 */
	@PostMapping("/greeting")
	String citizenAnswered(@RequestParam long ticket, @RequestParam long volunteer) {
		try {
			this.tickets.startCall(ticket, volunteer);
		}
		catch (RejectedRequest noLongerHeld) {
			// the volunteer let the request go meanwhile: they are still put through
		}
		return Voice.xml(new VoiceResponse.Builder().say(this.voice.say("voice.callback.citizen.greeting")).build());
	}

	/**
	 * The citizen's leg is over: Twilio tells how ({@code DialCallStatus}), and the
	 * volunteer hears what happens next. Delivered twice, it counts once.
	 */
	@PostMapping("/dialled")
	String dialled(@RequestParam long ticket, @RequestParam long volunteer, @RequestParam int attempt,
			@RequestParam(name = "DialCallStatus", defaultValue = "") String result) {
		String reason = switch (result) {
			case "busy" -> "BUSY";
			case "no-answer" -> "NO_ANSWER";
			case "failed" -> "FAILED";
			default -> null;
		};
		try {
			if (result.equals("completed") || result.equals("answered")) {
				endCall(ticket, volunteer);
				return goodbye("voice.callback.volunteer.ended");
			}
			if (reason == null) {
				return goodbye("voice.goodbye");
			}
			TicketView after = this.tickets.callbackFailed(ticket, volunteer, reason, attempt);
			if (after.status() == TicketStatus.UNREACHABLE) {
				return goodbye("voice.callback.volunteer.last-attempt");
			}
			return goodbye(this.voice.firstCallLater(after, this.clock.instant())
				.map((later) -> this.voice.say("voice.callback.volunteer.next-attempt", later))
				.orElseGet(() -> this.voice.say("voice.callback.volunteer.no-answer")));
		}
		catch (RejectedRequest noLongerHeld) {
			return goodbye("voice.goodbye");
		}
	}

	private void endCall(long ticket, long volunteer) {
		if (this.ticketQueries.status(ticket).filter((status) -> status == TicketStatus.IN_CALL).isPresent()) {
			this.tickets.endCall(ticket, volunteer);
		}
	}

	private com.twilio.twiml.voice.Gather briefing(TicketView ticket, long volunteer, int silences) {
		String topic = this.topics.find(ticket.topicCode()).map(Topic::nameFr).orElse(ticket.topicCode());
		return Voice
			.keys(1, 8,
					"/telephony/voice/callback/volunteer/keys?ticket=" + ticket.id() + "&volunteer=" + volunteer
							+ "&silences=" + silences)
			.say(this.voice.say("voice.callback.volunteer.briefing", Voice.spelled(ticket.reference().value()),
					topic.replace(" & ", " et "), Voice.spelled(ticket.postcode())))
			.build();
	}

	private Optional<TicketView> heldBy(long ticketId, long volunteerId) {
		return this.ticketQueries.find(ticketId).filter((ticket) -> ticket.isHeldBy(volunteerId));
	}

	private String goodbye(String code) {
		return goodbye(this.voice.say(code));
	}

	private static String goodbye(Say sentence) {
		return Voice.xml(new VoiceResponse.Builder().say(sentence).hangup(new Hangup.Builder().build()).build());
	}

}
