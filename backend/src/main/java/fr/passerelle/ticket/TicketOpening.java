package fr.passerelle.ticket;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import fr.passerelle.platform.RejectedRequest;
import fr.passerelle.privacy.Blocklist;
import fr.passerelle.privacy.PhoneNumber;
import fr.passerelle.privacy.PhoneVault;
import fr.passerelle.territory.PostcodeArea;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens requests for help, their values parsed where they arrived ({@link HelpRequests}):
 * refuses a blocked number, recognises the same request made again and a repeat caller,
 * seals the number for the request's row, and queues the request or plans its first
 * callback.
 */
@Component
class TicketOpening {

	/**
	 * A second identical request within this delay is the same request (double
	 * submission, retry).
	 */
	private static final Duration SAME_REQUEST_WINDOW = Duration.ofMinutes(30);

	private final TicketStore store;

	private final TicketHistory history;

	private final TicketChanges changes;

	private final TicketQueries queries;

	private final PhoneVault vault;

	private final CallbackPolicy policy;

	private final CallbackPolicyProperties policySettings;

	private final Clock clock;

	private final Blocklist blocklist;

	private final SecureRandom random = new SecureRandom();

	TicketOpening(TicketStore store, TicketHistory history, TicketChanges changes, TicketQueries queries,
			PhoneVault vault, CallbackPolicy policy, CallbackPolicyProperties policySettings, Clock clock,
			Blocklist blocklist) {
		this.store = store;
		this.history = history;
		this.changes = changes;
		this.queries = queries;
		this.vault = vault;
		this.policy = policy;
		this.policySettings = policySettings;
		this.clock = clock;
		this.blocklist = blocklist;
	}

	/**
	 * Opens a request for help and routes it: queued at once, or scheduled for the first
	 * time the citizen can be called back. The same request made again within 30 minutes
	 * returns the first one.
	 * @throws RejectedRequest naming the field at fault: a blocked number, preferred
	 * times all outside opening hours
	 */
	@Transactional
	public TicketView open(HelpRequest request) {
		Instant now = this.clock.instant();
		PostcodeArea area = request.area();
		PhoneNumber phone = request.phone();
		if (phone != null && this.blocklist.isBlocked(phone)) {
			throw new RejectedRequest(HttpStatus.FORBIDDEN, "ticket.phone.blocked").on("phone");
		}
		Set<TimeSlot> slots = request.slots();

		Ticket ticket = new Ticket();
		ticket.source = request.source();
		ticket.kind = request.kind();
		ticket.topicCode = request.topic().code();
		ticket.postcode = area.postcode().value();
		ticket.departementCode = area.departement().code();
		ticket.regionCode = area.region().code();
		ticket.firstName = request.firstName();
		ticket.preferredSlots = slots;
		ticket.createdAt = now;
		ticket.practice = request.practice();
		if (phone != null) {
			String hash = this.vault.lookupHash(phone);
			Optional<Ticket> same = linkToEarlierRequests(ticket, hash, now);
			if (same.isPresent()) {
				return this.queries.view(same.get());
			}
			ticket.phoneHash = hash;
		}
		Optional<Instant> callable = Optional.of(now);
		if (ticket.kind == TicketKind.CALLBACK) {
			ticket.dueAt = now.plus(Ticket.CALLBACK_DELAY);
			callable = this.policy.firstCallableInstant(now, ticket.departementCode, area.departement().timeZone(),
					slots);
			if (callable.isEmpty() && !slots.isEmpty()) {
				throw RejectedRequest.field("slots", "ticket.slots.outside-opening-hours");
			}
		}
		insertWithUniqueReference(ticket);
		if (phone != null) {
			// sealed for its row, which has an id now
			ticket.phoneCipher = this.vault.seal(phone, TicketManagement.sealedRow(ticket.id)).ciphertext();
			this.store.updatePhoneCipher(ticket.id, ticket.phoneCipher);
		}
		this.history.appendEvent(ticket.id, now, request.createdBy(), "CREATED", ticket.source + " " + ticket.kind);
		if (ticket.earlierTicketId != null) {
			this.history.appendEvent(ticket.id, now, null, "LINKED_TO_EARLIER",
					this.store.find(ticket.earlierTicketId).map((t) -> t.reference.value()).orElse(null));
		}
		if (ticket.kind == TicketKind.CALLBACK) {
			ticket.raise(new CallbackRequested(ticket.id, ticket.reference, ticket.topicCode, ticket.source));
			if (callable.isPresent() && callable.get().isAfter(now)) {
				ticket.schedule(callable.get(), null, "SCHEDULED", "first attempt", now);
				this.changes.save(ticket);
				return this.queries.view(ticket);
			}
		}
		ticket.queue(now, null);
		this.changes.save(ticket);
		return this.queries.view(ticket);
	}

	/**
	 * Links a new ticket to the same number's latest request within the repeat-caller
	 * window; a repeat caller whose earlier request failed or is still open is
	 * prioritised. Returns the earlier request itself when this is the same request made
	 * again.
	 */
	private Optional<Ticket> linkToEarlierRequests(Ticket ticket, String phoneHash, Instant now) {
		List<Ticket> earlier = this.store.byPhoneSince(phoneHash, now.minus(this.policySettings.repeatCallerWindow()));
		Optional<Ticket> same = earlier.stream()
			.filter((t) -> !t.status.isClosed() && t.topicCode.equals(ticket.topicCode)
					&& t.createdAt.isAfter(now.minus(SAME_REQUEST_WINDOW)))
			.findFirst();
		if (same.isPresent() || earlier.isEmpty()) {
			return same;
		}
		Ticket latest = earlier.get(0);
		ticket.earlierTicketId = latest.id;
		if (latest.status == TicketStatus.UNREACHABLE || !latest.status.isClosed()) {
			ticket.priority = 1;
		}
		return Optional.empty();
	}

	private void insertWithUniqueReference(Ticket ticket) {
		for (int attempt = 1;; attempt++) {
			ticket.reference = TicketReference.random(this.random);
			try {
				this.store.insert(ticket);
				return;
			}
			catch (DuplicateKeyException ex) {
				if (attempt == 5) {
					throw ex;
				}
			}
		}
	}

}
