package fr.passerelle.telephony;

import fr.passerelle.telephony.simulator.Signatures;
import fr.passerelle.telephony.simulator.TwilioSimulator;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationContext;

/**
 * Incoming-call webhooks signed beforehand, for benchmarks outside this package (so that
 * the load generator does not take the server's cores while it is measured).
 */
public final class BenchCalls {

	private static final String PATH = "/telephony/voice/incoming";

	private final TwilioSettings settings;

	private final String base;

	public BenchCalls(ApplicationContext app, String base) {
		this.settings = app.getBean(TwilioSettings.class);
		this.base = base;
	}

	public List<HttpRequest> signed(int count, String series) {
		List<HttpRequest> requests = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			Map<String, String> parameters = new LinkedHashMap<>();
			parameters.put("AccountSid", this.settings.accountSid());
			parameters.put("CallSid", String.format("CA%s%031d", series, i));
			parameters.put("CallStatus", "ringing");
			parameters.put("Direction", "inbound");
			parameters.put("From", String.format("+3362%07d", i % 10_000_000));
			parameters.put("To", "+33199001234");
			String signature = Signatures.sign(this.settings.authToken(), this.settings.publicBaseUrl() + PATH,
					parameters);
			requests.add(HttpRequest.newBuilder(URI.create(this.base + PATH))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header(WebhookSignatures.HEADER, signature)
				.POST(BodyPublishers.ofString(TwilioSimulator.form(parameters)))
				.build());
		}
		return requests;
	}

}
