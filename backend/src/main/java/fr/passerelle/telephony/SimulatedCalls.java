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
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Calls to the hotline from simulated phones, run as Twilio runs them: every step is a
 * webhook of this application, posted with a valid signature, and its TwiML is
 * interpreted: {@code Say} is what the caller hears, {@code Gather} waits for their keys
 * (or their silence), {@code Redirect} fetches the next step, {@code Hangup} or the end
 * of the document ends the call. One call at a time per phone.
 */
@Component
class SimulatedCalls {

	private static final int MAX_REDIRECTS = 10;

	private final TwilioSettings settings;

	private final HotlineNumber hotline;

	private final Environment environment;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Map<String, Call> calls = new ConcurrentHashMap<>();

	SimulatedCalls(TwilioSettings settings, HotlineNumber hotline, Environment environment) {
		this.settings = settings;
		this.hotline = hotline;
		this.environment = environment;
	}

	/** The phone's call, if one is under way or just ended. */
	Call current(String phone) {
		return this.calls.get(phone);
	}

	/** The phone dials the hotline: Twilio's first webhook, and what it answers. */
	synchronized Call dial(String phone) {
		Call call = new Call(TwilioSimulator.sid("CA"), phone);
		this.calls.put(phone, call);
		return call.step("/telephony/voice/incoming", null);
	}

	/** The caller keys {@code digits} (ended, as Twilio does, by the finish key). */
	Call press(String phone, String digits) {
		return waiting(phone).answer(digits);
	}

	/** The caller lets the time run out without pressing anything. */
	Call stayQuiet(String phone) {
		return waiting(phone).answer("");
	}

	Call hangUp(String phone) {
		Call call = this.calls.get(phone);
		if (call != null) {
			call.end();
		}
		return call;
	}

	private Call waiting(String phone) {
		Call call = this.calls.get(phone);
		if (call == null || call.gather == null) {
			throw new IllegalStateException("no call waiting for keys");
		}
		return call;
	}

	/**
	 * A call as its caller lives it.
	 */
	final class Call {

		private final String sid;

		private final String from;

		private final long startedAt = System.nanoTime();

		private int sequence;

		private boolean ended;

		private List<String> heard = List.of();

		private Gather gather;

		Call(String sid, String from) {
			this.sid = sid;
			this.from = from;
		}

		String sid() {
			return this.sid;
		}

		boolean ended() {
			return this.ended;
		}

		/** What the caller heard since their last action. */
		List<String> heard() {
			return this.heard;
		}

		/** How many keys the hotline waits for, if it does. */
		Integer awaitedKeys() {
			return (this.gather != null) ? this.gather.digits : null;
		}

		synchronized Call answer(String digits) {
			Gather answered = this.gather;
			if (this.ended || answered == null) {
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
			return step(answered.action, keys);
		}

		synchronized void end() {
			boolean wasUnderWay = !this.ended;
			this.ended = true;
			this.gather = null;
			this.heard = List.of();
			if (wasUnderWay) {
				reportEnd();
			}
		}

		/**
		 * Twilio's status callback when a call ends: completed, and how long it lasted.
		 */
		private void reportEnd() {
			Map<String, String> status = new LinkedHashMap<>();
			status.put("CallStatus", "completed");
			status.put("CallDuration",
					String.valueOf(Duration.ofNanos(System.nanoTime() - this.startedAt).toSeconds()));
			status.put("SequenceNumber", String.valueOf(this.sequence++));
			send("/telephony/voice/status", status);
		}

		private Call step(String path, String digits) {
			List<String> said = new ArrayList<>();
			this.gather = null;
			String next = path;
			String keys = digits;
			for (int redirects = 0; next != null && redirects <= MAX_REDIRECTS; redirects++) {
				String current = next;
				Document twiml = post(current, keys);
				next = null;
				keys = null;
				for (Node node = twiml.getDocumentElement().getFirstChild(); node != null; node = node
					.getNextSibling()) {
					if (!(node instanceof Element verb)) {
						continue;
					}
					switch (verb.getTagName()) {
						case "Say" -> said.add(verb.getTextContent().strip());
						case "Gather" -> {
							for (Element say : children(verb, "Say")) {
								said.add(say.getTextContent().strip());
							}
							this.gather = new Gather(attribute(verb, "action", current),
									Integer.parseInt(attribute(verb, "numDigits", "1")),
									attribute(verb, "finishOnKey", "#"));
						}
						case "Redirect" -> next = verb.getTextContent().strip();
						case "Hangup" -> this.ended = true;
						default -> {
							// verbs the platform does not use yet end the simulated call
							this.ended = true;
						}
					}
					if (this.gather != null || this.ended || next != null) {
						break;
					}
				}
				if (next == null && this.gather == null) {
					this.ended = true;
				}
			}
			this.heard = List.copyOf(said);
			if (this.ended) {
				reportEnd();
			}
			return this;
		}

		private Document post(String path, String digits) {
			Map<String, String> extra = new LinkedHashMap<>();
			if (digits != null) {
				extra.put("Digits", digits);
			}
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
			String relative = path.startsWith(SimulatedCalls.this.settings.publicBaseUrl())
					? path.substring(SimulatedCalls.this.settings.publicBaseUrl().length()) : path;
			if (!relative.startsWith("/telephony/")) {
				throw new IllegalStateException("the simulator only calls this application's webhooks");
			}
			Map<String, String> parameters = new LinkedHashMap<>();
			parameters.put("AccountSid", SimulatedCalls.this.settings.accountSid());
			parameters.put("ApiVersion", "2010-04-01");
			parameters.put("CallSid", this.sid);
			parameters.put("CallStatus", "in-progress");
			parameters.put("Direction", "inbound");
			parameters.put("From", this.from);
			parameters.put("To", SimulatedCalls.this.hotline.e164());
			parameters.putAll(extra);
			String signature = Signatures.sign(SimulatedCalls.this.settings.authToken(),
					SimulatedCalls.this.settings.publicBaseUrl() + relative, parameters);
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

	private record Gather(String action, int digits, String finishOnKey) {
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
