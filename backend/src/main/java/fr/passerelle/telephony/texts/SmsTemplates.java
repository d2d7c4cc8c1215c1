package fr.passerelle.telephony.texts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.passerelle.platform.RejectedRequest;

import org.springframework.http.HttpStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The texts' wording, kept in the database so that coordinators can change it. A
 * placeholder such as {@code {reference}} is replaced by its value; an unknown one is
 * left as it is.
 */
@Component
class SmsTemplates {

	static final String CALLBACK_CONFIRMATION = "CALLBACK_CONFIRMATION";

	static final String UNREACHABLE = "UNREACHABLE";

	static final String INBOUND_REPLY = "INBOUND_REPLY";

	static final String TUTORIAL_LINK = "TUTORIAL_LINK";

	/** What each template may say, as placeholders. */
	static final Map<String, Set<String>> PLACEHOLDERS = Map.of(CALLBACK_CONFIRMATION,
			Set.of("reference", "when", "hotline", "link"), UNREACHABLE, Set.of("reference", "hotline"), INBOUND_REPLY,
			Set.of("hotline"), TUTORIAL_LINK, Set.of("title", "link"));

	/**
	 * About four SMS: 160 characters each, or 70 when the text needs characters outside
	 * the GSM alphabet (ê, ç…).
	 */
	static final int MAX_LENGTH = 640;

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

	private final JdbcClient jdbc;

	private final Clock clock;

	SmsTemplates(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	List<Template> all() {
		return this.jdbc.sql("SELECT code, body_fr, updated_at FROM sms_template ORDER BY code")
			.query((rs, row) -> new Template(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
					new TreeSet<>(PLACEHOLDERS.getOrDefault(rs.getString(1), Set.of()))))
			.list();
	}

	/**
	 * Replaces a template's wording; the same wording again changes nothing.
	 * @throws RejectedRequest when the template does not exist, or the text is empty, too
	 * long or uses a placeholder the template does not know
	 */
	@Transactional
	Template update(String code, String body) {
		Set<String> allowed = PLACEHOLDERS.get(code);
		if (allowed == null) {
			throw new RejectedRequest(HttpStatus.NOT_FOUND, "sms.template.unknown");
		}
		String text = (body != null) ? body.strip() : "";
		if (text.isEmpty() || text.length() > MAX_LENGTH) {
			throw RejectedRequest.field("body", "sms.template.length", MAX_LENGTH);
		}
		Matcher placeholders = PLACEHOLDER.matcher(text);
		while (placeholders.find()) {
			if (!allowed.contains(placeholders.group(1))) {
				throw RejectedRequest.field("body", "sms.template.placeholder", placeholders.group(),
						String.join(", ", new TreeSet<>(allowed).stream().map((name) -> "{" + name + "}").toList()));
			}
		}
		this.jdbc.sql("UPDATE sms_template SET body_fr = ?, updated_at = ? WHERE code = ? AND body_fr <> ?")
			.params(text, Timestamp.from(this.clock.instant()), code, text)
			.update();
		return all().stream().filter((template) -> template.code().equals(code)).findFirst().orElseThrow();
	}

	/**
	 * A template as coordinators edit it.
	 *
	 * @param code what it is for
	 * @param body its French wording
	 * @param updatedAt when it last changed
	 * @param placeholders the placeholders it may use
	 */
	record Template(String code, String body, Instant updatedAt, Set<String> placeholders) {
	}

	String render(String code, Map<String, String> values) {
		String text = this.jdbc.sql("SELECT body_fr FROM sms_template WHERE code = ?")
			.param(code)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new IllegalStateException("No SMS template " + code));
		for (Map.Entry<String, String> value : values.entrySet()) {
			text = text.replace("{" + value.getKey() + "}", value.getValue());
		}
		return text;
	}

}
