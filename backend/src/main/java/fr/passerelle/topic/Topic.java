package fr.passerelle.topic;

import java.util.Locale;

/**
 * A theme of help requests.
 *
 * @param code stable identifier ({@code CAF}, {@code HEALTH}…)
 * @param nameFr French name, as citizens and volunteers read it
 * @param nameEn English name
 * @param menuDigit the key a caller presses for it on the phone menu ({@code 0}: anything
 * else)
 * @param linkUrl where a citizen can look meanwhile (the service's official site), or
 * {@code null}
 */
public record Topic(String code, String nameFr, String nameEn, char menuDigit, String linkUrl) {

	public String name(Locale locale) {
		return "en".equals(locale.getLanguage()) ? this.nameEn : this.nameFr;
	}

}
