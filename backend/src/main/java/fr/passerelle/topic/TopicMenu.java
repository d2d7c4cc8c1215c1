package fr.passerelle.topic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import fr.passerelle.account.Role;
import fr.passerelle.account.StaffAccount;
import fr.passerelle.platform.RejectedRequest;
import fr.passerelle.privacy.AuditAction;
import fr.passerelle.privacy.AuditLog;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The themes and the phone menu as national coordinators and administrators set them:
 * labels, what the menu says, order, keys, offered or not. A theme is never deleted
 * (requests, tutorials and figures keep it): it stops being offered. A menu that would
 * put two themes on one key, or offer more than ten, is refused; the fallback theme stays
 * offered on key 0, where a caller who chooses nothing ends up. Every change goes to the
 * audit log with what it replaced, and is refused (409) when the menu changed since it
 * was read; every instance follows within seconds ({@link Topics}).
 */
@Service
public class TopicMenu {

	/** One key each, 0 to 9. */
	static final int MOST_OFFERED = 10;

	private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,29}");

	private static final Pattern LINK = Pattern.compile("https://[^\\s\"<>]{3,247}");

	private final JdbcClient jdbc;

	private final Topics topics;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	TopicMenu(JdbcClient jdbc, Topics topics, AuditLog audit, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.topics = topics;
		this.audit = audit;
		this.transactions = new TransactionTemplate(transactions);
	}

	/** Every theme in the menu's order, with the version read. */
	Menu read() {
		Topics.Snapshot snapshot = this.topics.read();
		return new Menu(snapshot.topics(), snapshot.version());
	}

	/**
	 * Replaces the themes and the menu: the list holds every theme (new ones are added),
	 * in the menu's order.
	 * @throws RejectedRequest (400, beside the field) for a code, label, prompt or link
	 * that cannot be, an offered theme without a key, two themes on one key, more than
	 * ten offered, a theme left out, or the fallback theme off key 0; (403) for a
	 * regional coordinator; (409) when the menu changed since {@code version}
	 */
	Menu replace(StaffAccount who, List<Topic> wanted, int version) {
		if (who.role() == Role.COORDINATOR && who.regionCode() != null) {
			throw new RejectedRequest(HttpStatus.FORBIDDEN, "topic.menu.national");
		}
		Menu before = read();
		List<Topic> menu = check(wanted, before.topics());
		this.transactions.executeWithoutResult((status) -> {
			if (this.jdbc.sql("UPDATE topic_menu_state SET version = version + 1 WHERE id = 1 AND version = ?")
				.param(version)
				.update() == 0) {
				throw new RejectedRequest(HttpStatus.CONFLICT, "problem.changed-meanwhile");
			}
			// keys are unique: free them all before giving them again
			this.jdbc.sql("UPDATE topic SET menu_digit = NULL").update();
			for (int i = 0; i < menu.size(); i++) {
				write(menu.get(i), i + 1);
			}
		});
		this.topics.refresh();
		this.audit.record(AuditAction.TOPIC_MENU_CHANGED, "topic/menu",
				Map.of("before", describe(before.topics()), "after", describe(menu)));
		return read();
	}

	private List<Topic> check(List<Topic> wanted, List<Topic> existing) {
		List<Topic> menu = new ArrayList<>();
		Set<String> codes = new HashSet<>();
		Map<Character, Integer> keys = new HashMap<>();
		int offered = 0;
		for (int i = 0; i < wanted.size(); i++) {
			Topic topic = wanted.get(i);
			String at = "topics[" + i + "].";
			if (topic.code() == null || !CODE.matcher(topic.code()).matches()) {
				throw RejectedRequest.field(at + "code", "topic.code.invalid");
			}
			if (!codes.add(topic.code())) {
				throw RejectedRequest.field(at + "code", "topic.code.twice");
			}
			String nameFr = text(topic.nameFr(), 120, at + "nameFr", "topic.name.invalid");
			String nameEn = text(topic.nameEn(), 120, at + "nameEn", "topic.name.invalid");
			String spoken = optional(topic.spokenFr(), 200, at + "spokenFr", "topic.spoken.invalid");
			String link = optional(topic.linkUrl(), 255, at + "linkUrl", "topic.link.invalid");
			if (link != null && !LINK.matcher(link).matches()) {
				throw RejectedRequest.field(at + "linkUrl", "topic.link.invalid");
			}
			Character digit = topic.active() ? topic.menuDigit() : null;
			if (topic.active()) {
				if (digit == null || digit < '0' || digit > '9') {
					throw RejectedRequest.field(at + "menuDigit", "topic.menu.key");
				}
				Integer other = keys.put(digit, i);
				if (other != null) {
					throw RejectedRequest.field(at + "menuDigit", "topic.menu.key-taken", digit,
							wanted.get(other).nameFr());
				}
				if (++offered > MOST_OFFERED) {
					throw RejectedRequest.field(at + "active", "topic.menu.too-many", MOST_OFFERED);
				}
			}
			if (Topic.FALLBACK.equals(topic.code()) && (digit == null || digit != '0')) {
				throw RejectedRequest.field(at + "menuDigit", "topic.menu.fallback");
			}
			menu.add(new Topic(topic.code(), nameFr, nameEn, digit, link, spoken, topic.active()));
		}
		for (Topic kept : existing) {
			if (!codes.contains(kept.code())) {
				throw RejectedRequest.field("topics", "topic.menu.missing", kept.nameFr());
			}
		}
		return menu;
	}

	private void write(Topic topic, int position) {
		String digit = (topic.menuDigit() != null) ? topic.menuDigit().toString() : null;
		int updated = this.jdbc.sql("""
				UPDATE topic SET name_fr = ?, name_en = ?, menu_digit = ?, position = ?, link_url = ?, spoken_fr = ?,
				active = ? WHERE code = ?""")
			.params(topic.nameFr(), topic.nameEn(), digit, position, topic.linkUrl(), topic.spokenFr(), topic.active(),
					topic.code())
			.update();
		if (updated == 0) {
			this.jdbc.sql("""
					INSERT INTO topic (code, name_fr, name_en, menu_digit, position, link_url, spoken_fr, active)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(topic.code(), topic.nameFr(), topic.nameEn(), digit, position, topic.linkUrl(),
						topic.spokenFr(), topic.active())
				.update();
		}
	}

	private static String text(String value, int longest, String field, String code) {
		String stripped = (value != null) ? value.strip() : "";
		if (stripped.isEmpty() || stripped.length() > longest) {
			throw RejectedRequest.field(field, code, longest);
		}
		return stripped;
	}

	private static String optional(String value, int longest, String field, String code) {
		return (value == null || value.isBlank()) ? null : text(value, longest, field, code);
	}

	private static List<String> describe(List<Topic> topics) {
		List<String> described = new ArrayList<>();
		for (Topic topic : topics) {
			Map<String, Object> line = new LinkedHashMap<>();
			line.put("key", (topic.active() && topic.menuDigit() != null) ? topic.menuDigit().toString() : "-");
			line.put("code", topic.code());
			line.put("name", topic.nameFr());
			line.put("spoken", (topic.spokenFr() != null) ? topic.spokenFr() : "");
			described.add(line.toString());
		}
		return described;
	}

	/**
	 * The themes as read.
	 *
	 * @param topics every theme, offered or not, in the menu's order
	 * @param version goes with a change, so that none is overwritten
	 */
	record Menu(List<Topic> topics, int version) {
	}

}
