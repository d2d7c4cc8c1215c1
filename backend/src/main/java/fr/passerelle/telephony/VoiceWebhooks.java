package fr.passerelle.telephony;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Hangup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.passerelle.calendar.OpeningHours;
import fr.passerelle.platform.HotlineNumber;
import fr.passerelle.platform.RejectedRequest;
import fr.passerelle.privacy.Blocklist;
import fr.passerelle.privacy.PhoneNumber;
import fr.passerelle.territory.Postcode;
import fr.passerelle.territory.PostcodeArea;
import fr.passerelle.territory.Territories;
import fr.passerelle.ticket.TicketKind;
import fr.passerelle.ticket.TicketStatus;
import fr.passerelle.ticket.TicketView;
import fr.passerelle.topic.Topic;
import fr.passerelle.topic.Topics;

import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The phone menu, one webhook per step; each step's TwiML links to the next. What the
 * caller chose so far travels in the action URLs (which Twilio's signature covers), so
 * any instance can answer any step. A caller who says nothing hears the step again,
 * twice, before the hotline offers a callback or says goodbye.
 */
@Controller
@RequestMapping(path = "/telephony/voice", produces = MediaType.APPLICATION_XML_VALUE)
@ResponseBody
class VoiceWebhooks {

	/** The theme of requests taken by the fallback, which does not ask for one. */
	static final String FALLBACK_TOPIC = Topic.FALLBACK;

	/**
	 * The welcome and the menu are the same for every caller (one version when open, one
	 * when closed): written once, and again when older than this, so that a change of the
	 * themes is heard within it. Twilio's TwiML writer is slow.
	 */
	static final Duration WELCOME_FRESHNESS = Duration.ofSeconds(10);

	private static final Logger log = LoggerFactory.getLogger(VoiceWebhooks.class);

	private final Map<String, Rendered> welcomes = new ConcurrentHashMap<>();

	private final Voice voice;

	private final Topics topics;

	private final Territories territories;

	private final OpeningHours openingHours;

	private final InboundCalls calls;

	private final HotlineNumber hotline;

	private final FallbackSpool spool;

	private final Announcements announcements;

	private final LiveCalls live;

	private final Clock clock;

	private final Blocklist blocklist;

	private final PracticeCalls practice;

	VoiceWebhooks(Voice voice, Topics topics, Territories territories, OpeningHours openingHours, InboundCalls calls,
			HotlineNumber hotline, FallbackSpool spool, Announcements announcements, LiveCalls live, Clock clock,
			Blocklist blocklist, PracticeCalls practice) {
		this.practice = practice;
		this.blocklist = blocklist;
		this.voice = voice;
		this.topics = topics;
		this.territories = territories;
		this.openingHours = openingHours;
		this.calls = calls;
		this.hotline = hotline;
		this.spool = spool;
		this.announcements = announcements;
		this.live = live;
		this.clock = clock;
	}

	@PostMapping("/incoming")
	String incoming(@RequestParam("CallSid") String callSid,
			@RequestParam(name = "From", defaultValue = "") String from) {
		this.calls.answered(callSid);
		if (this.blocklist.isBlocked(from)) {
			return goodbye("voice.blocked");
		}
		Instant at = this.clock.instant();
		boolean open = this.openingHours.isOpen(at);
		// a closure's own message, read before the usual one
		String closure = open ? null : this.openingHours.closureMessage(at).orElse(null);
		// a volunteer in training calling from their registered (or simulated) phone
		if (this.practice.recognise(callSid, from) || this.practice.isPractice(callSid)) {
			return welcome(open, closure, true);
		}
		String key = open ? "open" : (closure != null) ? "closed " + closure : "closed";
		long now = System.nanoTime();
		Rendered welcome = this.welcomes.get(key);
		// the themes as this instance last read them: a changed menu is said at once
		List<Topic> menu = this.topics.all();
		if (welcome == null || welcome.menu() != menu || now - welcome.at() > WELCOME_FRESHNESS.toNanos()) {
			welcome = new Rendered(welcome(open, closure, false), now, menu);
			this.welcomes.put(key, welcome);
		}
		return welcome.xml();
	}

	private String welcome(boolean open, String closure, boolean practice) {
		VoiceResponse.Builder response = new VoiceResponse.Builder().say(this.voice.say("voice.welcome"));
		if (practice) {
			response.say(this.voice.say("voice.practice"));
		}
		if (closure != null) {
			response.say(this.voice.sayText(closure));
		}
		if (!open) {
			response.say(this.voice.say("voice.closed"));
		}
		return Voice.xml(response.gather(menu(0)).build());
	}

	@PostMapping("/menu")
	String menu() {
		return Voice.xml(new VoiceResponse.Builder().gather(menu(0)).build());
	}

	@PostMapping("/topic")
	String topic(@RequestParam(name = "Digits", defaultValue = "") String digits,
			@RequestParam(defaultValue = "0") int silences) {
		VoiceResponse.Builder response = new VoiceResponse.Builder();
		if (digits.isEmpty()) {
			if (silences + 1 >= Voice.PLAYS) {
				return Voice.xml(response.gather(
						Voice.keys(1, 8, "/telephony/voice/offer").say(this.voice.say("voice.offer-callback")).build())
					.build());
			}
			return Voice.xml(response.say(this.voice.say("voice.menu.silence")).gather(menu(silences + 1)).build());
		}
		if (digits.equals("*")) {
			return Voice.xml(response.gather(menu(0)).build());
		}
		Optional<Topic> topic = (digits.length() == 1) ? this.topics.forMenuDigit(digits.charAt(0)) : Optional.empty();
		if (topic.isEmpty()) {
			return Voice.xml(response.say(this.voice.say("voice.menu.unknown")).gather(menu(silences)).build());
		}
		return Voice.xml(response.gather(postcode(topic.get().code(), 0)).build());
	}

	@PostMapping("/offer")
	String offer(@RequestParam(name = "Digits", defaultValue = "") String digits) {
		if (!digits.equals("1")) {
			return goodbye("voice.silence.goodbye");
		}
		return Voice.xml(new VoiceResponse.Builder().gather(postcode(otherTopic(), 0)).build());
	}

	@PostMapping("/postcode")
	String postcode(@RequestParam(name = "Digits", defaultValue = "") String digits, @RequestParam String topic,
			@RequestParam(defaultValue = "0") int silences) {
		String topicCode = knownTopic(topic).code();
		VoiceResponse.Builder response = new VoiceResponse.Builder();
		if (digits.isEmpty()) {
			if (silences + 1 >= Voice.PLAYS) {
				return goodbye("voice.silence.goodbye");
			}
			return Voice.xml(response.say(this.voice.say("voice.postcode.silence"))
				.gather(postcode(topicCode, silences + 1))
				.build());
		}
		Optional<PostcodeArea> area = area(digits);
		if (area.isEmpty()) {
			return Voice.xml(response.say(this.voice.say("voice.postcode.invalid", Voice.spelled(digits)))
				.gather(postcode(topicCode, silences))
				.build());
		}
		return Voice.xml(response.gather(confirmation(topicCode, area.get(), 0)).build());
	}

	@PostMapping("/confirm")
	String confirm(@RequestParam("CallSid") String callSid, @RequestParam(name = "From", defaultValue = "") String from,
			@RequestParam(name = "Digits", defaultValue = "") String digits, @RequestParam String topic,
			@RequestParam String postcode, @RequestParam(defaultValue = "0") int silences) {
		Topic chosen = knownTopic(topic);
		String topicCode = chosen.code();
		PostcodeArea area = area(postcode).orElseThrow(() -> new IllegalArgumentException("postcode in action URL"));
		if (digits.equals("2")) {
			return Voice.xml(new VoiceResponse.Builder().gather(postcode(topicCode, 0)).build());
		}
		if (!digits.equals("1")) {
			if (digits.isEmpty() && silences + 1 >= Voice.PLAYS) {
				return goodbye("voice.silence.goodbye");
			}
			return Voice.xml(new VoiceResponse.Builder()
				.gather(confirmation(topicCode, area, digits.isEmpty() ? silences + 1 : silences))
				.build());
		}
		PhoneNumber caller;
		try {
			caller = PhoneNumber.parse(from);
		}
		catch (RejectedRequest withheldOrForeign) {
			return goodbye("voice.number.unusable");
		}
		TicketView ticket;
		try {
			LiveCalls.Route route = this.live.route(topicCode, area);
			ticket = (route == LiveCalls.Route.QUEUE) ? this.calls.waitOnLine(callSid, caller, chosen, area)
					: this.calls.requestCallback(callSid, caller, chosen, area, route);
		}
		catch (RejectedRequest refused) {
			if (refused.messageCode().equals("ticket.phone.blocked")) {
				return goodbye("voice.blocked");
			}
			if (refused.messageCode().equals("limits.exceeded")) {
				return goodbye("voice.limit.reached");
			}
			throw refused;
		}
		catch (DataAccessException | TransactionException databaseDown) {
			return keptForLater(callSid, caller, topicCode, area, databaseDown);
		}
		boolean waiting = ticket.kind() == TicketKind.LIVE_CALL
				&& (ticket.status() == TicketStatus.QUEUED || ticket.status() == TicketStatus.OFFERED);
		return waiting ? this.voice.enqueue(ticket) : this.announcements.recorded(ticket);
	}

	/**
	 * Twilio's fallback: the main webhook failed or did not answer in time. Nothing here
	 * needs the database until the request is recorded, and a request the database cannot
	 * take is kept on disk ({@link FallbackSpool}) and recorded later.
	 */
	@PostMapping("/fallback")
	String fallback() {
		return Voice.xml(new VoiceResponse.Builder().say(this.voice.say("voice.fallback"))
			.gather(Voice.keys(5, 10, "/telephony/voice/fallback/postcode")
				.say(this.voice.say("voice.postcode.ask"))
				.build())
			.build());
	}

	@PostMapping("/fallback/postcode")
	String fallbackPostcode(@RequestParam("CallSid") String callSid,
			@RequestParam(name = "From", defaultValue = "") String from,
			@RequestParam(name = "Digits", defaultValue = "") String digits) {
		Optional<PostcodeArea> area = area(digits);
		if (area.isEmpty()) {
			return Voice
				.xml(new VoiceResponse.Builder().say(this.voice.say("voice.postcode.invalid", Voice.spelled(digits)))
					.gather(Voice.keys(5, 10, "/telephony/voice/fallback/postcode")
						.say(this.voice.say("voice.postcode.ask"))
						.build())
					.build());
		}
		PhoneNumber caller;
		try {
			caller = PhoneNumber.parse(from);
		}
		catch (RejectedRequest unusable) {
			return goodbye("voice.number.unusable");
		}
		try {
			Topic other = this.topics.find(FALLBACK_TOPIC).orElseThrow();
			return this.announcements.recorded(this.calls.requestCallback(callSid, caller, other, area.get()));
		}
		catch (DataAccessException | TransactionException databaseDown) {
			return keptForLater(callSid, caller, FALLBACK_TOPIC, area.get(), databaseDown);
		}
	}

	/**
	 * A callback request the database could not record, kept on disk and recorded once it
	 * answers again: the caller is told it is taken.
	 */
	private String keptForLater(String callSid, PhoneNumber caller, String topicCode, PostcodeArea area,
			RuntimeException databaseDown) {
		log.warn("The database could not record a callback request: kept for later ({})",
				databaseDown.getClass().getSimpleName());
		this.spool.keep(callSid, caller, topicCode, area.postcode().value());
		return Voice.xml(new VoiceResponse.Builder().say(this.voice.say("voice.callback.recorded"))
			.say(this.voice.say("voice.callback.delay.soon", this.hotline.spoken()))
			.say(this.voice.say("voice.goodbye"))
			.hangup(new Hangup.Builder().build())
			.build());
	}

	/**
	 * Twilio's status callback: where the call stands. Deliveries that come late, twice
	 * or for a call we never saw change nothing. A leg the platform dialled from another
	 * call ({@code leg} in the URL, Twilio's {@code ParentCallSid}) is recorded when
	 * first reported.
	 */
	@PostMapping(path = "/status", produces = MediaType.ALL_VALUE)
	ResponseEntity<Void> status(@RequestParam("CallSid") String callSid, @RequestParam("CallStatus") String status,
			@RequestParam(name = "SequenceNumber", required = false) String sequence,
			@RequestParam(name = "CallDuration", required = false) String duration,
			@RequestParam(name = "ParentCallSid", required = false) String parentCallSid,
			@RequestParam(required = false) String leg) {
		Optional<CallStatus> known = CallStatus.of(status);
		if (known.isPresent()) {
			Optional<CallStore.Leg> dialled = Arrays.stream(CallStore.Leg.values())
				.filter((value) -> value.name().equals(leg) && parentCallSid != null)
				.findFirst();
			this.calls.statusChanged(callSid, dialled.map((value) -> parentCallSid).orElse(null), dialled.orElse(null),
					known.get(), Voice.number(sequence), Voice.number(duration));
		}
		return ResponseEntity.noContent().build();
	}

	private record Rendered(String xml, long at, List<Topic> menu) {
	}

	private Gather menu(int silences) {
		Gather.Builder gather = Voice.keys(1, 6, "/telephony/voice/topic?silences=" + silences);
		for (Topic topic : this.topics.active()) {
			if (topic.spokenFr() != null) {
				gather.say(this.voice.say("voice.menu.topic", topic.spokenFr(), topic.menuDigit()));
			}
			else if (topic.menuDigit() == '0') {
				gather.say(this.voice.say("voice.menu.other"));
			}
			else {
				gather
					.say(this.voice.say("voice.menu.topic", topic.nameFr().replace(" & ", " et "), topic.menuDigit()));
			}
		}
		return gather.say(this.voice.say("voice.menu.repeat")).build();
	}

	private Gather postcode(String topicCode, int silences) {
		return Voice.keys(5, 10, "/telephony/voice/postcode?topic=" + topicCode + "&silences=" + silences)
			.say(this.voice.say("voice.postcode.ask"))
			.build();
	}

	private Gather confirmation(String topicCode, PostcodeArea area, int silences) {
		String place = (area.communes().size() == 1) ? area.communes().get(0).name() : area.departement().name();
		return Voice
			.keys(1, 8,
					"/telephony/voice/confirm?topic=" + topicCode + "&postcode=" + area.postcode().value()
							+ "&silences=" + silences)
			.say(this.voice.say("voice.postcode.readback", Voice.spelled(area.postcode().value()), place))
			.build();
	}

	private String goodbye(String code) {
		return Voice
			.xml(new VoiceResponse.Builder().say(this.voice.say(code)).hangup(new Hangup.Builder().build()).build());
	}

	private Optional<PostcodeArea> area(String digits) {
		try {
			return Optional.of(this.territories.resolve(Postcode.parse(digits)));
		}
		catch (RejectedRequest impossible) {
			return Optional.empty();
		}
	}

	private Topic knownTopic(String code) {
		return this.topics.find(code).orElseThrow(() -> new IllegalArgumentException("unknown topic in action URL"));
	}

	private String otherTopic() {
		return this.topics.forMenuDigit('0').map(Topic::code).orElseThrow();
	}

}
