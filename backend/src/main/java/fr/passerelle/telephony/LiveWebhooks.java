package fr.passerelle.telephony;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Conference;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Leave;
import com.twilio.twiml.voice.Pause;
import com.twilio.twiml.voice.Redirect;
import com.twilio.twiml.voice.Say;

import fr.passerelle.platform.RejectedRequest;
import fr.passerelle.routing.Routing;
import fr.passerelle.ticket.TicketKind;
import fr.passerelle.ticket.TicketManagement;
import fr.passerelle.ticket.TicketQueries;
import fr.passerelle.ticket.TicketStatus;
import fr.passerelle.ticket.TicketView;
import fr.passerelle.topic.Topic;
import fr.passerelle.topic.Topics;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * A caller waiting on the line, and the volunteer called for them. The caller waits in
 * Twilio's queue ({@code Enqueue}) and hears, in a loop, their place and that pressing 1
 * turns the call into a callback that keeps its place. The volunteer routing offers the
 * call to is rung ({@link LiveCalls}), hears the theme and presses 1 to accept; the
 * caller is then taken out of the queue, and both join a conference of their own, which
 * ends when either hangs up. A volunteer who does not press 1 declines, and the call is
 * offered to the next one.
 */
@Controller
@RequestMapping(path = "/telephony/voice/live", produces = MediaType.APPLICATION_XML_VALUE)
@ResponseBody
class LiveWebhooks {

	/** How long the hold loop waits for a key before saying the caller's place again. */
	static final int HOLD_SECONDS = 15;

	private final Voice voice;

	private final TicketManagement tickets;

	private final TicketQueries ticketQueries;

	private final Routing routing;

	private final LiveCalls live;

	private final InboundCalls inbound;

	private final CallStore calls;

	private final Topics topics;

	private final Announcements announcements;

	private final Clock clock;

	LiveWebhooks(Voice voice, TicketManagement tickets, TicketQueries ticketQueries, Routing routing, LiveCalls live,
			InboundCalls inbound, CallStore calls, Topics topics, Announcements announcements, Clock clock) {
		this.voice = voice;
		this.tickets = tickets;
		this.ticketQueries = ticketQueries;
		this.routing = routing;
		this.live = live;
		this.inbound = inbound;
		this.calls = calls;
		this.topics = topics;
		this.announcements = announcements;
		this.clock = clock;
	}

	/** Twilio's wait URL: played again and again while the caller waits. */
	@PostMapping("/hold")
	String hold(@RequestParam long ticket, @RequestParam("CallSid") String callSid,
			@RequestParam(name = "QueueSid", required = false) String queueSid) {
		if (queueSid != null && queueSid.matches("QU[0-9a-f]{32}")) {
			this.calls.waitsIn(callSid, queueSid);
		}
		Optional<Integer> position = this.ticketQueries.livePosition(ticket);
		Gather.Builder gather = Voice.keys(1, HOLD_SECONDS, "/telephony/voice/live/hold/keys?ticket=" + ticket)
			.actionOnEmptyResult(false)
			.say(position
				.map((place) -> (place == 1) ? this.voice.say("voice.live.position.first")
						: this.voice.say("voice.live.position", place))
				.orElseGet(() -> this.voice.say("voice.live.connecting")));
		if (position.isPresent() && canBeCalledBack(ticket)) {
			gather.say(this.voice.say("voice.live.press-1"));
		}
		return Voice.xml(new VoiceResponse.Builder().gather(gather.build())
			.pause(new Pause.Builder().length(1).build())
			.build());
	}

	/** A key pressed while waiting: 1 turns the call into a callback. */
	@PostMapping("/hold/keys")
	String holdKeys(@RequestParam long ticket, @RequestParam(name = "Digits", defaultValue = "") String digits) {
		if (digits.equals("1") && canBeCalledBack(ticket)) {
			try {
				this.tickets.turnIntoCallback(ticket);
				return Voice.xml(new VoiceResponse.Builder().leave(new Leave.Builder().build()).build());
			}
			catch (RejectedRequest closed) {
				// the request ended meanwhile: the caller goes on waiting for their
				// volunteer
			}
		}
		return Voice.xml(new VoiceResponse.Builder()
			.redirect(new Redirect.Builder("/telephony/voice/live/hold?ticket=" + ticket).build())
			.build());
	}

