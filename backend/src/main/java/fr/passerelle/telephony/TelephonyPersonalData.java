package fr.passerelle.telephony;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.passerelle.privacy.PersonalData;
import fr.passerelle.ticket.TicketQueries;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the hotline keeps about a number: the texts sent to it (their bodies), the calls
 * of its requests (when, how long; never the number) and the callback requests kept on
 * disk while the database was down. Erasing empties the texts' bodies and deletes the
 * kept requests; the calls' records, once their requests have lost the number, are about
 * nobody. Before the requests' holder, which cuts the link these are found through.
 */
@Component
@Order(10)
class TelephonyPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	private final TicketQueries tickets;

	private final FallbackSpool spool;

	TelephonyPersonalData(JdbcClient jdbc, TicketQueries tickets, FallbackSpool spool) {
		this.jdbc = jdbc;
		this.tickets = tickets;
		this.spool = spool;
	}

	@Override
	public String name() {
		return "hotline";
	}

	@Override
	@Transactional(readOnly = true)
	public List<Map<String, Object>> find(DataSubject subject) {
		List<Long> requests = this.tickets.requestsFrom(subject.lookupHashes());
		List<Map<String, Object>> kept = new ArrayList<>();
		if (!requests.isEmpty()) {
			kept.addAll(this.jdbc.sql("""
					SELECT created_at, sent_at, template_code, body, status FROM sms_message
					WHERE ticket_id IN (:ids) ORDER BY created_at, id""")
				.param("ids", requests)
				.query((rs, n) -> item("text", "createdAt", rs.getTimestamp(1).toInstant(), "sentAt",
						(rs.getTimestamp(2) != null) ? rs.getTimestamp(2).toInstant() : null, "template",
						rs.getString(3), "body", rs.getString(4), "status", rs.getString(5)))
				.list());
			kept.addAll(this.jdbc.sql("""
					SELECT started_at, direction, leg, answered_at, ended_at, topic_code, postcode, duration_seconds,
					       outcome
					FROM telephony_call
					WHERE ticket_id IN (:ids) ORDER BY started_at""")
				.param("ids", requests)
				.query((rs, n) -> item("call", "startedAt", rs.getTimestamp(1).toInstant(), "direction",
						rs.getString(2), "leg", rs.getString(3), "answeredAt",
						(rs.getTimestamp(4) != null) ? rs.getTimestamp(4).toInstant() : null, "endedAt",
						(rs.getTimestamp(5) != null) ? rs.getTimestamp(5).toInstant() : null, "topic", rs.getString(6),
						"postcode", rs.getString(7), "durationSeconds", rs.getObject(8), "outcome", rs.getString(9)))
				.list());
		}
		this.spool.keptFor(subject.phone()).forEach((request) -> {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("kind", "kept callback request");
			item.putAll(request);
			kept.add(item);
		});
		return kept;
	}

	@Override
	@Transactional
	public int erase(DataSubject subject) {
		List<Long> requests = this.tickets.requestsFrom(subject.lookupHashes());
		int texts = requests.isEmpty() ? 0
				: this.jdbc.sql("UPDATE sms_message SET body = '' WHERE ticket_id IN (:ids) AND body <> ''")
					.param("ids", requests)
					.update();
		return texts + this.spool.forget(subject.phone());
	}

	private static Map<String, Object> item(String kind, Object... namesAndValues) {
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("kind", kind);
		for (int i = 0; i < namesAndValues.length; i += 2) {
			item.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return item;
	}

}
