package fr.passerelle.telephony.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * One turn of a simulated call: the TwiML of this application's webhooks, played to the
 * person on the line as Twilio plays it, following redirects until the hotline waits for
 * keys, dials someone, holds the caller in its queue, or the call ends. {@code Say} is
 * what they hear, {@code Gather} waits for their keys (or their silence),
 * {@code Redirect} fetches the next step, {@code Enqueue} puts them on hold, {@code Dial}
 * rings another phone or joins a conference, {@code Hangup} or the end of the document
 * ends the call.
 */
final class TwimlPlay {

	private static final int MAX_REDIRECTS = 10;

	private static final int DEFAULT_DIAL_TIMEOUT = 30;

	private final SimulatedCall call;

	private final List<String> said = new ArrayList<>();

	/** The document to fetch next, if the one played moves on. */
	private String next;

	/** What to post with it. */
	private Map<String, String> parameters = Map.of();

	private boolean over;

	private boolean hungUp;

	TwimlPlay(SimulatedCall call) {
		this.call = call;
	}

	void run(String path, Map<String, String> extra) {
		SimulatedCall call = this.call;
		call.gather = null;
		String fetching = path;
		Map<String, String> posting = extra;
		for (int redirects = 0; fetching != null && redirects <= MAX_REDIRECTS; redirects++) {
			if (call.waiting != null) {
				posting = new LinkedHashMap<>(posting);
				posting.putAll(call.waitParameters());
			}
			Document twiml = call.network.webhooks().fetch(call, fetching, posting);
			this.next = null;
			this.parameters = Map.of();
			int round = ++call.holdRound;
			play(twiml, fetching);
			fetching = this.next;
			posting = this.parameters;
			if (call.waiting != null && fetching == null && !this.over) {
				holdOn(round);
				break;
			}
			if (fetching == null && call.gather == null && call.dialling == null) {
				this.over = true;
			}
		}
		call.heard = List.copyOf(this.said);
		this.said.forEach((sentence) -> call.transcript.add(SimulatedCall.Line.said(sentence)));
		if (!this.over) {
			return;
		}
		if (!this.hungUp && call.parent != null && call.parent.dialling != null && call.parent.dialling.leg() == call) {
			// what a dialled leg hears before it is put through is over
			call.network.putThrough(call.parent, call);
			return;
		}
		call.finish("completed");
	}

	/** Plays one TwiML document's verbs, until one of them waits, dials or moves on. */
	private void play(Document twiml, String current) {
		SimulatedCall call = this.call;
		for (Node node = twiml.getDocumentElement().getFirstChild(); node != null; node = node.getNextSibling()) {
			if (!(node instanceof Element verb)) {
				continue;
			}
			switch (verb.getTagName()) {
				case "Say" -> this.said.add(verb.getTextContent().strip());
				case "Pause" -> {
					// time passes for the caller; nothing to hear
				}
				case "Gather" -> {
					for (Element say : children(verb, "Say")) {
						this.said.add(say.getTextContent().strip());
					}
					call.gather = Gather.of(verb, current);
				}
				case "Redirect" -> this.next = verb.getTextContent().strip();
				case "Dial" -> startDialling(verb);
				case "Enqueue" -> {
					call.waiting = new SimulatedCall.Waiting(TwilioSimulator.queueSid(verb.getTextContent().strip()),
							attribute(verb, "waitUrl", null), attribute(verb, "action", null), System.nanoTime());
					call.state = SimulatedCall.State.WAITING;
					this.next = call.waiting.waitUrl();
				}
				case "Leave" -> {
					if (call.waiting != null) {
						String action = call.waiting.action();
						this.parameters = call.leaveQueue("leave");
						this.next = action;
						if (action == null) {
							this.over = true;
						}
					}
				}
				default -> {
					// Hangup, and verbs the platform does not use
					this.over = true;
					this.hungUp = true;
				}
			}
			if (call.gather != null || call.dialling != null || this.over || this.next != null) {
				return;
			}
		}
	}

	/**
	 * The wait messages play again after the gather's timeout, or at once, unless the
	 * caller left the queue meanwhile.
	 */
	private void holdOn(int round) {
		SimulatedCall call = this.call;
		int seconds = (call.gather != null) ? call.gather.timeoutSeconds() : 1;
		String waitUrl = call.waiting.waitUrl();
		call.network.later(seconds, () -> {
			if (call.state == SimulatedCall.State.WAITING && call.holdRound == round) {
				call.run(waitUrl, Map.of());
			}
		});
	}

	private void startDialling(Element dial) {
		SimulatedCall call = this.call;
		String action = attribute(dial, "action", null);
		List<Element> rooms = children(dial, "Conference");
		if (!rooms.isEmpty()) {
			String name = rooms.get(0).getTextContent().strip();
			call.dialling = new SimulatedCall.Dialling(action, null, name);
			call.network.joinConference(call, name);
			return;
		}
		List<Element> numbers = children(dial, "Number");
		if (numbers.isEmpty()) {
			throw new IllegalStateException("the simulator dials numbers and conferences only");
		}
		Element number = numbers.get(0);
		String callerId = attribute(dial, "callerId", call.to());
		String dialled = number.getTextContent().strip();
		SimulatedCall leg = new SimulatedCall(call.network, dialled, SimulatedCall.Direction.OUTBOUND_DIAL, callerId,
				dialled, call);
		leg.url = attribute(number, "url", null);
		if (number.hasAttribute("statusCallback")) {
			leg.statusCallback = new SimulatedCall.Callback(number.getAttribute("statusCallback"),
					Set.of(attribute(number, "statusCallbackEvent", "completed").split("\\s+")));
		}
		call.dialling = new SimulatedCall.Dialling(action, leg, null);
		call.state = SimulatedCall.State.DIALING;
		int timeout = Integer.parseInt(attribute(dial, "timeout", String.valueOf(DEFAULT_DIAL_TIMEOUT)));
		call.network.later(0, () -> {
			if (call.dialling != null && call.dialling.leg() == leg) {
				call.network.ring(leg, timeout);
			}
		});
	}

	private static List<Element> children(Element parent, String tag) {
		List<Element> found = new ArrayList<>();
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element && element.getTagName().equals(tag)) {
				found.add(element);
			}
		}
		return found;
	}

	private static String attribute(Element element, String name, String otherwise) {
		return element.hasAttribute(name) ? element.getAttribute(name) : otherwise;
	}

	/** A {@code Gather}: how many keys, ended by which, and where they go. */
	record Gather(String action, int digits, String finishOnKey, int timeoutSeconds, boolean actionOnEmptyResult) {

		static Gather of(Element gather, String current) {
			return new Gather(attribute(gather, "action", current),
					Integer.parseInt(attribute(gather, "numDigits", "1")), attribute(gather, "finishOnKey", "#"),
					Integer.parseInt(attribute(gather, "timeout", "5")),
					!attribute(gather, "actionOnEmptyResult", "false").equals("false"));
		}

	}

}
