package fr.passerelle.telephony.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A call as the person on its phone lives it: its state, what they heard and keyed, the
 * queue it waits in or the leg it dials, and the status callbacks Twilio posts about it.
 * Each turn of the call plays this application's TwiML ({@link TwimlPlay}).
 * <p>
 * Every change happens under the lock of {@link SimulatedCalls}, the network the call
 * belongs to.
 */
public final class SimulatedCall {

	private static final Logger log = LoggerFactory.getLogger(SimulatedCall.class);

	final SimulatedCalls network;

	private final String sid;

	/** The simulated phone at this end. */
	final String phone;

	private final Direction direction;

	private final String from;

	private final String to;

	final SimulatedCall parent;

	String url;

	Callback statusCallback;

	State state = State.QUEUED;

	private long answeredAt;

	private int sequence;

	final List<Line> transcript = new ArrayList<>();

	List<String> heard = List.of();

	TwimlPlay.Gather gather;

	Dialling dialling;

	Waiting waiting;

	int holdRound;

	SimulatedCall bridgedWith;

	SimulatedCall(SimulatedCalls network, String phone, Direction direction, String from, String to,
			SimulatedCall parent) {
		this.network = network;
		this.sid = TwilioSimulator.sid("CA");
		this.phone = phone;
		this.direction = direction;
		this.from = from;
		this.to = to;
		this.parent = parent;
		network.register(this);
	}

	public String sid() {
		return this.sid;
	}

	public String to() {
		return this.to;
	}

	public String from() {
		return this.from;
	}

	public String direction() {
		return this.direction.twilioName;
	}

	public State state() {
		return this.state;
	}

	public boolean ended() {
		return this.state == State.ENDED;
	}

	/** Whether the hotline called this phone (rather than the phone the hotline). */
	public boolean incoming() {
		return this.direction != Direction.INBOUND;
	}

	/** What the hotline said since the person's last action. */
	public List<String> heard() {
		return this.heard;
	}

	/** Everything said and keyed on this call, oldest first. */
	public List<Line> transcript() {
		return List.copyOf(this.transcript);
	}

	/** How many keys the hotline waits for, if it does. */
	public Integer awaitedKeys() {
		return (this.gather != null) ? this.gather.digits() : null;
	}

	boolean waitsForKeys() {
		return this.gather != null;
	}

	/**
	 * The person on this phone is on the line: they picked up, or dialled the hotline.
	 */
	void pickedUp() {
		this.state = State.ACTIVE;
		this.answeredAt = System.nanoTime();
	}

	/** The person keys {@code digits}, or nothing at all. */
	SimulatedCall answer(String digits) {
		TwimlPlay.Gather answered = this.gather;
		if (ended() || answered == null) {
			throw new IllegalStateException("no call waiting for keys");
		}
		String keys = digits.replaceAll("[^0-9*#]", "");
		int finish = keys.indexOf(answered.finishOnKey());
		if (finish >= 0) {
			keys = keys.substring(0, finish);
		}
		if (keys.length() > answered.digits()) {
			keys = keys.substring(0, answered.digits());
		}
		this.transcript.add(keys.isEmpty() ? new Line("SILENCE", "") : new Line("KEYS", keys));
		if (keys.isEmpty() && !answered.actionOnEmptyResult()) {
			// Twilio goes on without posting; in the queue, the wait messages start again
			if (this.waiting != null) {
				run(this.waiting.waitUrl(), Map.of());
			}
			else {
				finish("completed");
			}
			return this;
		}
		run(answered.action(), Map.of("Digits", keys));
		return this;
	}

	/**
	 * Ends the call with Twilio's final status, reports it, and, for a dialled leg that
	 * was not put through, tells the call it was dialled from.
	 */
	void finish(String status) {
		if (ended()) {
			return;
		}
		this.state = State.ENDED;
		this.gather = null;
		this.waiting = null;
		this.network.forget(this);
		report(status);
		if (this.parent != null && this.parent.dialling != null && this.parent.dialling.leg() == this) {
			this.parent.dialled(status, this);
		}
	}

	/** The leg this call dialled is over: Twilio fetches the {@code Dial} action. */
	void dialled(String result, SimulatedCall leg) {
		Dialling over = this.dialling;
		this.dialling = null;
		this.bridgedWith = null;
		if (!ended()) {
			this.state = State.ACTIVE;
		}
		Map<String, String> outcome = new LinkedHashMap<>();
		outcome.put("DialCallStatus", result);
		if (leg != null) {
			outcome.put("DialCallSid", leg.sid);
			if (leg.answeredAt != 0) {
				outcome.put("DialCallDuration", String.valueOf(secondsSince(leg.answeredAt)));
			}
		}
		if (over.action() == null) {
			if (!ended()) {
				finish("completed");
			}
			return;
		}
		if (ended()) {
			// Twilio still tells the action URL; what it answers is not played
			send(over.action(), outcome);
			return;
		}
		run(over.action(), outcome);
	}

