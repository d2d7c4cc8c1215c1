package fr.passerelle.territory;

import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonValue;
import fr.passerelle.platform.RejectedRequest;

import org.springframework.http.HttpStatus;

/**
 * A French postcode: five digits, as typed by a caller or a citizen. Spaces are tolerated
 * ({@code 75 001}).
 */
public record Postcode(String value) {

	private static final Pattern FIVE_DIGITS = Pattern.compile("\\d{5}");

	public Postcode {
		if (value == null || !FIVE_DIGITS.matcher(value).matches()) {
			throw new RejectedRequest(HttpStatus.BAD_REQUEST, "territory.postcode.malformed", value);
		}
	}

	/**
	 * Parses what someone typed.
	 * @throws RejectedRequest when it is not five digits
	 */
	public static Postcode parse(String typed) {
		return new Postcode((typed != null) ? typed.replaceAll("\\s", "") : null);
	}

	@JsonValue
	@Override
	public String toString() {
		return this.value;
	}

}
