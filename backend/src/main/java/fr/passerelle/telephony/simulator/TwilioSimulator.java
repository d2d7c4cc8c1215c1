package fr.passerelle.telephony.simulator;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * The phones of simulator mode: what Twilio would have delivered, kept in memory, by
 * number. Only the simulated Twilio API ({@link SimulatedTwilioApi}) writes here.
 */
@Conditional(SimulatorMode.class)
@Component
public class TwilioSimulator {

	/** Where the simulated Twilio REST API answers, on this very server. */
	public static final String API_BASE = "/simulator/twilio";

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
	public List<Text> inbox(String number) {
		return new ArrayList<>(this.inboxes.getOrDefault(number, List.of()));
	}

	/** The SID of a queue, the same for the same name. */
	public static String queueSid(String name) {
		return "QU" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
	}

	/** Form parameters, URL-encoded, as Twilio posts them. */
	public static String form(Map<String, String> parameters) {
		return parameters.entrySet()
			.stream()
			.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	static String sid(String prefix) {
		byte[] bytes = new byte[16];
		ThreadLocalRandom.current().nextBytes(bytes);
		return prefix + HexFormat.of().formatHex(bytes);
	}

	/**
	 * A text message as a phone received it.
	 */
	public record Text(String sid, String from, String to, String body, Instant receivedAt) {
	}

}
