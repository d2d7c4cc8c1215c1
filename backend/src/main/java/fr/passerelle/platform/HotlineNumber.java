package fr.passerelle.platform;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The hotline's number, as configured in E.164 ({@code +33199001234}), as a French reader
 * expects it ({@code 01 99 00 12 34}) and as the phone says it. Every call the platform
 * places shows it as caller ID; the citizen site shows it on every page.
 */
@Component
public class HotlineNumber {

	private final String e164;

	@Autowired
	HotlineNumber(Properties properties) {
		this(properties.hotlineNumber());
	}

	public HotlineNumber(String e164) {
		if (e164 == null) {
			throw new IllegalArgumentException("passerelle.twilio.hotline-number must be set (+33…)");
		}
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
	public String spoken() {
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

	/**
	 * @param hotlineNumber {@code passerelle.twilio.hotline-number}, in E.164
	 */
	@ConfigurationProperties("passerelle.twilio")
	record Properties(String hotlineNumber) {
	}

}
