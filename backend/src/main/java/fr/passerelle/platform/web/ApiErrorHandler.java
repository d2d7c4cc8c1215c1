package fr.passerelle.platform.web;

import java.util.List;
import java.util.Locale;

import fr.passerelle.platform.RejectedRequest;
import fr.passerelle.platform.RequestRefused;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers every refused request with an RFC 9457 problem whose title and detail come from
 * the message catalogue, in the caller's language. Spring MVC's own refusals (unreadable
 * body, wrong method, unknown resource…) get the same shape, with a catalogue message per
 * status instead of the framework's English text.
 */
@RestControllerAdvice
class ApiErrorHandler extends ResponseEntityExceptionHandler {

	private final MessageSource messages;

	private final ApplicationEventPublisher events;

	ApiErrorHandler(MessageSource messages, ApplicationEventPublisher events) {
		this.messages = messages;
		this.events = events;
	}

	@ExceptionHandler(RejectedRequest.class)
	ProblemDetail rejected(RejectedRequest rejection, HttpServletRequest request) {
		if (rejection.status() == HttpStatus.FORBIDDEN) {
			this.events.publishEvent(
					new RequestRefused(request.getMethod(), request.getRequestURI(), rejection.messageCode()));
		}
		return problem(rejection);
	}

	private ProblemDetail problem(RejectedRequest rejection) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(rejection.status(),
				message(rejection.messageCode(), rejection.arguments()));
		problem.setTitle(title(rejection.status().value()));
		problem.setProperty("code", rejection.messageCode());
		if (rejection.field() != null) {
			problem.setProperty("fields", List.of(new FieldProblem(rejection.field(), problem.getDetail())));
		}
		return problem;
	}

	/**
	 * A body that could not be read because a value object refused it while being built
	 * (an outcome whose answers do not hold together…): the value object's own message
	 * says more than "malformed".
	 */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Throwable cause = ex;
		while (cause != null && !(cause instanceof RejectedRequest)) {
			cause = cause.getCause();
		}
		if (cause instanceof RejectedRequest rejection) {
			return ResponseEntity.status(rejection.status()).body(problem(rejection));
		}
		return super.handleHttpMessageNotReadable(ex, headers, status, request);
	}

	/**
	 * Two people saving the same thing at once: the second is told, rather than
	 * overwriting the first's change.
	 */
	@ExceptionHandler(OptimisticLockingFailureException.class)
	ProblemDetail changedMeanwhile(OptimisticLockingFailureException conflict) {
		return problem(new RejectedRequest(HttpStatus.CONFLICT, "problem.changed-meanwhile"));
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ProblemDetail constraintViolated(ConstraintViolationException violation) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message("problem.validation"));
		problem.setTitle(title(HttpStatus.BAD_REQUEST.value()));
		return problem;
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Locale locale = LocaleContextHolder.getLocale();
		List<FieldProblem> fields = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> new FieldProblem(error.getField(), this.messages.getMessage(error, locale)))
			.toList();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message("problem.validation"));
		problem.setTitle(title(HttpStatus.BAD_REQUEST.value()));
		problem.setProperty("fields", fields);
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
			WebRequest request) {
		if (body instanceof ProblemDetail problem && problem.getProperties() == null) {
			problem.setTitle(title(status.value()));
			problem.setDetail(this.messages.getMessage("problem.detail." + status.value(), null, problem.getDetail(),
					LocaleContextHolder.getLocale()));
		}
		return super.createResponseEntity(body, headers, status, request);
	}

	private String title(int status) {
		HttpStatus known = HttpStatus.resolve(status);
		return this.messages.getMessage("problem.title." + status, null,
				(known != null) ? known.getReasonPhrase() : String.valueOf(status), LocaleContextHolder.getLocale());
	}

	private String message(String code, Object... arguments) {
		return this.messages.getMessage(code, arguments, LocaleContextHolder.getLocale());
	}

	record FieldProblem(String field, String message) {
	}

}
