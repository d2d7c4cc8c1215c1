package fr.passerelle.telephony.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import fr.passerelle.platform.HotlineNumber;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * The phone network of simulator mode: every simulated phone's latest call, the calls
 * under way, the conferences, and what a person does on their phone (dial the hotline,
 * pick up, key, stay quiet, hang up). Calls placed through the REST API ring their phone
 * until it answers, declines or lets it ring out; each {@link SimulatedCall} plays the
 * TwiML of this application's webhooks as Twilio does.
 * <p>
 * One lock orders every change, and is held while webhooks are posted, so a call's steps
 * happen one at a time, in order. What the REST API asks for (placing a call) is only
 * registered there and carried out by the simulator's own thread, so that a webhook which
 * calls the API never waits for the lock held by the step that posted it.
 */
@Conditional(SimulatorMode.class)
@Component
public class SimulatedCalls {

	private static final Logger log = LoggerFactory.getLogger(SimulatedCalls.class);

	private final SimulatorWebhooks webhooks;

	private final HotlineNumber hotline;

	private final ReentrantLock lock = new ReentrantLock(true);

	private final ScheduledExecutorService network = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "simulated-phone-network");
		thread.setDaemon(true);
		return thread;
	});

	/** The latest call of each phone, by number. */
	private final Map<String, SimulatedCall> phones = new ConcurrentHashMap<>();

	/** Every call under way, by SID. */
	private final Map<String, SimulatedCall> calls = new ConcurrentHashMap<>();

	/** The calls in each conference, by name. */
	private final Map<String, List<SimulatedCall>> conferences = new ConcurrentHashMap<>();

	SimulatedCalls(SimulatorWebhooks webhooks, HotlineNumber hotline) {
		this.webhooks = webhooks;
		this.hotline = hotline;
	}

	@PreDestroy
	void stop() {
		this.network.shutdownNow();
	}

	/** The phone's call, if one is under way or just ended. */
	public SimulatedCall current(String phone) {
		return this.phones.get(phone);
	}

	/** The phone dials the hotline: Twilio's first webhook, and what it answers. */
	public SimulatedCall dial(String phone) {
		return locked(() -> {
			SimulatedCall previous = this.phones.get(phone);
			if (previous != null && !previous.ended()) {
				hangUp(previous);
			}
			SimulatedCall call = new SimulatedCall(this, phone, SimulatedCall.Direction.INBOUND, phone,
					this.hotline.e164(), null);
			this.phones.put(phone, call);
			call.pickedUp();
			call.run("/telephony/voice/incoming", Map.of());
			return call;
		});
	}

	/**
	 * Twilio's "create a call": the call is registered at once and its phone rings
	 * shortly after, as Twilio queues a call before placing it.
	 */
	SimulatedCall place(String to, String from, String url, SimulatedCall.Callback statusCallback, int timeoutSeconds) {
		SimulatedCall call = new SimulatedCall(this, to, SimulatedCall.Direction.OUTBOUND_API, from, to, null);
		call.url = url;
		call.statusCallback = statusCallback;
		later(0, () -> ring(call, timeoutSeconds));
		return call;
	}

	/** The phone picks up the call ringing on it. */
	public SimulatedCall answer(String phone) {
		return locked(() -> {
			SimulatedCall call = this.phones.get(phone);
			if (call == null || call.state != SimulatedCall.State.RINGING) {
				throw new IllegalStateException("no call ringing");
			}
			call.pickedUp();
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
	public SimulatedCall press(String phone, String digits) {
		return locked(() -> waiting(phone).answer(digits));
	}

	/** The person lets the time run out without pressing anything. */
	public SimulatedCall stayQuiet(String phone) {
		return locked(() -> waiting(phone).answer(""));
	}

	/** The phone hangs up, or declines the call ringing on it. */
	public SimulatedCall hangUp(String phone) {
		return locked(() -> {
			SimulatedCall call = this.phones.get(phone);
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
	public void ringOut(String phone) {
		locked(() -> {
			SimulatedCall call = this.phones.get(phone);
			if (call != null && call.state == SimulatedCall.State.RINGING) {
				call.finish("no-answer");
			}
			return call;
		});
	}

	void ring(SimulatedCall call, int timeoutSeconds) {
		SimulatedCall busy = this.phones.get(call.phone);
		call.report("initiated");
		if (busy != null && !busy.ended()) {
			call.finish("busy");
			return;
		}
		this.phones.put(call.phone, call);
		call.state = SimulatedCall.State.RINGING;
		call.report("ringing");
		later(timeoutSeconds, () -> {
			if (call.state == SimulatedCall.State.RINGING) {
				call.finish("no-answer");
			}
		});
	}

	private void hangUp(SimulatedCall call) {
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
				SimulatedCall dialled = call.dialling.leg();
				call.finish("completed");
				dialled.finish("canceled");
			}
			case BRIDGED -> {
				SimulatedCall other = call.bridgedWith;
				call.finish("completed");
				other.finish("completed");
			}
			default -> call.finish("completed");
		}
	}

	void putThrough(SimulatedCall parent, SimulatedCall dialled) {
		parent.state = SimulatedCall.State.BRIDGED;
		dialled.state = SimulatedCall.State.BRIDGED;
		parent.bridgedWith = dialled;
		dialled.bridgedWith = parent;
	}

	/**
	 * Twilio's "update a queue member": the caller waiting in the queue is taken out of
	 * it to the TwiML at {@code url}, shortly after.
	 * @return the member as Twilio describes it, or empty when no such caller waits there
	 */
	Optional<Map<String, Object>> dequeue(String queueSid, String callSid, String url) {
		SimulatedCall call = this.calls.get(callSid);
		if (call == null || call.waiting == null || !call.waiting.queueSid().equals(queueSid)) {
			return Optional.empty();
		}
		Map<String, Object> member = new LinkedHashMap<>();
		member.put("call_sid", callSid);
		member.put("queue_sid", queueSid);
		member.put("position", position(call));
		member.put("wait_time", SimulatedCall.secondsSince(call.waiting.since()));
		later(0, () -> {
			if (call.state == SimulatedCall.State.WAITING && call.waiting != null) {
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
	Optional<SimulatedCall> update(String callSid, String status, String url) {
		SimulatedCall call = this.calls.get(callSid);
		if (call == null) {
			return Optional.empty();
		}
		later(0, () -> {
			if (call.ended()) {
				return;
			}
			if ("canceled".equals(status)
					&& (call.state == SimulatedCall.State.QUEUED || call.state == SimulatedCall.State.RINGING)) {
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
	int position(SimulatedCall call) {
		return 1 + (int) this.calls.values()
			.stream()
			.filter((other) -> other.waiting != null && other.waiting.queueSid().equals(call.waiting.queueSid())
					&& other.waiting.since() < call.waiting.since())
			.count();
	}

	void joinConference(SimulatedCall call, String name) {
		List<SimulatedCall> room = this.conferences.computeIfAbsent(name, (key) -> new ArrayList<>());
		room.add(call);
		call.state = SimulatedCall.State.DIALING;
		if (room.size() >= 2) {
			for (SimulatedCall member : room) {
				member.state = SimulatedCall.State.BRIDGED;
				member.bridgedWith = room.stream().filter((other) -> other != member).findFirst().orElse(null);
			}
		}
	}

	/**
	 * A call hangs up in a conference: every conference the platform starts ends when one
	 * of its two people leaves, and the others go on with their {@code Dial} action.
	 */
	private void leaveConference(SimulatedCall call) {
		String name = call.dialling.conference();
		List<SimulatedCall> room = this.conferences.getOrDefault(name, new ArrayList<>());
		room.remove(call);
		String action = call.dialling.action();
		call.dialling = null;
		call.finish("completed");
		if (action != null) {
			// Twilio still tells the action URL; what it answers is not played
			call.send(action, Map.of("DialCallStatus", "completed"));
		}
		List<SimulatedCall> others = new ArrayList<>(room);
		this.conferences.remove(name);
		for (SimulatedCall other : others) {
			other.dialled("completed", null);
		}
	}

	/** How many callers wait in the queue. */
	long queueSize(String queueSid) {
		return this.calls.values()
			.stream()
			.filter((other) -> other.waiting != null && other.waiting.queueSid().equals(queueSid))
			.count();
	}

	void register(SimulatedCall call) {
		this.calls.put(call.sid(), call);
	}

	void forget(SimulatedCall call) {
		this.calls.remove(call.sid());
	}

	SimulatorWebhooks webhooks() {
		return this.webhooks;
	}

	private SimulatedCall waiting(String phone) {
		SimulatedCall call = this.phones.get(phone);
		if (call == null || !call.waitsForKeys()) {
			throw new IllegalStateException("no call waiting for keys");
		}
		return call;
	}

	/** A change the simulator's own thread makes, after {@code seconds}. */
	void later(int seconds, Runnable change) {
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

}
