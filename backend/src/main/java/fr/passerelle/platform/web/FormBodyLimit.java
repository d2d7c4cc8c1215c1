package fr.passerelle.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps form bodies (the citizen's callback form, the sign-in, Twilio's webhooks) within
 * {@value #LIMIT_KB} KB, Tomcat's {@code max-http-form-post-size}: a larger one, declared
 * or sent in chunks, is answered 413 here, before anything reads its parameters, rather
 * than failing later wherever the first parameter is read.
 */
class FormBodyLimit extends OncePerRequestFilter {

	/** As JSON bodies: no form of the application needs more. */
	static final int LIMIT_KB = JsonBodyLimit.LIMIT_KB;

	private static final long LIMIT = LIMIT_KB * 1024L;

	private final MessageSource messages;

	FormBodyLimit(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = (request.getContentType() != null) ? request.getContentType().toLowerCase(Locale.ROOT) : "";
		return !type.startsWith("application/x-www-form-urlencoded");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > LIMIT) {
			refuse(request, response);
			return;
		}
		try {
			// read now, once: Tomcat stops at its limit and says so here
			request.getParameterMap();
		}
		catch (IllegalStateException tooLarge) {
			refuse(request, response);
			return;
		}
		chain.doFilter(request, response);
	}

	/**
	 * Answered here, not through the error page: whatever reads the parameters on the way
	 * to it would fail again.
	 */
	private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Locale locale = "en".equals(request.getLocale().getLanguage()) ? Locale.ENGLISH : Locale.FRENCH;
		String message = this.messages.getMessage("request.too-large", new Object[] { LIMIT_KB }, locale);
		response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
		response.setHeader(HttpHeaders.CONNECTION, "close");
		response.setContentType(MediaType.TEXT_PLAIN_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write(message);
	}

}
