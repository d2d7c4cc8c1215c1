package fr.passerelle.telephony;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;

import jakarta.annotation.PreDestroy;
import fr.passerelle.platform.HotlineNumber;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The calls of simulator mode, run as Twilio runs them. Every step is a webhook of this
 * application, posted with a valid signature, and its TwiML is interpreted: {@code Say}
 * is what the person on the line hears, {@code Gather} waits for their keys (or their
 * silence), {@code Redirect} fetches the next step, {@code Dial} rings another simulated
 * phone and puts the two through once it answers, {@code Hangup} or the end of the
 * document ends the call. Calls placed through the REST API ring their phone until it
 * answers, declines or lets it ring out. Status callbacks are posted as Twilio posts
 * them.
 * <p>
 * One lock orders every change, and is held while webhooks are posted, so a call's steps
 * happen one at a time, in order. What the REST API asks for (placing a call) is only
 * registered there and carried out by the simulator's own thread, so that a webhook which
 * calls the API never waits for the lock held by the step that posted it.
 */
@Conditional(SimulatorMode.class)
@Component
class SimulatedCalls {

	private static final Logger log = LoggerFactory.getLogger(SimulatedCalls.class);

	private static final int MAX_REDIRECTS = 10;

	private static final int DEFAULT_DIAL_TIMEOUT = 30;

	private final TwilioSettings settings;

	private final HotlineNumber hotline;

	private final Environment environment;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final ReentrantLock lock = new ReentrantLock(true);

