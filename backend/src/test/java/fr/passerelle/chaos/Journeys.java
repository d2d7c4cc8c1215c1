package fr.passerelle.chaos;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import fr.passerelle.telephony.WebhookSignatures;
import fr.passerelle.telephony.simulator.Signatures;

/**
 * What citizens do during a fault run, and what each of them was told: callers going
 * through the phone menu (Twilio's signed webhooks, its fallback URL when the main one
 * fails) and citizens sending the callback form (pressing again when the page fails).
 * Each journey has a number of its own, so that the database says how many requests it
 * left.
 */
final class Journeys {

	/** Postcodes of every kind of area: one commune, several, a big city's district. */
	private static final List<String> POSTCODES = List.of("35000", "13001", "69003", "75011", "59000", "33000", "29200",
			"20000", "67000");

	private static final String RECORDED = "Votre demande de rappel est enregistrée";

	private static final AtomicLong numbers = new AtomicLong(ThreadLocalRandom.current().nextInt(1_000_000) * 10L);

	private final Proxy proxy;

	private final String authToken;

	private final String publicBaseUrl;

	private final ConcurrentLinkedQueue<Journey> done = new ConcurrentLinkedQueue<>();

	private final AtomicInteger webhooks = new AtomicInteger();

	/**
	 * Each webhook answered: when it was sent and how long it took
	 * ({@link System#nanoTime()}).
	 */
	private final ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();

	private final AtomicInteger failedWebhooks = new AtomicInteger();

	private final AtomicInteger forms = new AtomicInteger();

	private final AtomicInteger failedForms = new AtomicInteger();

	Journeys(Proxy proxy, String authToken, String publicBaseUrl) {
		this.proxy = proxy;
		this.authToken = authToken;
		this.publicBaseUrl = publicBaseUrl;
	}

	/**
	 * A caller through the phone menu to a callback request (or a place in the queue).
	 */
	void call() {
		String phone = nextMobile();
		String postcode = POSTCODES.get(ThreadLocalRandom.current().nextInt(POSTCODES.size()));
		Map<String, String> call = new LinkedHashMap<>();
		call.put("AccountSid", "ACchaos");
		call.put("CallSid", "CA" + HexFormat.of().formatHex(randomBytes(16)));
		call.put("From", phone);
		call.put("To", "+33199001234");
		call.put("CallStatus", "in-progress");
		call.put("Direction", "inbound");
		Journey journey = new Journey(Channel.PHONE, phone);
		try {
			String welcome = webhook("/telephony/voice/incoming", call);
			if (welcome.contains("<Redirect")) {
				journey.retried = true;
				journey.success = fallback(call, postcode);
			}
			else {
				Map<String, String> pressed = new LinkedHashMap<>(call);
				pressed.put("Digits", "1");
				String answer = webhook("/telephony/voice/confirm?topic=CAF&postcode=" + postcode + "&silences=0",
						pressed);
				if (answer.contains("<Redirect")) {
					journey.retried = true;
					journey.success = fallback(call, postcode);
				}
				else {
					journey.success = answer.contains(RECORDED) || answer.contains("<Enqueue");
					journey.told = answer;
				}
			}
		}
		catch (IOException mainWebhookFailed) {
			// Twilio fetches the fallback URL of the number for the same call
			journey.retried = true;
			try {
				journey.success = fallback(call, postcode);
			}
			catch (IOException fallbackFailedToo) {
				journey.told = "Twilio's own error: " + fallbackFailedToo;
			}
		}
		if (journey.success) {
			Map<String, String> ended = new LinkedHashMap<>(call);
			ended.put("CallStatus", "completed");
			ended.put("CallDuration", "75");
			try {
				this.proxy.post("/telephony/voice/status", form(ended), signed("/telephony/voice/status", ended));
			}
			catch (IOException lateStatus) {
				// not sent again by Twilio: the call record stays open
			}
		}
		this.done.add(journey);
	}

