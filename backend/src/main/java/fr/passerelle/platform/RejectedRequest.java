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

	private final String field;

	public RejectedRequest(HttpStatus status, String messageCode, Object... arguments) {
		this(null, status, messageCode, arguments);
	}

	private RejectedRequest(String field, HttpStatus status, String messageCode, Object... arguments) {
		super(messageCode);
		this.status = status;
		this.messageCode = messageCode;
		this.arguments = arguments;
		this.field = field;
	}

	/**
	 * A value refused (400) for the reason {@code messageCode}, which the screen shows
	 * beside the field it was typed in.
	 * @param field the field's name, as in the request's body ({@code capacity},
	 * {@code shifts[2]})
	 */
	public static RejectedRequest field(String field, String messageCode, Object... arguments) {
		return new RejectedRequest(field, HttpStatus.BAD_REQUEST, messageCode, arguments);
	}

	/**
	 * The same refusal, about the field the caller typed the value in (a phone number
	 * refused where it is parsed, told beside the form's phone field).
	 */
	public RejectedRequest on(String field) {
		return new RejectedRequest(field, this.status, this.messageCode, this.arguments);
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

	/** The field refused, or {@code null} when the request as a whole was. */
	public String field() {
		return this.field;
	}

}