	/**
	 * Twilio's {@code Enqueue} action: the caller left the queue. Asked to be called
	 * back: they hear their reference. Hung up: the request is withdrawn, and counted as
	 * an abandon (a short one under 5 s). A queue Twilio could not use: a callback
	 * request instead.
	 */
	@PostMapping("/left")
	String left(@RequestParam long ticket, @RequestParam("CallSid") String callSid,
			@RequestParam(name = "QueueResult", defaultValue = "") String result) {
		Instant now = this.clock.instant();
		switch (result) {
			case "bridged", "bridging-in-process", "redirected" -> {
				return Voice.xml(new VoiceResponse.Builder().build());
			}
			case "hangup" -> {
				boolean brief = this.calls.queueTime(callSid, now)
					.map((waited) -> waited.compareTo(CallStatus.SHORT_ABANDON) < 0)
					.orElse(false);
				this.calls.leftQueue(callSid, now, brief ? "SHORT_ABANDON" : "ABANDONED");
				withdraw(ticket);
				this.live.stopRinging(ticket);
				return Voice.xml(new VoiceResponse.Builder().build());
			}
			default -> {
				this.calls.leftQueue(callSid, now, "CALLBACK_REQUESTED");
				if (!canBeCalledBack(ticket)) {
					return goodbye(this.voice.say("voice.error"));
				}
				return this.announcements.recorded(this.tickets.turnIntoCallback(ticket));
			}
		}
	}

	/** The volunteer picked up the call that offers them a caller. */
	@PostMapping("/volunteer")
	String offered(@RequestParam long ticket, @RequestParam long volunteer,
			@RequestParam(defaultValue = "0") int silences) {
		Optional<TicketView> offer = stillOffered(ticket, volunteer);
		if (offer.isPresent()) {
			return Voice.xml(whisper(offer.get(), volunteer, silences));
		}
		Optional<TicketView> taken = this.ticketQueries.find(ticket)
			.filter((t) -> t.kind() == TicketKind.LIVE_CALL && t.status() == TicketStatus.ASSIGNED
					&& Long.valueOf(volunteer).equals(t.assigneeId()));
		if (taken.isPresent()) {
			// they took the call from the console: nothing to accept, they are put
			// through
			return putThrough(taken.get(), volunteer, this.voice.say("voice.live.volunteer.taken-briefing",
					topicName(taken.get()), Voice.spelled(taken.get().postcode())));
		}
		return gone(ticket);
	}

	@PostMapping("/volunteer/keys")
	String volunteerPressed(@RequestParam long ticket, @RequestParam long volunteer,
			@RequestParam(defaultValue = "0") int silences,
			@RequestParam(name = "Digits", defaultValue = "") String digits) {
		Optional<TicketView> offer = stillOffered(ticket, volunteer);
		if (offer.isEmpty()) {
			return gone(ticket);
		}
		if (!digits.equals("1")) {
			if (digits.isEmpty() && silences + 1 >= 2) {
				this.routing.decline(ticket, volunteer);
				return goodbye(this.voice.say("voice.live.volunteer.not-accepted"));
			}
			return Voice.xml(whisper(offer.get(), volunteer, digits.isEmpty() ? silences + 1 : silences));
		}
		this.calls.acceptedOnPhone(ticket, volunteer);
		TicketView accepted;
		try {
			accepted = this.routing.accept(ticket, volunteer);
		}
		catch (RejectedRequest tooLate) {
			return goodbye(this.voice.say("voice.live.volunteer.too-late"));
		}
		if (accepted.kind() == TicketKind.CALLBACK) {
			return goodbye(this.voice.say("voice.live.volunteer.now-callback"));
		}
		return putThrough(accepted, volunteer, this.voice.say("voice.live.volunteer.connecting"));
	}

	/**
	 * The caller is taken out of the queue, and the volunteer joins the conference they
	 * are brought to.
	 */
	private String putThrough(TicketView ticket, long volunteer, Say announcement) {
		if (!this.live.bringCaller(ticket.id(), volunteer)) {
			withdraw(ticket.id());
			return goodbye(this.voice.say("voice.live.volunteer.caller-left"));
		}
		return Voice.xml(new VoiceResponse.Builder().say(announcement)
			.dial(new Dial.Builder()
				.action("/telephony/voice/live/ended?ticket=" + ticket.id() + "&volunteer=" + volunteer)
				.conference(conference(ticket.id()))
				.build())
			.build());
	}

	/** The caller, taken out of the queue, joins the volunteer. */
	@PostMapping("/connect")
	String connect(@RequestParam long ticket, @RequestParam long volunteer, @RequestParam("CallSid") String callSid) {
		this.calls.leftQueue(callSid, this.clock.instant(), "ANSWERED");
		try {
			this.tickets.startCall(ticket, volunteer);
		}
		catch (RejectedRequest noLongerHeld) {
			// the volunteer let the request go meanwhile: the two are still put through
		}
		return Voice.xml(new VoiceResponse.Builder().say(this.voice.say("voice.live.caller.connecting"))
			.dial(new Dial.Builder().conference(conference(ticket)).build())
			.build());
	}

