package fr.passerelle.telephony;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The hotline's number, as configured in E.164 ({@code +33199001234}), as a French reader
 * expects it ({@code 01 99 00 12 34}) and as the phone says it. Every call the platform
 * places shows it as caller ID.
 */
@Component
public class HotlineNumber {

	private final String e164;

	HotlineNumber(@Value("${passerelle.twilio.hotline-number}") String e164) {
		if (!e164.matches("\\+\\d{8,15}")) {
			throw new IllegalArgumentException(
					"passerelle.twilio.hotline-number must be in E.164 form (+33…), got '" + e164 + "'");
		}
		this.e164 = e164;
	}

	public String e164() {
		return this.e164;
	}

	/** {@code 01 99 00 12 34}, with non-breaking spaces. */
	public String display() {
		return inPairs("\u00a0");
	}

	/** {@code 01, 99, 00, 12, 34}: read pair by pair, as French numbers are. */
	String spoken() {
		return inPairs(", ");
	}

	private String inPairs(String separator) {
		if (!this.e164.startsWith("+33") || this.e164.length() != 12) {
			return this.e164;
		}
		String national = "0" + this.e164.substring(3);
		StringBuilder grouped = new StringBuilder();
		for (int i = 0; i < national.length(); i += 2) {
			grouped.append((i > 0) ? separator : "").append(national, i, i + 2);
		}
		return grouped.toString();
	}

}
