package fr.passerelle.privacy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.passerelle.platform.RequestRefused;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit log: who did what, to what, when, from where, and what it was before and
 * after. Each entry is written in a transaction of its own, so that a refusal (which
 * rolls its own transaction back) and a read (in a read-only one) are recorded too. It
 * never holds a citizen's number: callers name a request by its id, a number masked.
 */
@Service
public class AuditLog {

	/** Days of the filters are French days. */
	static final ZoneId ZONE = ZoneId.of("Europe/Paris");

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	private final TransactionTemplate ownTransaction;

	AuditLog(JdbcClient jdbc, JsonMapper json, Clock clock, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Records what the signed-in staff member (if any) did, from the current request's
	 * address.
	 * @param target what it was about ({@code account/12}, {@code ticket/345}), or
	 * {@code null}
	 * @param detail before and after, a reason; {@code null} or empty for none
	 */
	public void record(AuditAction action, String target, Map<String, ?> detail) {
		record(action, signedIn(), target, detail);
	}

	/**
	 * Records what {@code actor} did (the address of a staff account, or {@code null} for
	 * the platform or an unknown address).
	 */
	public void record(AuditAction action, String actor, String target, Map<String, ?> detail) {
		String address = clientAddress();
		String details = (detail == null || detail.isEmpty()) ? null : this.json.writeValueAsString(detail);
		this.ownTransaction.executeWithoutResult((status) -> this.jdbc.sql("""
				INSERT INTO audit_event (occurred_at, action, actor, client_address, target, detail)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(Timestamp.from(this.clock.instant()), action.name(), actor, address, target, details)
			.update());
	}

	/**
	 * A refusal some module decided (a 403): recorded as the signed-in caller's.
	 */
	@EventListener
	void refused(RequestRefused refused) {
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("method", refused.method());
		detail.put("path", refused.path());
		detail.put("reason", refused.reason());
		record(AuditAction.ACCESS_REFUSED, null, detail);
	}

	/**
	 * Entries matching {@code filter}, newest first, {@code size} at most, older than the
	 * entry {@code before} when given.
	 */
	@Transactional(readOnly = true)
	public AuditPage search(AuditFilter filter, Long before, int size) {
		StringBuilder sql = new StringBuilder(
				"SELECT id, occurred_at, action, actor, client_address, target, detail FROM audit_event WHERE 1 = 1");
		Map<String, Object> params = new LinkedHashMap<>();
		if (filter.action() != null) {
			sql.append(" AND action = :action");
			params.put("action", filter.action().name());
		}
		if (filter.actor() != null && !filter.actor().isBlank()) {
			sql.append(" AND actor LIKE :actor ESCAPE '!'");
			params.put("actor", "%" + likeEscaped(filter.actor().strip()) + "%");
		}
		if (filter.target() != null && !filter.target().isBlank()) {
			// ticket/12 exactly, or ticket/ for every request
			String target = filter.target().strip();
			sql.append(target.endsWith("/") ? " AND target LIKE :target ESCAPE '!'" : " AND target = :target");
			params.put("target", target.endsWith("/") ? likeEscaped(target) + "%" : target);
		}
		if (filter.from() != null) {
			sql.append(" AND occurred_at >= :from");
			params.put("from", Timestamp.from(filter.from().atStartOfDay(ZONE).toInstant()));
		}
		if (filter.to() != null) {
			sql.append(" AND occurred_at < :to");
			params.put("to", Timestamp.from(filter.to().plusDays(1).atStartOfDay(ZONE).toInstant()));
		}
		if (before != null) {
			sql.append(" AND id < :before");
			params.put("before", before);
		}
		sql.append(" ORDER BY id DESC LIMIT :limit");
		params.put("limit", size + 1);
		List<AuditEntry> found = new ArrayList<>(this.jdbc.sql(sql.toString())
			.params(params)
			.query((rs, n) -> new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(),
					AuditAction.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6),
					detail(rs.getString(7))))
			.list());
		Long next = null;
		if (found.size() > size) {
			found = found.subList(0, size);
			next = found.get(size - 1).id();
		}
		return new AuditPage(List.copyOf(found), next);
	}

	/**
	 * Deletes the entries older than {@code kept} ago.
	 * @return how many were deleted
	 */
	@Transactional
	public int purgeOlderThan(Duration kept) {
		return this.jdbc.sql("DELETE FROM audit_event WHERE occurred_at < ?")
			.param(Timestamp.from(this.clock.instant().minus(kept)))
			.update();
	}

	private Map<String, Object> detail(String stored) {
		if (stored == null) {
			return Map.of();
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> detail = this.json.readValue(stored, Map.class);
		return detail;
	}

	private static String likeEscaped(String text) {
		return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
	}

	private static String signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return null;
		}
		return authentication.getName();
	}

	private static String clientAddress() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes instanceof ServletRequestAttributes servlet) {
			HttpServletRequest request = servlet.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

	/**
	 * What to look for; every part is optional.
	 *
	 * @param actor part of the staff member's address
	 * @param target {@code ticket/12}, or {@code ticket/} for every request
	 * @param from first day (Europe/Paris)
	 * @param to last day (Europe/Paris), included
	 */
	public record AuditFilter(AuditAction action, String actor, String target, LocalDate from, LocalDate to) {
	}

	/**
	 * One entry.
	 *
	 * @param actor the staff member's address, {@code null} for the platform or an
	 * unknown address
	 */
	public record AuditEntry(long id, Instant at, AuditAction action, String actor, String clientAddress, String target,
			Map<String, Object> detail) {
	}

	/**
	 * @param nextBefore the id to ask {@code before} for the next, older page;
	 * {@code null} on the last
	 */
	public record AuditPage(List<AuditEntry> events, Long nextBefore) {
	}

}
