package fr.passerelle.telephony;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import com.twilio.security.RequestValidator;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Refuses, with 403, every webhook whose {@code X-Twilio-Signature} does not match: the
 * signature covers the public address Twilio called (the configured base URL, the path
 * and query string) and the posted parameters.
 */
public class WebhookSignatures implements HandlerInterceptor {

	public static final String HEADER = "X-Twilio-Signature";

	private static final Logger log = LoggerFactory.getLogger(WebhookSignatures.class);

	private final TwilioSettings settings;

	private final RequestValidator validator;

	WebhookSignatures(TwilioSettings settings) {
		this.settings = settings;
		this.validator = new RequestValidator(settings.authToken());
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws Exception {
		if (!this.settings.validateSignatures()) {
			return true;
		}
		String signature = request.getHeader(HEADER);
		String url = publicUrl(request);
		if (signature != null && !signature.isBlank()
				&& this.validator.validate(url, postedParameters(request), signature)) {
			return true;
		}
		// the path only: query strings and parameters may carry a caller's number
		log.warn("Refused a webhook to {} with a {} signature", request.getRequestURI(),
				(signature == null || signature.isBlank()) ? "missing" : "wrong");
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		response.setContentType(MediaType.TEXT_PLAIN_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write("Signature Twilio absente ou invalide / missing or invalid Twilio signature");
		return false;
	}

	private String publicUrl(HttpServletRequest request) {
		String query = request.getQueryString();
		return this.settings.publicBaseUrl() + request.getRequestURI() + ((query != null) ? "?" + query : "");
	}

	/**
	 * The parameters of the request's body: Twilio signs those, not the ones of the query
	 * string (which the URL already covers). The servlet API mixes both, so the names
	 * that appear in the query string are left out; our own action URLs never reuse
	 * Twilio's parameter names.
	 */
	private static Map<String, String> postedParameters(HttpServletRequest request) {
		Set<String> inQuery = (request.getQueryString() != null)
				? UriComponentsBuilder.fromUriString("?" + request.getQueryString()).build().getQueryParams().keySet()
				: Set.of();
		Map<String, String> posted = new HashMap<>();
		request.getParameterMap().forEach((name, values) -> {
			if (!inQuery.contains(name) && values.length > 0) {
				posted.put(name, values[0]);
			}
		});
		return posted;
	}

}