	/**
	 * Fetches {@code path} and plays its TwiML, following redirects, until the hotline
	 * waits for keys, dials someone, or the call ends.
	 */
	void run(String path, Map<String, String> extra) {
		new TwimlPlay(this).run(path, extra);
	}

	/** What Twilio adds to the requests of a caller waiting in a queue. */
	Map<String, String> waitParameters() {
		Map<String, String> queue = new LinkedHashMap<>();
		queue.put("QueueSid", this.waiting.queueSid());
		queue.put("QueuePosition", String.valueOf(this.network.position(this)));
		queue.put("QueueTime", String.valueOf(secondsSince(this.waiting.since())));
		queue.put("AvgQueueTime", String.valueOf(secondsSince(this.waiting.since())));
		queue.put("CurrentQueueSize", String.valueOf(this.network.queueSize(this.waiting.queueSid())));
		queue.put("MaxQueueSize", "100");
		return queue;
	}

	/**
	 * The caller leaves the queue; what Twilio posts to the {@code Enqueue} action.
	 */
	Map<String, String> leaveQueue(String result) {
		Map<String, String> left = new LinkedHashMap<>();
		left.put("QueueResult", result);
		left.put("QueueSid", this.waiting.queueSid());
		left.put("QueueTime", String.valueOf(secondsSince(this.waiting.since())));
		this.waiting = null;
		this.gather = null;
		this.holdRound++;
		if (this.state == State.WAITING) {
			this.state = State.ACTIVE;
		}
		return left;
	}

	/**
	 * Twilio's status callback for this call, if one was asked for this event. A call to
	 * the hotline reports its end only (the status callback of the hotline's number).
	 */
	void report(String status) {
		boolean end = !status.equals("initiated") && !status.equals("ringing") && !status.equals("in-progress");
		String event = end ? "completed" : status.equals("in-progress") ? "answered" : status;
		Callback callback = (this.direction == Direction.INBOUND)
				? new Callback("/telephony/voice/status", Set.of("completed")) : this.statusCallback;
		if (callback == null || !callback.events().contains(event)) {
			return;
		}
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("CallStatus", status);
		parameters.put("CallbackSource", "call-progress-events");
		parameters.put("SequenceNumber", String.valueOf(this.sequence++));
		if (end) {
			parameters.put("CallDuration", String.valueOf((this.answeredAt != 0) ? secondsSince(this.answeredAt) : 0));
		}
		try {
			send(callback.url(), parameters);
		}
		catch (IllegalStateException unreachable) {
			log.warn("A simulated status callback was not delivered: {}", unreachable.getMessage());
		}
	}

	/**
	 * Posts a webhook of this call, signed as Twilio signs them; its answer is not
	 * played.
	 */
	void send(String path, Map<String, String> extra) {
		this.network.webhooks().send(this, path, extra);
	}

	/** What Twilio posts about this call with every webhook. */
	Map<String, String> twilioParameters() {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("CallSid", this.sid);
		parameters.put("CallStatus", ended() ? "completed"
				: (this.state == State.RINGING) ? "ringing" : (this.state == State.QUEUED) ? "queued" : "in-progress");
		parameters.put("Direction", this.direction.twilioName);
		parameters.put("From", this.from);
		parameters.put("To", this.to);
		if (this.parent != null) {
			parameters.put("ParentCallSid", this.parent.sid);
		}
		return parameters;
	}

	static long secondsSince(long nanos) {
		return Duration.ofNanos(System.nanoTime() - nanos).toSeconds();
	}

	/** Who placed a call. */
	enum Direction {

		/** A phone called the hotline. */
		INBOUND("inbound"),
		/** The platform placed the call through the REST API. */
		OUTBOUND_API("outbound-api"),
		/** Dialled from another call ({@code Dial}). */
		OUTBOUND_DIAL("outbound-dial");

		private final String twilioName;

		Direction(String twilioName) {
			this.twilioName = twilioName;
		}

	}

	/** Where a call stands, as its phone shows it. */
	public enum State {

		/** Placed, not ringing yet. */
		QUEUED,
		/** Ringing, not answered. */
		RINGING,
		/** Talking with the hotline (its prompts, its keys). */
		ACTIVE,
		/** Waiting in the hotline's queue, hearing its wait messages. */
		WAITING,
		/** The hotline rings someone else for this call. */
		DIALING,
		/** Put through to another phone. */
		BRIDGED,
		/** Over. */
		ENDED

	}

	/** What a phone's display shows: a sentence of the hotline, or the person's keys. */
	public record Line(String kind, String text) {

		static Line said(String text) {
			return new Line("SAID", text);
		}

	}

	/** Where Twilio posts a call's status, and which of its events. */
	record Callback(String url, Set<String> events) {
	}

	/**
	 * A {@code Dial} under way: where to go when it is over, and the leg it rings or the
	 * conference it joined.
	 */
	record Dialling(String action, SimulatedCall leg, String conference) {
	}

	/** A caller in a queue ({@code Enqueue}). */
	record Waiting(String queueSid, String waitUrl, String action, long since) {
	}

}
