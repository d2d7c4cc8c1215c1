package fr.passerelle.telephony;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * The phones of simulator mode: what Twilio would have delivered, kept in memory, by
 * number. Only the simulated Twilio API ({@link SimulatedTwilioApi}) writes here.
 */
@Conditional(SimulatorMode.class)
@Component
class TwilioSimulator {

	private final Map<String, List<Text>> inboxes = new ConcurrentHashMap<>();

	private final Clock clock;

	TwilioSimulator(Clock clock) {
		this.clock = clock;
	}

	Text deliver(String from, String to, String body) {
		Text text = new Text(sid("SM"), from, to, body, this.clock.instant());
		this.inboxes.computeIfAbsent(to, (number) -> new CopyOnWriteArrayList<>()).add(text);
		return text;
	}

	/** The texts a simulated phone received, oldest first. */
	List<Text> inbox(String number) {
		return new ArrayList<>(this.inboxes.getOrDefault(number, List.of()));
	}

	static String sid(String prefix) {
		byte[] bytes = new byte[16];
		ThreadLocalRandom.current().nextBytes(bytes);
		return prefix + HexFormat.of().formatHex(bytes);
	}

	/**
	 * A text message as a phone received it.
	 */
	record Text(String sid, String from, String to, String body, Instant receivedAt) {
	}

}
