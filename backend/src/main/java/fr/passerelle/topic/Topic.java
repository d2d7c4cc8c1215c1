package fr.passerelle.topic;

import java.util.Locale;

/**
 * A theme of help requests.
 *
 * @param code stable identifier ({@code CAF}, {@code HEALTH}…)
 * @param nameFr French name, as citizens and volunteers read it
 * @param nameEn English name
 * @param menuDigit the key a caller presses for it on the phone menu ({@code 0}: anything
 * else), {@code null} for a theme no longer offered
 * @param linkUrl where a citizen can look meanwhile (the service's official site), or
 * {@code null}
 * @param spokenFr what the phone menu says for it ("Pour …, tapez 1"), {@code null} for
 * its name
 * @param active whether new requests may take it (on the phone menu and the callback
 * form); requests made before keep it
 */
public record Topic(String code, String nameFr, String nameEn, Character menuDigit, String linkUrl, String spokenFr,
		boolean active) {

	/**
	 * The theme of a caller who chose nothing, and of the callbacks the fallback path
	 * keeps: always offered, on key 0.
	 */
	public static final String FALLBACK = "OTHER";

	public String name(Locale locale) {
		return "en".equals(locale.getLanguage()) ? this.nameEn : this.nameFr;
	}

	/** Whether a caller reaches it with this key. */
	public boolean onKey(char digit) {
		return this.active && this.menuDigit != null && this.menuDigit == digit;
	}

}
