package fr.passerelle.platform;

import org.springframework.http.HttpStatus;

/**
 * A request refused because of what the caller sent or may do, never because of a fault
 * of ours. Answered with an RFC 9457 problem whose detail is the message
 * {@code messageCode} of the catalogue, in the caller's language.
 */
public class RejectedRequest extends RuntimeException {

	private final HttpStatus status;

	private final String messageCode;

	private final transient Object[] arguments;

	public RejectedRequest(HttpStatus status, String messageCode, Object... arguments) {
		super(messageCode);
		this.status = status;
		this.messageCode = messageCode;
		this.arguments = arguments;
	}

	public HttpStatus status() {
		return this.status;
	}

	public String messageCode() {
		return this.messageCode;
	}

	public Object[] arguments() {
		return this.arguments;
	}

}