	private final ScheduledExecutorService network = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "simulated-phone-network");
		thread.setDaemon(true);
		return thread;
	});

	/** The latest call of each phone, by number. */
	private final Map<String, Call> phones = new ConcurrentHashMap<>();

	/** Every call under way, by SID. */
	private final Map<String, Call> calls = new ConcurrentHashMap<>();

	/** The calls in each conference, by name. */
	private final Map<String, List<Call>> conferences = new ConcurrentHashMap<>();

	SimulatedCalls(TwilioSettings settings, HotlineNumber hotline, Environment environment) {
		this.settings = settings;
		this.hotline = hotline;
		this.environment = environment;
	}

	@PreDestroy
	void stop() {
		this.network.shutdownNow();
	}

	/** The phone's call, if one is under way or just ended. */
	Call current(String phone) {
		return this.phones.get(phone);
	}

	/** The phone dials the hotline: Twilio's first webhook, and what it answers. */
	Call dial(String phone) {
		return locked(() -> {
			Call previous = this.phones.get(phone);
			if (previous != null && !previous.ended()) {
				hangUp(previous);
			}
			Call call = new Call(TwilioSimulator.sid("CA"), phone, Direction.INBOUND, phone, this.hotline.e164(), null);
			this.phones.put(phone, call);
			call.state = State.ACTIVE;
			call.answeredAt = System.nanoTime();
			call.run("/telephony/voice/incoming", Map.of());
			return call;
		});
	}

	/**
	 * Twilio's "create a call": the call is registered at once and its phone rings
	 * shortly after, as Twilio queues a call before placing it.
	 */
	Call place(String to, String from, String url, Callback statusCallback, int timeoutSeconds) {
		Call call = new Call(TwilioSimulator.sid("CA"), to, Direction.OUTBOUND_API, from, to, null);
		call.url = url;
		call.statusCallback = statusCallback;
		later(0, () -> ring(call, timeoutSeconds));
		return call;
	}

	/** The phone picks up the call ringing on it. */
	Call answer(String phone) {
		return locked(() -> {
			Call call = this.phones.get(phone);
			if (call == null || call.state != State.RINGING) {
				throw new IllegalStateException("no call ringing");
			}
			call.state = State.ACTIVE;
			call.answeredAt = System.nanoTime();
			call.report("in-progress");
			if (call.parent != null && call.url == null) {
				putThrough(call.parent, call);
			}
			else {
				call.run(call.url, Map.of());
			}
			return call;
		});
	}

	/** The person keys {@code digits} (ended, as Twilio does, by the finish key). */
	Call press(String phone, String digits) {
		return locked(() -> waiting(phone).answer(digits));
	}

	/** The person lets the time run out without pressing anything. */
	Call stayQuiet(String phone) {
		return locked(() -> waiting(phone).answer(""));
	}

	/** The phone hangs up, or declines the call ringing on it. */
	Call hangUp(String phone) {
		return locked(() -> {
			Call call = this.phones.get(phone);
			if (call != null && !call.ended()) {
				hangUp(call);
			}
			return call;
		});
	}

	/**
	 * The call ringing on the phone rings out, unanswered (tests use it rather than wait
	 * for the timeout).
	 */
	void ringOut(String phone) {
		locked(() -> {
			Call call = this.phones.get(phone);
			if (call != null && call.state == State.RINGING) {
				call.finish("no-answer");
			}
			return call;
		});
	}

	private void ring(Call call, int timeoutSeconds) {
		Call busy = this.phones.get(call.phone);
		call.report("initiated");
		if (busy != null && !busy.ended()) {
			call.finish("busy");
			return;
		}
		this.phones.put(call.phone, call);
		call.state = State.RINGING;
		call.report("ringing");
		later(timeoutSeconds, () -> {
			if (call.state == State.RINGING) {
				call.finish("no-answer");
			}
		});
	}

	private void hangUp(Call call) {
		if (call.dialling != null && call.dialling.conference() != null) {
			leaveConference(call);
			return;
		}
		switch (call.state) {
			case RINGING -> call.finish("busy");
			case WAITING -> {
				String action = call.waiting.action();
				Map<String, String> left = call.leaveQueue("hangup");
				call.finish("completed");
				if (action != null) {
					call.send(action, left);
				}
			}
			case DIALING -> {
				Call dialled = call.dialling.leg();
				call.finish("completed");
				dialled.finish("canceled");
			}
			case BRIDGED -> {
				Call other = call.bridgedWith;
				call.finish("completed");
				other.finish("completed");
			}
			default -> call.finish("completed");
		}
	}

	private void putThrough(Call parent, Call dialled) {
		parent.state = State.BRIDGED;
		dialled.state = State.BRIDGED;
		parent.bridgedWith = dialled;
		dialled.bridgedWith = parent;
	}

	/**
	 * Twilio's "update a queue member": the caller waiting in the queue is taken out of
	 * it to the TwiML at {@code url}, shortly after.
	 * @return the member as Twilio describes it, or empty when no such caller waits there
	 */
	Optional<Map<String, Object>> dequeue(String queueSid, String callSid, String url) {
		Call call = this.calls.get(callSid);
		if (call == null || call.waiting == null || !call.waiting.queueSid().equals(queueSid)) {
			return Optional.empty();
		}
		Map<String, Object> member = new LinkedHashMap<>();
		member.put("call_sid", callSid);
		member.put("queue_sid", queueSid);
		member.put("position", position(call));
		member.put("wait_time", secondsSince(call.waiting.since()));
		later(0, () -> {
			if (call.state == State.WAITING && call.waiting != null) {
				call.leaveQueue("redirected");
				call.run(url, Map.of());
			}
		});
		return Optional.of(member);
	}

	/**
	 * Twilio's "update a call": {@code canceled} stops a call that is still ringing,
	 * {@code completed} hangs it up whatever its state, a URL redirects it there.
	 * @return the call's direction, or empty when no such call is under way
	 */
	Optional<Call> update(String callSid, String status, String url) {
		Call call = this.calls.get(callSid);
		if (call == null) {
			return Optional.empty();
		}
		later(0, () -> {
			if (call.ended()) {
				return;
			}
			if ("canceled".equals(status) && (call.state == State.QUEUED || call.state == State.RINGING)) {
				call.finish("canceled");
			}
			else if ("completed".equals(status)) {
				hangUp(call);
			}
			else if (url != null && status == null) {
				if (call.waiting != null) {
					call.leaveQueue("redirected");
				}
				call.run(url, Map.of());
			}
		});
		return Optional.of(call);
	}

	/** A caller's place in their queue, first in first out, as Twilio counts it. */
	private int position(Call call) {
		return 1 + (int) this.calls.values()
			.stream()
			.filter((other) -> other.waiting != null && other.waiting.queueSid().equals(call.waiting.queueSid())
					&& other.waiting.since() < call.waiting.since())
			.count();
	}

	private void joinConference(Call call, String name) {
		List<Call> room = this.conferences.computeIfAbsent(name, (key) -> new ArrayList<>());
		room.add(call);
		call.state = State.DIALING;
		if (room.size() >= 2) {
			for (Call member : room) {
				member.state = State.BRIDGED;
				member.bridgedWith = room.stream().filter((other) -> other != member).findFirst().orElse(null);
			}
		}
	}

	/**
	 * A call hangs up in a conference: every conference the platform starts ends when one
	 * of its two people leaves, and the others go on with their {@code Dial} action.
	 */
	private void leaveConference(Call call) {
		String name = call.dialling.conference();
		List<Call> room = this.conferences.getOrDefault(name, new ArrayList<>());
		room.remove(call);
		String action = call.dialling.action();
		call.dialling = null;
		call.finish("completed");
		if (action != null) {
			// Twilio still tells the action URL; what it answers is not played
			call.send(action, Map.of("DialCallStatus", "completed"));
		}
		List<Call> others = new ArrayList<>(room);
		this.conferences.remove(name);
		for (Call other : others) {
			other.dialled("completed", null);
		}
	}

	private Call waiting(String phone) {
		Call call = this.phones.get(phone);
		if (call == null || call.gather == null) {
			throw new IllegalStateException("no call waiting for keys");
		}
		return call;
	}

	/** A change the simulator's own thread makes, after {@code seconds}. */
	private void later(int seconds, Runnable change) {
		this.network.schedule(() -> {
			try {
				locked(() -> {
					change.run();
					return null;
				});
			}
			catch (RuntimeException failed) {
				log.warn("A simulated call could not go on: {}", failed.getMessage());
			}
		}, seconds, TimeUnit.SECONDS);
	}

	private <T> T locked(Supplier<T> change) {
		this.lock.lock();
		try {
			return change.get();
		}
		catch (RuntimeException ex) {
			if (!(ex instanceof IllegalStateException)) {
				log.warn("A simulated call failed", ex);
			}
			throw ex;
		}
		finally {
			this.lock.unlock();
		}
	}

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
	enum State {

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

	/**
	 * Where Twilio posts a call's status, and which of its events.
	 */
	record Callback(String url, Set<String> events) {
	}

	/** What a phone's display shows: a sentence of the hotline, or the person's keys. */
	record Line(String kind, String text) {

		static Line said(String text) {
			return new Line("SAID", text);
		}

	}

	/**
	 * A call as the person on its phone lives it.
	 */
	final class Call {

		private final String sid;

		/** The simulated phone at this end. */
		private final String phone;

		private final Direction direction;

		private final String from;

		private final String to;

		private final Call parent;

		private final long createdAt = System.nanoTime();

		private String url;

		private Callback statusCallback;

		private State state = State.QUEUED;

		private long answeredAt;

		private int sequence;

		private final List<Line> transcript = new ArrayList<>();

		private List<String> heard = List.of();

		private Gather gather;

		private Dialling dialling;

		private Waiting waiting;

		private int holdRound;

		private Call bridgedWith;

		private Call(String sid, String phone, Direction direction, String from, String to, Call parent) {
			this.sid = sid;
			this.phone = phone;
			this.direction = direction;
			this.from = from;
			this.to = to;
			this.parent = parent;
			SimulatedCalls.this.calls.put(sid, this);
		}

		String sid() {
			return this.sid;
		}

		String to() {
			return this.to;
		}

		String from() {
			return this.from;
		}

		String direction() {
			return this.direction.twilioName;
		}

		State state() {
			return this.state;
		}

		boolean ended() {
			return this.state == State.ENDED;
		}

		/** Whether the hotline called this phone (rather than the phone the hotline). */
		boolean incoming() {
			return this.direction != Direction.INBOUND;
		}

		/** What the hotline said since the person's last action. */
		List<String> heard() {
			return this.heard;
		}

		/** Everything said and keyed on this call, oldest first. */
		List<Line> transcript() {
			return List.copyOf(this.transcript);
		}

		/** How many keys the hotline waits for, if it does. */
		Integer awaitedKeys() {
			return (this.gather != null) ? this.gather.digits : null;
		}

		private Call answer(String digits) {
			Gather answered = this.gather;
			if (ended() || answered == null) {
				throw new IllegalStateException("no call waiting for keys");
			}
			String keys = digits.replaceAll("[^0-9*#]", "");
			int finish = keys.indexOf(answered.finishOnKey);
			if (finish >= 0) {
				keys = keys.substring(0, finish);
			}
			if (keys.length() > answered.digits) {
				keys = keys.substring(0, answered.digits);
			}
			this.transcript.add(keys.isEmpty() ? new Line("SILENCE", "") : new Line("KEYS", keys));
			if (keys.isEmpty() && !answered.actionOnEmptyResult()) {
				// Twilio goes on without posting; in the queue, the wait messages start
				// again
				if (this.waiting != null) {
					run(this.waiting.waitUrl(), Map.of());
				}
				else {
					finish("completed");
				}
				return this;
			}
			run(answered.action, Map.of("Digits", keys));
			return this;
		}

		/**
		 * Ends the call with Twilio's final status, reports it, and, for a dialled leg
		 * that was not put through, tells the call it was dialled from.
		 */
		private void finish(String status) {
			if (ended()) {
				return;
			}
			this.state = State.ENDED;
			this.gather = null;
			this.waiting = null;
			SimulatedCalls.this.calls.remove(this.sid);
			report(status);
			if (this.parent != null && this.parent.dialling != null && this.parent.dialling.leg() == this) {
				this.parent.dialled(status, this);
			}
		}

		/** The leg this call dialled is over: Twilio fetches the {@code Dial} action. */
		private void dialled(String result, Call leg) {
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
		 * Fetches {@code path} and plays its TwiML, following redirects, until the
		 * hotline waits for keys, dials someone, or the call ends.
		 */
		private void run(String path, Map<String, String> extra) {
			List<String> said = new ArrayList<>();
			this.gather = null;
			String next = path;
			Map<String, String> parameters = extra;
			boolean over = false;
			boolean hungUp = false;
			for (int redirects = 0; next != null && redirects <= MAX_REDIRECTS; redirects++) {
				String current = next;
				if (this.waiting != null) {
					parameters = new LinkedHashMap<>(parameters);
					parameters.putAll(waitParameters());
				}
				Document twiml = post(current, parameters);
				next = null;
				parameters = Map.of();
				int round = ++this.holdRound;
				for (Node node = twiml.getDocumentElement().getFirstChild(); node != null; node = node
					.getNextSibling()) {
					if (!(node instanceof Element verb)) {
						continue;
					}
					switch (verb.getTagName()) {
						case "Say" -> said.add(verb.getTextContent().strip());
						case "Pause" -> {
							// time passes for the caller; nothing to hear
						}
						case "Gather" -> {
							for (Element say : children(verb, "Say")) {
								said.add(say.getTextContent().strip());
							}
							this.gather = new Gather(attribute(verb, "action", current),
									Integer.parseInt(attribute(verb, "numDigits", "1")),
									attribute(verb, "finishOnKey", "#"),
									Integer.parseInt(attribute(verb, "timeout", "5")),
									!attribute(verb, "actionOnEmptyResult", "false").equals("false"));
						}
						case "Redirect" -> next = verb.getTextContent().strip();
						case "Dial" -> startDialling(verb);
						case "Enqueue" -> {
							this.waiting = new Waiting(queueSid(verb.getTextContent().strip()),
									attribute(verb, "waitUrl", null), attribute(verb, "action", null),
									System.nanoTime());
							this.state = State.WAITING;
							next = this.waiting.waitUrl();
						}
						case "Leave" -> {
							if (this.waiting != null) {
								String action = this.waiting.action();
								parameters = leaveQueue("leave");
								next = action;
								if (action == null) {
									over = true;
								}
							}
						}
						default -> {
							// Hangup, and verbs the platform does not use
							over = true;
							hungUp = true;
						}
					}
					if (this.gather != null || this.dialling != null || over || next != null) {
						break;
					}
				}
				if (this.waiting != null && next == null && !over) {
					// the wait messages play again after the gather's timeout, or at once
					int seconds = (this.gather != null) ? this.gather.timeoutSeconds() : 1;
					String waitUrl = this.waiting.waitUrl();
					later(seconds, () -> {
						if (this.state == State.WAITING && this.holdRound == round) {
							run(waitUrl, Map.of());
						}
					});
					break;
				}
				if (next == null && this.gather == null && this.dialling == null) {
					over = true;
				}
			}
			this.heard = List.copyOf(said);
			said.forEach((sentence) -> this.transcript.add(Line.said(sentence)));
			if (!over) {
				return;
			}
			if (!hungUp && this.parent != null && this.parent.dialling != null && this.parent.dialling.leg() == this) {
				// what a dialled leg hears before it is put through is over
				putThrough(this.parent, this);
				return;
			}
			finish("completed");
		}

		private void startDialling(Element dial) {
			List<Element> rooms = children(dial, "Conference");
			if (!rooms.isEmpty()) {
				String name = rooms.get(0).getTextContent().strip();
				this.dialling = new Dialling(dial.hasAttribute("action") ? dial.getAttribute("action") : null, null,
						name);
				joinConference(this, name);
				return;
			}
			List<Element> numbers = children(dial, "Number");
			if (numbers.isEmpty()) {
				throw new IllegalStateException("the simulator dials numbers and conferences only");
			}
			Element number = numbers.get(0);
			String callerId = attribute(dial, "callerId", this.to);
			Call leg = new Call(TwilioSimulator.sid("CA"), number.getTextContent().strip(), Direction.OUTBOUND_DIAL,
					callerId, number.getTextContent().strip(), this);
			leg.url = number.hasAttribute("url") ? number.getAttribute("url") : null;
			if (number.hasAttribute("statusCallback")) {
				leg.statusCallback = new Callback(number.getAttribute("statusCallback"),
						Set.of(attribute(number, "statusCallbackEvent", "completed").split("\\s+")));
			}
			this.dialling = new Dialling(dial.hasAttribute("action") ? dial.getAttribute("action") : null, leg, null);
			this.state = State.DIALING;
			int timeout = Integer.parseInt(attribute(dial, "timeout", String.valueOf(DEFAULT_DIAL_TIMEOUT)));
			later(0, () -> {
				if (this.dialling != null && this.dialling.leg() == leg) {
					ring(leg, timeout);
				}
			});
		}

		/** What Twilio adds to the requests of a caller waiting in a queue. */
		private Map<String, String> waitParameters() {
			Map<String, String> queue = new LinkedHashMap<>();
			queue.put("QueueSid", this.waiting.queueSid());
			queue.put("QueuePosition", String.valueOf(position(this)));
			queue.put("QueueTime", String.valueOf(secondsSince(this.waiting.since())));
			queue.put("AvgQueueTime", String.valueOf(secondsSince(this.waiting.since())));
			queue.put("CurrentQueueSize", String.valueOf(SimulatedCalls.this.calls.values()
				.stream()
				.filter((other) -> other.waiting != null && other.waiting.queueSid().equals(this.waiting.queueSid()))
				.count()));
			queue.put("MaxQueueSize", "100");
			return queue;
		}

		/**
		 * The caller leaves the queue; what Twilio posts to the {@code Enqueue} action.
		 */
		private Map<String, String> leaveQueue(String result) {
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
		 * Twilio's status callback for this call, if one was asked for this event. A call
		 * to the hotline reports its end only (the status callback of the hotline's
		 * number).
		 */
		private void report(String status) {
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
				parameters.put("CallDuration",
						String.valueOf((this.answeredAt != 0) ? secondsSince(this.answeredAt) : 0));
			}
			try {
				send(callback.url(), parameters);
			}
			catch (IllegalStateException unreachable) {
				log.warn("A simulated status callback was not delivered: {}", unreachable.getMessage());
			}
		}

		private Document post(String path, Map<String, String> extra) {
			HttpResponse<byte[]> response = send(path, extra);
			if (response.statusCode() != 200) {
				throw new IllegalStateException("webhook " + path + " answered " + response.statusCode());
			}
			try {
				DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
				factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
				return factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.body()));
			}
			catch (IOException | javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException ex) {
				throw new IllegalStateException("webhook " + path + " answered something that is not TwiML", ex);
			}
		}

		/** Posts a webhook of this call, signed as Twilio signs them. */
		private HttpResponse<byte[]> send(String path, Map<String, String> extra) {
			String base = SimulatedCalls.this.settings.publicBaseUrl();
			String relative = path.startsWith(base) ? path.substring(base.length()) : path;
			if (!relative.startsWith("/telephony/")) {
				throw new IllegalStateException("the simulator only calls this application's webhooks");
			}
			Map<String, String> parameters = new LinkedHashMap<>();
			parameters.put("AccountSid", SimulatedCalls.this.settings.accountSid());
			parameters.put("ApiVersion", "2010-04-01");
			parameters.put("CallSid", this.sid);
			parameters.put("CallStatus", ended() ? "completed" : (this.state == State.RINGING) ? "ringing"
					: (this.state == State.QUEUED) ? "queued" : "in-progress");
			parameters.put("Direction", this.direction.twilioName);
			parameters.put("From", this.from);
			parameters.put("To", this.to);
			if (this.parent != null) {
				parameters.put("ParentCallSid", this.parent.sid);
			}
			parameters.putAll(extra);
			String signature = Signatures.sign(SimulatedCalls.this.settings.authToken(), base + relative, parameters);
			String port = SimulatedCalls.this.environment.getProperty("local.server.port",
					SimulatedCalls.this.environment.getProperty("server.port", "8080"));
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + relative))
				.timeout(Duration.ofSeconds(15))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header(WebhookSignatures.HEADER, signature)
				.POST(BodyPublishers.ofString(form(parameters)))
				.build();
			try {
				return SimulatedCalls.this.http.send(request, BodyHandlers.ofByteArray());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted", ex);
			}
			catch (IOException ex) {
				throw new IllegalStateException("webhook " + relative + " could not be reached", ex);
			}
		}

	}

	private record Gather(String action, int digits, String finishOnKey, int timeoutSeconds,
			boolean actionOnEmptyResult) {
	}

	/**
	 * A {@code Dial} under way: where to go when it is over, and the leg it rings or the
	 * conference it joined.
	 */
	private record Dialling(String action, Call leg, String conference) {
	}

	/** A caller in a queue ({@code Enqueue}). */
	private record Waiting(String queueSid, String waitUrl, String action, long since) {
	}

	/** The SID of a queue, the same for the same name. */
	static String queueSid(String name) {
		return "QU" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
	}

	private static long secondsSince(long nanos) {
		return Duration.ofNanos(System.nanoTime() - nanos).toSeconds();
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

	/** Form parameters, URL-encoded, as Twilio posts them. */
	static String form(Map<String, String> parameters) {
		return parameters.entrySet()
			.stream()
			.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

}
