package fr.passerelle.telephony;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Twilio's SDK over {@link TwilioHttp}, against a local server that plays Twilio.
 */
class TwilioHttpTests {

	private static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";

	private final List<String> requests = new CopyOnWriteArrayList<>();

	private HttpServer server;

	private volatile String redirect;

	private volatile int status = 503;

	private volatile String answer = "{\"code\": 20500, \"message\": \"Internal Server Error\", \"status\": 503}";

	@BeforeEach
	void playTwilio() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", (exchange) -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			this.requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
					+ exchange.getRequestHeaders().getFirst("Authorization") + " " + body);
			byte[] bytes = this.answer.getBytes(StandardCharsets.UTF_8);
			if (this.redirect != null) {
				exchange.getResponseHeaders().add("Location", this.redirect);
			}
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(this.status, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		});
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	@Test
	void sendsAFailedCreationOnceWhereTheSdkWouldRetryIt() {
		assertThatExceptionOfType(ApiException.class).isThrownBy(
				() -> Message.creator(new PhoneNumber("+33612345678"), new PhoneNumber("+33199001234"), "Bonjour")
					.create(client()));

		assertThat(this.requests).hasSize(1);
	}

	@Test
	void neverFollowsARedirectElsewhere() {
		this.status = 307;
		this.redirect = "http://127.0.0.1:" + this.server.getAddress().getPort() + "/elsewhere";
		this.answer = "{\"sid\": \"SM1\", \"status\": \"queued\"}";

		try {
			Message.creator(new PhoneNumber("+33612345678"), new PhoneNumber("+33199001234"), "Bonjour")
				.create(client());
		}
		catch (RuntimeException refused) {
			// whether the SDK takes a 307 for an answer or not, only what was sent
			// matters
		}

		assertThat(this.requests).hasSize(1).noneSatisfy((request) -> assertThat(request).contains("/elsewhere"));
	}

	@Test
	void retriesAFailedRead() {
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> Message.fetcher("SM0123456789abcdef0123456789abcdef").fetch(client()));

		assertThat(this.requests).hasSizeGreaterThan(1).allSatisfy((request) -> assertThat(request).startsWith("GET"));
	}

	@Test
	void postsTwiliosFormWithBasicAuthenticationToTheConfiguredAddress() {
		this.status = 201;
		this.answer = "{\"sid\": \"SM1\", \"status\": \"queued\", \"body\": \"Bonjour\"}";

		Message message = Message
			.creator(new PhoneNumber("+33612345678"), new PhoneNumber("+33199001234"), "Bonjour à vous")
			.create(client());

		assertThat(message.getSid()).isEqualTo("SM1");
		assertThat(message.getStatus()).isEqualTo(Message.Status.QUEUED);
		assertThat(this.requests).singleElement().satisfies((request) -> {
			assertThat(request).startsWith("POST /twilio/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json Basic ");
			assertThat(request).contains("To=%2B33612345678", "From=%2B33199001234", "Body=Bonjour+%C3%A0+vous");
		});
	}

	private TwilioRestClient client() {
		String base = "http://127.0.0.1:" + this.server.getAddress().getPort() + "/twilio";
		return new TwilioRestClient.Builder(ACCOUNT, "token").httpClient(new TwilioHttp(() -> base)).build();
	}

}