	private boolean fallback(Map<String, String> call, String postcode) throws IOException {
		webhook("/telephony/voice/fallback", call);
		Map<String, String> keyed = new LinkedHashMap<>(call);
		keyed.put("Digits", postcode);
		return webhook("/telephony/voice/fallback/postcode", keyed).contains(RECORDED);
	}

	/** A webhook as Twilio sends it; a cut connection or a 5xx fails it. */
	private String webhook(String path, Map<String, String> parameters) throws IOException {
		this.webhooks.incrementAndGet();
		try {
			long sent = System.nanoTime();
			Proxy.Response response = this.proxy.post(path, form(parameters), signed(path, parameters));
			this.latencies.add(new long[] { sent, System.nanoTime() - sent });
			if (response.failed()) {
				throw new IOException(path + " answered " + response.status());
			}
			return response.body();
		}
		catch (IOException failed) {
			this.failedWebhooks.incrementAndGet();
			throw failed;
		}
	}

	private Map<String, String> signed(String path, Map<String, String> parameters) {
		return Map.of(WebhookSignatures.HEADER, Signatures.sign(this.authToken, this.publicBaseUrl + path, parameters));
	}

	/**
	 * A citizen sending the callback form from an address of their own (behind the
	 * proxy), pressing again when the page fails, for up to a minute and a half.
	 */
	void sendForm() throws InterruptedException {
		String phone = nextMobile();
		Journey journey = new Journey(Channel.WEB, phone);
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("phone", "0" + phone.substring(3));
		fields.put("topic", "TAXES");
		fields.put("postcode", POSTCODES.get(ThreadLocalRandom.current().nextInt(POSTCODES.size())));
		fields.put("firstName", "Yvette");
		fields.put("slots", "MORNING");
		fields.put("consent", "true");
		fields.put("website", "");
		Map<String, String> headers = Map.of("Accept", "text/html", "X-Forwarded-For", randomAddress(),
				"X-Forwarded-Proto", "https");
		long giveUp = System.nanoTime() + 90_000_000_000L;
		while (!journey.success && System.nanoTime() < giveUp) {
			this.forms.incrementAndGet();
			try {
				Proxy.Response page = this.proxy.post("/rappel", form(fields), headers);
				journey.success = page.status() == 200 && page.body().contains("Votre demande est enregistrée");
				journey.told = "HTTP " + page.status();
			}
			catch (IOException cut) {
				journey.told = cut.toString();
			}
			if (!journey.success) {
				this.failedForms.incrementAndGet();
				journey.retried = true;
				Thread.sleep(2000);
			}
		}
		this.done.add(journey);
	}

	List<Journey> done() {
		return List.copyOf(this.done);
	}

	List<long[]> latencies() {
		return List.copyOf(this.latencies);
	}

	int webhooks() {
		return this.webhooks.get();
	}

	int failedWebhooks() {
		return this.failedWebhooks.get();
	}

	int forms() {
		return this.forms.get();
	}

	int failedForms() {
		return this.failedForms.get();
	}

	private static String nextMobile() {
		// +33 61x xx xx xx: metropolitan mobile numbers, one per journey
		return String.format("+3361%07d", numbers.incrementAndGet() % 10_000_000);
	}

	private static String randomAddress() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "198.51." + random.nextInt(256) + "." + (1 + random.nextInt(254));
	}

	private static byte[] randomBytes(int count) {
		byte[] bytes = new byte[count];
		ThreadLocalRandom.current().nextBytes(bytes);
		return bytes;
	}

	static String form(Map<String, String> parameters) {
		return parameters.entrySet()
			.stream()
			.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	enum Channel {

		PHONE, WEB

	}

	/** One citizen's attempt, and what they were told. */
	static final class Journey {

		final Channel channel;

		final String phone;

		volatile boolean success;

		volatile boolean retried;

		volatile String told;

		Journey(Channel channel, String phone) {
			this.channel = channel;
			this.phone = phone;
		}

	}

}
