package fr.passerelle.chaos;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The reverse proxy in front of the instances, as nginx's {@code proxy_next_upstream
 * error} behaves: each request goes to the next instance in turn, and to the following
 * one only when the connection could not even be made (nothing was sent). A request cut
 * once sent fails, as it would reach Twilio or a browser: what then happens is theirs to
 * decide (Twilio's fallback URL, a citizen pressing again). One connection per request,
 * as from a proxy without upstream keep-alive.
 */
final class Proxy {

	private final List<PasserelleInstance> instances;

	private final AtomicInteger next = new AtomicInteger();

	Proxy(List<PasserelleInstance> instances) {
		this.instances = List.copyOf(instances);
	}

	/**
	 * Posts a form.
	 * @throws IOException when no instance took the connection, or the request was cut or
	 * timed out once sent
	 */
	Response post(String path, String form, Map<String, String> headers) throws IOException {
		int first = Math.floorMod(this.next.getAndIncrement(), this.instances.size());
		ConnectException refused = null;
		for (int i = 0; i < this.instances.size(); i++) {
			PasserelleInstance instance = this.instances.get((first + i) % this.instances.size());
			try {
				return post(instance, path, form, headers);
			}
			catch (ConnectException nothingSent) {
				refused = nothingSent;
			}
		}
		throw refused;
	}

	private static Response post(PasserelleInstance instance, String path, String form, Map<String, String> headers)
			throws IOException {
		HttpURLConnection connection = (HttpURLConnection) URI.create(instance.base() + path).toURL().openConnection();
		try {
			connection.setConnectTimeout(2000);
			// Twilio waits 15 s for a webhook's answer
			connection.setReadTimeout(15_000);
			connection.setInstanceFollowRedirects(false);
			connection.setRequestMethod("POST");
			connection.setDoOutput(true);
			connection.setRequestProperty("Connection", "close");
			connection.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
			headers.forEach(connection::setRequestProperty);
			connection.connect();
			try (OutputStream body = connection.getOutputStream()) {
				body.write(form.getBytes(StandardCharsets.UTF_8));
			}
			int status = connection.getResponseCode();
			try (InputStream answer = (status < 400) ? connection.getInputStream() : connection.getErrorStream()) {
				String text = (answer != null) ? new String(answer.readAllBytes(), StandardCharsets.UTF_8) : "";
				return new Response(status, text, instance.name());
			}
		}
		finally {
			connection.disconnect();
		}
	}

	record Response(int status, String body, String instance) {

		boolean failed() {
			return this.status >= 500;
		}

	}

}
