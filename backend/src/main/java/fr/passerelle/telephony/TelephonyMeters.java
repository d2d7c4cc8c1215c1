package fr.passerelle.telephony;

import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * The hotline's meters for operators (Prometheus, {@code /actuator/prometheus}): callers'
 * calls received, answered and abandoned (counted when they end, practice calls left
 * out), texts sent and failed, errors Twilio answered ({@link FallbackSpool} measures
 * what it keeps on disk).
 */
@Component
public class TelephonyMeters {

	/**
	 * What the platform asks Twilio for: calls placed for a callback or a live call,
	 * texts.
	 */
	static final List<String> TWILIO_OPERATIONS = List.of("callback-call", "live-call", "text");

	private final MeterRegistry registry;

	private final Counter received;

	private final Counter answered;

	private final Counter abandoned;

	private final Counter shortAbandoned;

	private final Counter textsSent;

	private final Counter textsFailed;

	TelephonyMeters(MeterRegistry registry) {
		this.registry = registry;
		this.received = Counter.builder("passerelle.calls.received")
			.description("Callers' calls to the hotline, counted when they end (practice left out)")
			.register(registry);
		this.answered = Counter.builder("passerelle.calls.answered")
			.description("Callers put through to a volunteer from the queue")
			.register(registry);
		this.abandoned = Counter.builder("passerelle.calls.abandoned")
			.description("Callers who hung up while waiting in the queue")
			.tag("short", "false")
			.register(registry);
		this.shortAbandoned = Counter.builder("passerelle.calls.abandoned")
			.description("Callers who hung up while waiting in the queue")
			.tag("short", "true")
			.register(registry);
		this.textsSent = Counter.builder("passerelle.texts.sent").description("Texts Twilio took").register(registry);
		this.textsFailed = Counter.builder("passerelle.texts.failed")
			.description("Texts Twilio refused or could not be reached for")
			.register(registry);
		// at 0 from the start, so that an alert on their increase sees the first error
		TWILIO_OPERATIONS.forEach((operation) -> twilioErrors(operation));
	}

	void callEnded(CallStore.EndedCall call) {
		if (call.practice()) {
			return;
		}
		this.received.increment();
		if (!call.queued() || call.outcome() == null) {
			return;
		}
		switch (call.outcome()) {
			case "ANSWERED" -> this.answered.increment();
			case "ABANDONED" -> this.abandoned.increment();
			case "SHORT_ABANDON" -> this.shortAbandoned.increment();
			default -> {
				// a callback asked for from the queue
			}
		}
	}

	public void textSent() {
		this.textsSent.increment();
	}

	public void textFailed() {
		this.textsFailed.increment();
	}

	/**
	 * Twilio answered an error to a request of ours ({@code operation}: what it was for).
	 */
	public void twilioError(String operation) {
		twilioErrors(operation).increment();
	}

	private Counter twilioErrors(String operation) {
		return Counter.builder("passerelle.twilio.errors")
			.description("Errors Twilio answered to the platform's requests")
			.tag("operation", operation)
			.register(this.registry);
	}

}
