package fr.passerelle.account;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Writes an RFC 9457 problem from the security filters, which run before Spring MVC and
 * its error handling.
 */
@Component
class ProblemWriter {

	private final MessageSource messages;

	private final LocaleResolver localeResolver;

	private final JsonMapper json;

	ProblemWriter(MessageSource messages, LocaleResolver localeResolver, JsonMapper json) {
		this.messages = messages;
		this.localeResolver = localeResolver;
		this.json = json;
	}

	void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String messageCode,
			Object... arguments) throws IOException {
		var locale = this.localeResolver.resolveLocale(request);
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title",
				this.messages.getMessage("problem.title." + status.value(), null, status.getReasonPhrase(), locale));
		problem.put("status", status.value());
		problem.put("detail", this.messages.getMessage(messageCode, arguments, locale));
		problem.put("instance", request.getRequestURI());
		problem.put("code", messageCode);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getOutputStream().write(this.json.writeValueAsBytes(problem));
	}

}
