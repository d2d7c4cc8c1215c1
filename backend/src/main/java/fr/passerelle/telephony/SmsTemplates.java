package fr.passerelle.telephony;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

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

	private final JdbcClient jdbc;

	SmsTemplates(JdbcClient jdbc) {
		this.jdbc = jdbc;
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
