package fr.passerelle.privacy;

import java.util.Map;
import java.util.Set;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber;
import fr.passerelle.platform.RejectedRequest;

import org.springframework.http.HttpStatus;

/**
 * A phone number in France or one of its five overseas départements that the help desk
 * can call back, in E.164 form ({@code +33612345678}). Parsed once from what someone
 * typed ({@code 06 12 34 56 78}, {@code 0692 12 34 56}, {@code +33 6…}); never written to
 * logs ({@link #toString()} masks it).
 */
public final class PhoneNumber {

	private static final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

	/** Metropolitan France, La Réunion, Mayotte, Guadeloupe, Martinique, Guyane. */
	private static final Set<String> REGIONS = Set.of("FR", "RE", "YT", "GP", "MQ", "GF");

	/**
	 * Overseas numbers dialled in the national ten-digit form, by their first four digits
	 * (ARCEP's numbering plan): the same digits after the leading 0 belong to different
	 * country codes.
	 */
	private static final Map<String, String> OVERSEAS_PREFIXES = Map.ofEntries(Map.entry("0262", "RE"),
			Map.entry("0263", "RE"), Map.entry("0692", "RE"), Map.entry("0693", "RE"), Map.entry("0269", "YT"),
			Map.entry("0639", "YT"), Map.entry("0590", "GP"), Map.entry("0690", "GP"), Map.entry("0691", "GP"),
			Map.entry("0596", "MQ"), Map.entry("0696", "MQ"), Map.entry("0697", "MQ"), Map.entry("0594", "GF"),
			Map.entry("0694", "GF"));

	private static final Set<PhoneNumberType> CALLABLE = Set.of(PhoneNumberType.FIXED_LINE, PhoneNumberType.MOBILE,
			PhoneNumberType.FIXED_LINE_OR_MOBILE, PhoneNumberType.VOIP);

	private final String e164;

	private PhoneNumber(String e164) {
		this.e164 = e164;
	}

	/**
	 * Parses what someone typed.
	 * @throws RejectedRequest ({@code phone.malformed}, {@code phone.foreign},
	 * {@code phone.not-callable}) when it is not a number, not a French one, or one we
	 * must not call (premium rate, short codes…)
	 */
	public static PhoneNumber parse(String typed) {
		if (typed == null || typed.isBlank() || typed.length() > 30) {
			throw new RejectedRequest(HttpStatus.BAD_REQUEST, "phone.malformed");
		}
		String digits = typed.replaceAll("[\\s.\\-()]", "");
		String region = (digits.length() == 10) ? OVERSEAS_PREFIXES.getOrDefault(digits.substring(0, 4), "FR") : "FR";
		Phonenumber.PhoneNumber candidate = tryParse(typed, region);
		if (candidate == null || !util.isValidNumber(candidate)) {
			throw new RejectedRequest(HttpStatus.BAD_REQUEST, "phone.malformed");
		}
		if (!REGIONS.contains(util.getRegionCodeForNumber(candidate))) {
			throw new RejectedRequest(HttpStatus.BAD_REQUEST, "phone.foreign");
		}
		if (!CALLABLE.contains(util.getNumberType(candidate))) {
			throw new RejectedRequest(HttpStatus.BAD_REQUEST, "phone.not-callable");
		}
		return new PhoneNumber(util.format(candidate, PhoneNumberFormat.E164));
	}

	/**
	 * A number read back from storage, already checked when it was first parsed.
	 */
	static PhoneNumber ofE164(String e164) {
		return new PhoneNumber(e164);
	}

	public String e164() {
		return this.e164;
	}

	/**
	 * The number as a French reader writes it, with the middle hidden:
	 * {@code 06 •• •• •• 42}.
	 */
	public String masked() {
		String national = national();
		return national.substring(0, 2) + " •• •• •• " + national.substring(national.length() - 2);
	}

	/**
	 * The ten-digit national form ({@code 0612345678}, {@code 0692123456}).
	 */
	private String national() {
		try {
			Phonenumber.PhoneNumber parsed = util.parse(this.e164, null);
			return "0" + util.getNationalSignificantNumber(parsed);
		}
		catch (NumberParseException ex) {
			throw new IllegalStateException("Stored phone number is not E.164", ex);
		}
	}

	private static Phonenumber.PhoneNumber tryParse(String typed, String region) {
		try {
			return util.parse(typed, region);
		}
		catch (NumberParseException ex) {
			return null;
		}
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof PhoneNumber phone && phone.e164.equals(this.e164);
	}

	@Override
	public int hashCode() {
		return this.e164.hashCode();
	}

	@Override
	public String toString() {
		return masked();
	}

}
