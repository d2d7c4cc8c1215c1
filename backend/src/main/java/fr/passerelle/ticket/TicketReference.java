package fr.passerelle.ticket;

import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonValue;
import fr.passerelle.platform.RejectedRequest;

import org.springframework.http.HttpStatus;

/**
 * The short reference a citizen reads or hears ({@code K7F-4QX}): six characters from an
 * alphabet without the ones that sound or look alike (no 0/O, 1/I/L, 2/Z, 5/S, 8/B), so
 * that it survives being spelt over the phone.
 */
public record TicketReference(String value) {

	public static final String ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";

	private static final Pattern FORMAT = Pattern.compile("[" + ALPHABET + "]{3}-[" + ALPHABET + "]{3}");

	public TicketReference {
		if (value == null || !FORMAT.matcher(value).matches()) {
			throw new RejectedRequest(HttpStatus.BAD_REQUEST, "ticket.reference.malformed");
		}
	}

	static TicketReference random(RandomGenerator random) {
		StringBuilder reference = new StringBuilder(7);
		for (int i = 0; i < 6; i++) {
			if (i == 3) {
				reference.append('-');
			}
			reference.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return new TicketReference(reference.toString());
	}

	/**
	 * Reads a reference as someone typed it: any case, with or without the dash or
	 * spaces.
	 */
	public static TicketReference parse(String typed) {
		String compact = (typed != null) ? typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT) : "";
		if (compact.length() != 6) {
			throw new RejectedRequest(HttpStatus.BAD_REQUEST, "ticket.reference.malformed");
		}
		return new TicketReference(compact.substring(0, 3) + "-" + compact.substring(3));
	}

	/**
	 * Character by character, as the phone menu says it.
	 */
	public String spelt() {
		return String.join(" ", this.value.replace("-", "").split(""));
	}

	@JsonValue
	@Override
	public String toString() {
		return this.value;
	}

}
