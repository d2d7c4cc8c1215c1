package fr.passerelle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the staff app does over real HTTP: keeps its cookies (session, CSRF) and echoes
 * the CSRF cookie in the {@code X-XSRF-TOKEN} header of state-changing requests, as the
 * browser app does.
 */
public final class StaffClient {

	private final String baseUrl;

	private final CookieManager cookies;

	private final HttpClient http;

	private String language = "fr-FR,fr;q=0.9";

	public StaffClient(int port) {
		this.baseUrl = "http://localhost:" + port;
		this.cookies = new CookieManager();
		this.http = HttpClient.newBuilder().cookieHandler(this.cookies).build();
	}

	private StaffClient(String baseUrl, CookieManager cookies) {
		this.baseUrl = baseUrl;
		this.cookies = cookies;
		this.http = HttpClient.newBuilder().cookieHandler(this.cookies).build();
	}

	/**
	 * The same browser (its cookies, its session) reaching another instance, as a load
	 * balancer may send it.
	 */
	public StaffClient on(int port) {
		return new StaffClient("http://localhost:" + port, this.cookies);
	}

	public StaffClient speaking(String acceptLanguage) {
		this.language = acceptLanguage;
		return this;
	}

	public HttpResponse<String> get(String path) {
		return send(request(path).GET());
	}

	public HttpResponse<String> postForm(String path, Map<String, String> form) {
		String body = form.entrySet()
			.stream()
			.map((e) -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(withCsrf(request(path)).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(body)));
	}

	public HttpResponse<String> postJson(String path, String json) {
		ensureCsrfCookie();
		return send(
				withCsrf(request(path)).header("Content-Type", "application/json").POST(BodyPublishers.ofString(json)));
	}

	public HttpResponse<String> putJson(String path, String json) {
		return send(
				withCsrf(request(path)).header("Content-Type", "application/json").PUT(BodyPublishers.ofString(json)));
	}

	public HttpResponse<String> delete(String path) {
		ensureCsrfCookie();
		return send(withCsrf(request(path)).DELETE());
	}

	/**
	 * Signs in as the app does: a first GET obtains the CSRF cookie, then the form is
	 * posted, with a recovery code for an account of {@link TestAccounts} that has a
	 * second factor.
	 */
	public HttpResponse<String> login(String email, String password) {
		return login(email, password, TestAccounts.nextRecoveryCode(email));
	}

	/**
	 * Signs in with this second factor's code ({@code null}: none).
	 */
	public HttpResponse<String> login(String email, String password, String code) {
		ensureCsrfCookie();
		Map<String, String> form = new LinkedHashMap<>();
		form.put("email", email);
		form.put("password", password);
		if (code != null) {
			form.put("code", code);
		}
		return postForm("/api/auth/login", form);
	}

	public HttpResponse<String> logout() {
		ensureCsrfCookie();
		return postForm("/api/auth/logout", Map.of());
	}

	public Optional<String> cookie(String name) {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals(name))
			.map(HttpCookie::getValue)
			.filter((value) -> !value.isEmpty())
			.findFirst();
	}

	/**
	 * The cookies as a browser sends them ({@code Cookie} header), for a WebSocket
	 * handshake.
	 */
	public String cookieHeader() {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.map((cookie) -> cookie.getName() + "=" + cookie.getValue())
			.collect(Collectors.joining("; "));
	}

	public String baseUrl() {
		return this.baseUrl;
	}

	public void ensureCsrfCookie() {
		if (cookie("XSRF-TOKEN").isEmpty()) {
			get("/api/auth/me");
		}
	}

	public HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Accept", "application/json, text/html;q=0.9")
			.header("Accept-Language", this.language);
	}

	public HttpResponse<String> send(HttpRequest.Builder request) {
		return send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	public <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
		try {
			return this.http.send(request.build(), body);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Echoes the CSRF cookie in the header, as the app does on state-changing requests.
	 */
	public HttpRequest.Builder withCsrf(HttpRequest.Builder request) {
		cookie("XSRF-TOKEN").ifPresent((token) -> request.header("X-XSRF-TOKEN", token));
		return request;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
