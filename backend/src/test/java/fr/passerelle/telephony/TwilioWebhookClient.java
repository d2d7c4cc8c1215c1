package fr.passerelle.telephony;

import fr.passerelle.telephony.simulator.Signatures;
import fr.passerelle.telephony.simulator.TwilioSimulator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;

/**
 * Posts webhooks as Twilio does: form parameters, signed with the account's auth token
 * over the public URL and the sorted parameters (with the simulator's signer, written
 * from Twilio's published algorithm; the application checks them with the SDK's
 * validator).
 */
public final class TwilioWebhookClient {

	public static final String PUBLIC_BASE_URL = "https://passerelle.example";

	public static final String AUTH_TOKEN = "test-auth-token-not-a-secret";

	private final HttpClient http = HttpClient.newHttpClient();

	private final String localBaseUrl;

	public TwilioWebhookClient(int port) {
		this.localBaseUrl = "http://localhost:" + port;
	}

	/** Posts {@code path} signed for the public URL with the right token. */
	public HttpResponse<String> post(String path, Map<String, String> parameters) {
		return post(path, parameters, signature(AUTH_TOKEN, PUBLIC_BASE_URL + path, parameters));
	}

	public HttpResponse<String> post(String path, Map<String, String> parameters, String signature) {
		return post(path, parameters, signature, null);
	}

	/**
	 * Posts {@code path} signed for the public URL, delivered with an idempotency token
	 * as Twilio does.
	 */
	public HttpResponse<String> postDelivery(String path, Map<String, String> parameters, String idempotencyToken) {
		return post(path, parameters, signature(AUTH_TOKEN, PUBLIC_BASE_URL + path, parameters), idempotencyToken);
	}

	public HttpResponse<String> post(String path, Map<String, String> parameters, String signature,
			String idempotencyToken) {
		String body = TwilioSimulator.form(parameters);
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.localBaseUrl + path))
			.header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
			.POST(BodyPublishers.ofString(body));
		if (signature != null) {
			request.header("X-Twilio-Signature", signature);
		}
		if (idempotencyToken != null) {
			request.header("I-Twilio-Idempotency-Token", idempotencyToken);
		}
		try {
			return this.http.send(request.build(), BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** As Twilio signs: the URL, then each POST parameter sorted by name. */
	public static String signature(String authToken, String url, Map<String, String> parameters) {
		return Signatures.sign(authToken, url, parameters);
	}

	/** What Twilio sends with every voice webhook of one inbound call. */
	public static Map<String, String> call(String callSid, String from) {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("AccountSid", "AC00000000000000000000000000000000");
		parameters.put("CallSid", callSid);
		parameters.put("From", from);
		parameters.put("To", "+33199001234");
		parameters.put("Direction", "inbound");
		parameters.put("CallStatus", "in-progress");
		return parameters;
	}

	public static Map<String, String> pressed(Map<String, String> call, String digits) {
		Map<String, String> parameters = new LinkedHashMap<>(call);
		parameters.put("Digits", digits);
		return parameters;
	}

	public static Document twiml(HttpResponse<String> response) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			return factory.newDocumentBuilder()
				.parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new AssertionError("not TwiML: " + response.body(), ex);
		}
	}

}
