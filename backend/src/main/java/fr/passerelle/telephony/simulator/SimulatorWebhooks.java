package fr.passerelle.telephony.simulator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import fr.passerelle.telephony.TwilioSettings;
import fr.passerelle.telephony.WebhookSignatures;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The webhooks of a simulated call, posted to this very server as Twilio posts them: the
 * call's parameters, form-encoded, signed with the auth token over the public address.
 */
@Conditional(SimulatorMode.class)
@Component
class SimulatorWebhooks {

	private final TwilioSettings settings;

	private final Environment environment;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	SimulatorWebhooks(TwilioSettings settings, Environment environment) {
		this.settings = settings;
		this.environment = environment;
	}

	/** Posts a webhook of the call and reads the TwiML it answers. */
	Document fetch(SimulatedCall call, String path, Map<String, String> extra) {
		HttpResponse<byte[]> response = send(call, path, extra);
		if (response.statusCode() != 200) {
			throw new IllegalStateException("webhook " + path + " answered " + response.statusCode());
		}
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			return factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.body()));
		}
		catch (IOException | ParserConfigurationException | SAXException ex) {
			throw new IllegalStateException("webhook " + path + " answered something that is not TwiML", ex);
		}
	}

	/** Posts a webhook of the call, signed as Twilio signs them. */
	HttpResponse<byte[]> send(SimulatedCall call, String path, Map<String, String> extra) {
		String base = this.settings.publicBaseUrl();
		String relative = path.startsWith(base) ? path.substring(base.length()) : path;
		if (!relative.startsWith("/telephony/")) {
			throw new IllegalStateException("the simulator only calls this application's webhooks");
		}
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("AccountSid", this.settings.accountSid());
		parameters.put("ApiVersion", "2010-04-01");
		parameters.putAll(call.twilioParameters());
		parameters.putAll(extra);
		String signature = Signatures.sign(this.settings.authToken(), base + relative, parameters);
		String port = this.environment.getProperty("local.server.port",
				this.environment.getProperty("server.port", "8080"));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + relative))
			.timeout(Duration.ofSeconds(15))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header(WebhookSignatures.HEADER, signature)
			.POST(BodyPublishers.ofString(TwilioSimulator.form(parameters)))
			.build();
		try {
			return this.http.send(request, BodyHandlers.ofByteArray());
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