	/** The conversation is over, for the volunteer. */
	@PostMapping("/ended")
	String ended(@RequestParam long ticket, @RequestParam long volunteer) {
		endCall(ticket, volunteer);
		return goodbye(this.voice.say("voice.callback.volunteer.ended"));
	}

	/**
	 * How the call to the volunteer goes: recorded like any call, and once it is over a
	 * volunteer who did not accept has declined (nothing changes when they had).
	 */
	@PostMapping(path = "/volunteer/status", produces = MediaType.ALL_VALUE)
	ResponseEntity<Void> volunteerStatus(@RequestParam long ticket, @RequestParam long volunteer,
			@RequestParam("CallSid") String callSid, @RequestParam("CallStatus") String status,
			@RequestParam(name = "SequenceNumber", required = false) String sequence,
			@RequestParam(name = "CallDuration", required = false) String duration) {
		Optional<CallStatus> known = CallStatus.of(status);
		if (known.isPresent()) {
			this.inbound.statusChanged(callSid, null, null, known.get(), Voice.number(sequence),
					Voice.number(duration));
			if (known.get().ended()) {
				this.routing.decline(ticket, volunteer);
				endCall(ticket, volunteer);
				handBackIfNeverPutThrough(ticket, volunteer);
			}
		}
		return ResponseEntity.noContent().build();
	}

	/** The volunteer's side of the call is over: the request is back with them. */
	private void endCall(long ticket, long volunteer) {
		if (this.ticketQueries.status(ticket).filter((status) -> status == TicketStatus.IN_CALL).isPresent()) {
			try {
				this.tickets.endCall(ticket, volunteer);
			}
			catch (RejectedRequest noLongerHeld) {
				// nothing left to end
			}
		}
	}

	/**
	 * The call to a volunteer who was given a live call ended before the caller was taken
	 * out of the queue to them: the call goes back to the queue, for someone else.
	 */
	private void handBackIfNeverPutThrough(long ticket, long volunteer) {
		boolean stranded = this.calls.waitingFor(ticket).isPresent() && this.ticketQueries.find(ticket)
			.filter((t) -> t.kind() == TicketKind.LIVE_CALL && t.status() == TicketStatus.ASSIGNED
					&& Long.valueOf(volunteer).equals(t.assigneeId()))
			.isPresent();
		if (stranded) {
			try {
				this.routing.release(ticket, volunteer);
			}
			catch (RejectedRequest alreadyGone) {
				// someone else has it now
			}
		}
	}

	private String topicName(TicketView ticket) {
		return this.topics.find(ticket.topicCode())
			.map(Topic::nameFr)
			.orElse(ticket.topicCode())
			.replace(" & ", " et ");
	}

	private VoiceResponse whisper(TicketView ticket, long volunteer, int silences) {
		return new VoiceResponse.Builder()
			.gather(Voice
				.keys(1, 8,
						"/telephony/voice/live/volunteer/keys?ticket=" + ticket.id() + "&volunteer=" + volunteer
								+ "&silences=" + silences)
				.say(this.voice.say("voice.live.whisper", topicName(ticket), Voice.spelled(ticket.postcode())))
				.build())
			.build();
	}

	private Optional<TicketView> stillOffered(long ticket, long volunteer) {
		return this.ticketQueries.find(ticket)
			.filter((t) -> t.status() == TicketStatus.OFFERED && Long.valueOf(volunteer).equals(t.assigneeId()));
	}

	private String gone(long ticket) {
		boolean withdrawn = this.ticketQueries.status(ticket).filter((s) -> s == TicketStatus.CANCELLED).isPresent();
		return goodbye(this.voice.say(withdrawn ? "voice.live.volunteer.caller-left" : "voice.live.volunteer.taken"));
	}

	/** A live call whose caller is gone before anyone talked to them is withdrawn. */
	private void withdraw(long ticket) {
		this.ticketQueries.find(ticket)
			.filter((t) -> t.kind() == TicketKind.LIVE_CALL && !t.status().isClosed()
					&& t.status() != TicketStatus.IN_CALL)
			.ifPresent((t) -> this.tickets.cancel(ticket, null, "CALLER_HUNG_UP"));
	}

	private boolean canBeCalledBack(long ticket) {
		return this.ticketQueries.find(ticket).map((t) -> t.maskedPhone() != null).orElse(false);
	}

	private static Conference conference(long ticket) {
		return new Conference.Builder("passerelle-" + ticket).beep(Conference.Beep.FALSE)
			.startConferenceOnEnter(true)
			.endConferenceOnExit(true)
			.waitUrl("")
			.build();
	}

	private static String goodbye(Say sentence) {
		return Voice.xml(new VoiceResponse.Builder().say(sentence).hangup(new Hangup.Builder().build()).build());
	}

}
