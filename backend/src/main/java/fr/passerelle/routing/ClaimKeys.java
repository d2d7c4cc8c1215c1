package fr.passerelle.routing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import fr.passerelle.platform.RejectedRequest;
import fr.passerelle.ticket.TicketQueries;
import fr.passerelle.ticket.TicketView;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Makes "take the next one" safe to repeat: a click sent twice with the same
 * {@code Idempotency-Key} returns the request the first one took, instead of taking
 * another.
 */
@Component
class ClaimKeys {

	private static final Duration KEPT_FOR = Duration.ofDays(1);

	private final JdbcClient jdbc;

	private final Routing routing;

	private final TicketQueries tickets;

	private final Clock clock;

	ClaimKeys(JdbcClient jdbc, Routing routing, TicketQueries tickets, Clock clock) {
		this.jdbc = jdbc;
		this.routing = routing;
		this.tickets = tickets;
		this.clock = clock;
	}

	/**
	 * Not one transaction: the key is recorded first (so that a concurrent replay finds
	 * it), then the claim runs in its own transactions (retried if it loses a deadlock),
	 * then the key learns which request was taken.
	 */
	Optional<TicketView> takeNext(long volunteerId, String key) {
		if (key == null || key.isBlank()) {
			return this.routing.takeNext(volunteerId);
		}
		if (key.length() > 64) {
			throw new RejectedRequest(HttpStatus.BAD_REQUEST, "routing.idempotency-key.invalid");
		}
		Optional<Optional<Long>> earlier = earlier(volunteerId, key);
		if (earlier.isPresent()) {
			return earlier.get().flatMap(this.tickets::find);
		}
		try {
			this.jdbc.sql("INSERT INTO routing_claim_key (volunteer_id, idempotency_key, created_at) VALUES (?, ?, ?)")
				.params(volunteerId, key, Timestamp.from(this.clock.instant()))
				.update();
		}
		catch (DuplicateKeyException ex) {
			// the same key, sent again while the first request was being served: it has
			// taken its request by now
			return earlier(volunteerId, key).flatMap((ticket) -> ticket).flatMap(this.tickets::find);
		}
		Optional<TicketView> taken;
		try {
			taken = this.routing.takeNext(volunteerId);
		}
		catch (RuntimeException refused) {
			// nothing was taken: the same key may try again
			this.jdbc.sql("DELETE FROM routing_claim_key WHERE volunteer_id = ? AND idempotency_key = ?")
				.params(volunteerId, key)
				.update();
			throw refused;
		}
		taken.ifPresent((ticket) -> this.jdbc
			.sql("UPDATE routing_claim_key SET ticket_id = ? WHERE volunteer_id = ? AND idempotency_key = ?")
			.params(ticket.id(), volunteerId, key)
			.update());
		return taken;
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	void forgetOldKeys() {
		this.jdbc.sql("DELETE FROM routing_claim_key WHERE created_at < ?")
			.param(Timestamp.from(this.clock.instant().minus(KEPT_FOR)))
			.update();
	}

	private Optional<Optional<Long>> earlier(long volunteerId, String key) {
		return this.jdbc.sql("SELECT ticket_id FROM routing_claim_key WHERE volunteer_id = ? AND idempotency_key = ?")
			.params(volunteerId, key)
			.query((rs, row) -> Optional.ofNullable(rs.getObject(1, Long.class)))
			.optional();
	}

}
