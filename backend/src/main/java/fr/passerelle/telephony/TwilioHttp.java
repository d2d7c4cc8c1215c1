package fr.passerelle.telephony;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient.Redirect;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Supplier;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.HttpClient;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;

/**
 * How Twilio's SDK reaches Twilio's REST API here: over the JDK's HTTP client, at the
 * configured base URL (Twilio's own, the simulator, or a contract-test server), and
 * without the SDK's retries for anything but reads. The SDK retries failed requests,
 * POSTs included, and a POST that failed may still have sent an SMS or placed a call: a
 * creating request is made once, and what it did is checked rather than repeated.
 */
public class TwilioHttp extends HttpClient {

	private static final String TWILIO_ORIGIN = "^https://[^/]+";

	private final java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(Redirect.NEVER)
		.build();

	private final Supplier<String> baseUrl;

	/**
	 * @param baseUrl where requests go instead of {@code https://api.twilio.com} (or any
	 * other Twilio domain); {@code null} for Twilio itself
	 */
	TwilioHttp(Supplier<String> baseUrl) {
		this.baseUrl = baseUrl;
	}

	/**
	 * What went wrong with a request to Twilio, fit for a log: Twilio's error code only,
	 * as its messages may quote a phone number.
	 */
	public static String describe(TwilioException failed) {
		return (failed instanceof ApiException api && api.getCode() != null) ? "Twilio error " + api.getCode()
				: failed.getClass().getSimpleName();
	}

	@Override
	public Response reliableRequest(Request request) {
		if (request.getMethod() == HttpMethod.GET) {
			return super.reliableRequest(request);
		}
		return makeRequest(request);
	}

	@Override
	public Response makeRequest(Request request) {
		String url = request.constructURL().toString();
		if (this.baseUrl != null) {
			url = url.replaceFirst(TWILIO_ORIGIN, this.baseUrl.get());
		}
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(15))
			.header("Accept", "application/json")
			.header("User-Agent", "twilio-java/13.0.1 passerelle");
		if (request.requiresAuthentication()) {
			String credentials = request.getUsername() + ":" + request.getPassword();
			builder.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		request.getHeaderParams().forEach((name, values) -> values.forEach((value) -> builder.header(name, value)));
		switch (request.getMethod()) {
			case GET -> builder.GET();
			case DELETE -> builder.DELETE();
			default -> builder.header("Content-Type", "application/x-www-form-urlencoded")
				.method(request.getMethod().toString(), BodyPublishers.ofString(request.encodeFormBody()));
		}
		try {
			java.net.http.HttpResponse<String> response = this.http.send(builder.build(), BodyHandlers.ofString());
			return new Response(response.body(), response.statusCode());
		}
		catch (IOException ex) {
			throw new ApiConnectionException("Twilio could not be reached at " + url.replaceFirst("\\?.*", ""), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ApiConnectionException("Interrupted while calling Twilio", ex);
		}
	}

}
