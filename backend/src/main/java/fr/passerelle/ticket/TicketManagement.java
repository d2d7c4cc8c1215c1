package fr.passerelle.ticket;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import fr.passerelle.account.StaffAccount;
import fr.passerelle.platform.RejectedRequest;
import fr.passerelle.privacy.AuditAction;
import fr.passerelle.privacy.AuditLog;
import fr.passerelle.privacy.Blocklist;
import fr.passerelle.privacy.PhoneNumber;
import fr.passerelle.privacy.PhoneVault;
import fr.passerelle.territory.Departement;
import fr.passerelle.territory.Postcode;
import fr.passerelle.territory.PostcodeArea;
import fr.passerelle.territory.Territories;
import fr.passerelle.topic.Topics;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The entry point of the ticket module: opens requests for help and moves them through
 * their states, writing the timeline and publishing an event for each change. Methods
 * that a caller may retry (a double click, a webhook delivered twice) give the same
 * result the second time and change nothing.
 */
@Service
public class TicketManagement {

	/**
	 * A second identical request within this delay is the same request (double
	 * submission, retry).
	 */
	private static final Duration SAME_REQUEST_WINDOW = Duration.ofMinutes(30);

	/** The longest a volunteer may postpone a callback. */
	static final Duration LONGEST_POSTPONEMENT = Duration.ofDays(30);

	/**
	 * The same note sent again within this delay (a double click, a retried request) is
	 * the same note.
	 */
	private static final Duration SAME_NOTE_WINDOW = Duration.ofMinutes(1);

	private static final int FIRST_NAME_MAX = 60;

	private static final int NOTE_MAX = 4000;

	private final TicketStore store;

	private final Topics topics;

	private final Territories territories;

	private final PhoneVault vault;

	private final CallbackPolicy policy;

	private final CallbackPolicyProperties policySettings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Blocklist blocklist;

	private final AuditLog audit;

	private final SecureRandom random = new SecureRandom();

	TicketManagement(TicketStore store, Topics topics, Territories territories, PhoneVault vault, CallbackPolicy policy,
			CallbackPolicyProperties policySettings, ApplicationEventPublisher events, Clock clock, Blocklist blocklist,
			AuditLog audit) {
		this.store = store;
		this.blocklist = blocklist;
		this.audit = audit;
		this.topics = topics;
		this.territories = territories;
		this.vault = vault;
		this.policy = policy;
		this.policySettings = policySettings;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Opens a request for help and routes it: queued at once, or scheduled for the first
	 * time the citizen can be called back. The same request made again within 30 minutes
	 * returns the first one.
	 * @throws RejectedRequest naming the field at fault (unknown topic, impossible
	 * postcode, number we cannot call…)
	 */
	@Transactional
	public TicketView open(HelpRequest request) {
		Instant now = this.clock.instant();
		if (request.topicCode() == null || this.topics.find(request.topicCode()).isEmpty()) {
			throw new RejectedRequest(HttpStatus.BAD_REQUEST, "ticket.topic.unknown");
		}
		PostcodeArea area = this.territories.resolve(Postcode.parse(request.postcode()));
		PhoneNumber phone = phoneOf(request);
		if (phone != null && this.blocklist.isBlocked(phone)) {
			throw new RejectedRequest(HttpStatus.FORBIDDEN, "ticket.phone.blocked");
		}
		String firstName = firstName(request.firstName());
		Set<TimeSlot> slots = (request.slots() != null) ? Set.copyOf(request.slots()) : Set.of();

		Ticket ticket = new Ticket();
		ticket.source = request.source();
		ticket.kind = request.kind();
		ticket.topicCode = request.topicCode();
		ticket.postcode = area.postcode().value();
		ticket.departementCode = area.departement().code();
		ticket.regionCode = area.region().code();
		ticket.firstName = firstName;
		ticket.preferredSlots = slots;
		ticket.createdAt = now;
		ticket.practice = request.practice();
		if (phone != null) {
			String hash = this.vault.lookupHash(phone);
			Optional<Ticket> same = linkToEarlierRequests(ticket, hash, now);
			if (same.isPresent()) {
				return view(same.get());
			}
			ticket.phoneHash = hash;
		}
		Optional<Instant> callable = Optional.of(now);
		if (ticket.kind == TicketKind.CALLBACK) {
			ticket.dueAt = now.plus(Ticket.CALLBACK_DELAY);
			callable = this.policy.firstCallableInstant(now, ticket.departementCode, zoneOf(ticket), slots);
			if (callable.isEmpty() && !slots.isEmpty()) {
				throw new RejectedRequest(HttpStatus.BAD_REQUEST, "ticket.slots.outside-opening-hours");
			}
		}
		insertWithUniqueReference(ticket);
		if (phone != null) {
			// sealed for its row, which has an id now
			ticket.phoneCipher = this.vault.seal(phone, sealedRow(ticket.id)).ciphertext();
			this.store.updatePhoneCipher(ticket.id, ticket.phoneCipher);
		}
		this.store.appendEvent(ticket.id, now, request.createdBy(), "CREATED", ticket.source + " " + ticket.kind);
		if (ticket.earlierTicketId != null) {
			this.store.appendEvent(ticket.id, now, null, "LINKED_TO_EARLIER",
					this.store.find(ticket.earlierTicketId).map((t) -> t.reference.value()).orElse(null));
		}
		if (ticket.kind == TicketKind.CALLBACK) {
			this.events
				.publishEvent(new CallbackRequested(ticket.id, ticket.reference, ticket.topicCode, ticket.source));
			if (callable.isPresent() && callable.get().isAfter(now)) {
				ticket.schedule(callable.get(), null, "SCHEDULED", "first attempt", now);
				save(ticket);
				return view(ticket);
			}
		}
		ticket.queue(now, null);
		save(ticket);
		return view(ticket);
	}

	/**
	 * The tickets a staff member may see that fit a filter, newest first.
	 */
	@Transactional(readOnly = true)
	public TicketPage search(StaffAccount viewer, TicketFilter filter, int page, int size) {
		return search(viewer, filter, page, size, false);
	}

	/**
	 * The tickets a staff member may see that a filter selects, newest first or (the
	 * worklist) oldest first.
	 */
	@Transactional(readOnly = true)
	public TicketPage search(StaffAccount viewer, TicketFilter filter, int page, int size, boolean oldestFirst) {
		TicketScope scope = TicketScope.of(viewer);
		List<TicketView> items = this.store.search(filter, scope, page * size, size, oldestFirst)
			.stream()
			.map(this::view)
			.map((ticket) -> (scope.isVolunteer() && !ticket.isHeldBy(viewer.id())) ? ticket.withoutPersonalData()
					: ticket)
			.toList();
		return new TicketPage(items, page, size, this.store.count(filter, scope));
	}

	/**
	 * A ticket, for a staff member with a current link to it: a volunteer who holds it
	 * now, a coordinator of its région, a national coordinator or an administrator.
	 * @throws RejectedRequest (404) when it does not exist or is outside their rights:
	 * the same answer, so that nobody learns which requests exist
	 */
	@Transactional(readOnly = true)
	public TicketView read(long ticketId, StaffAccount viewer) {
		Ticket ticket = existing(ticketId);
		TicketScope scope = TicketScope.of(viewer);
		boolean allowed = scope.isVolunteer() ? ticket.isHeldBy(viewer.id())
				: scope.regionCode() == null || scope.regionCode().equals(ticket.regionCode);
		if (!allowed) {
			// the caller cannot tell it from an unknown request; the log can
			this.audit.record(AuditAction.ACCESS_REFUSED, viewer.email(), "ticket/" + ticketId,
					Map.of("reason", "no-current-link"));
			throw notFound();
		}
		return view(ticket);
	}

	/**
	 * The requests made from a number (under any of its lookup hashes), for a citizen's
	 * access and erasure requests.
	 */
	@Transactional(readOnly = true)
	public List<Long> requestsFrom(List<String> lookupHashes) {
		return this.store.idsByPhoneHashes(lookupHashes);
	}

	@Transactional(readOnly = true)
	public Optional<TicketView> find(long ticketId) {
		return this.store.find(ticketId).map(this::view);
	}

	/**
	 * Where a ticket stands, without reading the rest of it.
	 */
	@Transactional(readOnly = true)
	public Optional<TicketStatus> status(long ticketId) {
		return this.store.status(ticketId);
	}

	@Transactional(readOnly = true)
	public Optional<TicketView> findByReference(TicketReference reference) {
		return this.store.findByReference(reference).map(this::view);
	}

	/**
	 * The earlier requests of the same number, within the repeat-caller window, newest
	 * first.
	 */
	@Transactional(readOnly = true)
	public List<TicketView> earlierRequests(long ticketId) {
		Ticket ticket = existing(ticketId);
		if (ticket.phoneHash == null) {
			return List.of();
		}
		return this.store
			.byPhoneSince(ticket.phoneHash, ticket.createdAt.minus(this.policySettings.repeatCallerWindow()))
			.stream()
			.filter((earlier) -> earlier.createdAt.isBefore(ticket.createdAt))
			.map(this::view)
			.map(TicketView::withoutPersonalData)
			.toList();
	}

	@Transactional(readOnly = true)
	public List<TimelineEntry> timeline(long ticketId) {
		existing(ticketId);
		return this.store.timeline(ticketId);
	}

	@Transactional(readOnly = true)
	public List<Note> notes(long ticketId) {
		existing(ticketId);
		return this.store.notes(ticketId);
	}

	@Transactional(readOnly = true)
	public Optional<Outcome> outcome(long ticketId) {
		return this.store.outcome(ticketId);
	}

	/**
	 * The citizen's full number, for the platform to dial; empty once erased by the
	 * retention policy.
	 */
	@Transactional(readOnly = true)
	public Optional<PhoneNumber> phoneToDial(long ticketId) {
		Ticket ticket = existing(ticketId);
		return Optional.ofNullable(ticket.phoneCipher).map((cipher) -> this.vault.open(cipher, sealedRow(ticket.id)));
	}

	@Transactional
	public Note addNote(long ticketId, long authorId, String body) {
		if (body == null || body.isBlank()) {
			throw new RejectedRequest(HttpStatus.BAD_REQUEST, "ticket.note.empty");
		}
		if (body.length() > NOTE_MAX) {
			throw new RejectedRequest(HttpStatus.BAD_REQUEST, "ticket.note.too-long", NOTE_MAX);
		}
		Instant now = this.clock.instant();
		locked(ticketId);
		Optional<Note> latest = this.store.latestNote(ticketId, authorId);
		if (latest.isPresent() && latest.get().body().equals(body.strip())
				&& latest.get().writtenAt().isAfter(now.minus(SAME_NOTE_WINDOW))) {
			return latest.get();
		}
		Note note = this.store.appendNote(ticketId, authorId, now, body.strip());
		this.store.appendEvent(ticketId, now, authorId, "NOTE_ADDED", null);
		return note;
	}

	/**
	 * The volunteer holding the ticket sent the citizen a text: it shows on the timeline.
	 */
	@Transactional
	public void textSent(long ticketId, long volunteerId) {
		locked(ticketId);
		this.store.appendEvent(ticketId, this.clock.instant(), volunteerId, "TEXT_SENT", null);
	}

	/**
	 * The volunteer texted the citizen a tutorial's link.
	 */
	@Transactional
	public void tutorialSent(long ticketId, long volunteerId, String slug) {
		locked(ticketId);
		this.store.appendEvent(ticketId, this.clock.instant(), volunteerId, "TUTORIAL_SENT", slug);
	}

	/**
	 * The request a volunteer just handed back to the queue, for a retried release: empty
	 * when it is not queued, or someone else released it last.
	 */
	@Transactional(readOnly = true)
	public Optional<TicketView> releasedBy(long ticketId, long volunteerId) {
		return this.store.find(ticketId)
			.filter((ticket) -> ticket.status == TicketStatus.QUEUED)
			.filter((ticket) -> this.store.latestEventBy(ticketId, volunteerId, "RELEASED"))
			.map(this::view)
			.map(TicketView::withoutPersonalData);
	}

	/**
	 * Reserves a queued ticket for a volunteer until {@code expiresAt} (routing).
	 */
	@Transactional
	public TicketView offer(long ticketId, long volunteerId, Instant expiresAt) {
		Ticket ticket = locked(ticketId);
		if (ticket.status == TicketStatus.OFFERED && Long.valueOf(volunteerId).equals(ticket.assigneeId)) {
			return view(ticket);
		}
		ticket.offerTo(volunteerId, expiresAt, this.clock.instant());
		save(ticket);
		return view(ticket);
	}

	/**
	 * Gives a ticket to a volunteer: one queued ("take the next one"), or one offered to
	 * them that they accept.
	 */
	@Transactional
	public TicketView assign(long ticketId, long volunteerId) {
		Ticket ticket = locked(ticketId);
		if (ticket.status.isHeld() && Long.valueOf(volunteerId).equals(ticket.assigneeId)) {
			return view(ticket);
		}
		ticket.assignTo(volunteerId, this.clock.instant());
		save(ticket);
		return view(ticket);
	}

	/**
	 * Puts an offered or held ticket back in the queue, where it keeps its place.
	 * @param reason {@code OFFER_DECLINED}, {@code OFFER_EXPIRED}, {@code VOLUNTEER_AWAY}
	 * or {@code RELEASED}
	 */
	@Transactional
	public TicketView returnToQueue(long ticketId, Long volunteerId, String reason) {
		Ticket ticket = locked(ticketId);
		if (ticket.status == TicketStatus.QUEUED
				&& (volunteerId == null || this.store.latestEventBy(ticketId, volunteerId, reason))) {
			return view(ticket);
		}
		if (volunteerId != null && !volunteerId.equals(ticket.assigneeId)) {
			throw notFound();
		}
		ticket.returnToQueue(volunteerId, reason, this.clock.instant());
		save(ticket);
		return view(ticket);
	}

	/**
	 * The volunteer is now on the phone with the citizen.
	 */
	@Transactional
	public TicketView startCall(long ticketId, long volunteerId) {
		Ticket ticket = locked(ticketId);
		ticket.requireHeldBy(volunteerId);
		if (ticket.status == TicketStatus.IN_CALL) {
			return view(ticket);
		}
		ticket.startCall(volunteerId, this.clock.instant());
		save(ticket);
		return view(ticket);
	}

	/**
	 * The call ended before an outcome was recorded; the volunteer still holds the
	 * ticket.
	 */
	@Transactional
	public TicketView endCall(long ticketId, long volunteerId) {
		Ticket ticket = locked(ticketId);
		ticket.requireHeldBy(volunteerId);
		if (ticket.status == TicketStatus.ASSIGNED) {
			return view(ticket);
		}
		ticket.endCall(volunteerId, this.clock.instant());
		save(ticket);
		return view(ticket);
	}

	/**
	 * A callback did not reach the citizen: the callback policy schedules the next
	 * attempt, or, after the last one, closes the ticket as unreachable. Reporting the
	 * same attempt again (the same {@code attempt} number) changes nothing.
	 * @param reason {@code NO_ANSWER}, {@code BUSY} or {@code FAILED}
	 * @param attempt the number of this attempt as the volunteer saw it (attempts so far
	 * + 1), or 0 when unknown
	 */
	@Transactional
	public TicketView callbackFailed(long ticketId, long volunteerId, String reason, int attempt) {
		Ticket ticket = locked(ticketId);
		if (attempt > 0 && ticket.attempts >= attempt
				&& this.store.latestEventBy(ticketId, volunteerId, "ATTEMPT_FAILED")) {
			return view(ticket);
		}
		ticket.requireHeldBy(volunteerId);
		Instant now = this.clock.instant();
		ticket.attempts++;
		Optional<Instant> next = this.policy.nextAttempt(ticket.attempts, now, ticket.departementCode, zoneOf(ticket),
				ticket.preferredSlots);
		ticket.attemptFailed(volunteerId, reason, next, now);
		save(ticket);
		return view(ticket);
	}

	/**
	 * The volunteer agreed with the citizen to call again at {@code at}.
	 */
	@Transactional
	public TicketView scheduleRetry(long ticketId, long volunteerId, Instant at) {
		Ticket ticket = locked(ticketId);
		if (ticket.status == TicketStatus.SCHEDULED && at != null && at.equals(ticket.nextAttemptAt)
				&& this.store.latestEventBy(ticketId, volunteerId, "RETRY_SCHEDULED")) {
			return view(ticket);
		}
		ticket.requireHeldBy(volunteerId);
		Instant now = this.clock.instant();
		if (at == null || !at.isAfter(now) || at.isAfter(now.plus(LONGEST_POSTPONEMENT))) {
			throw new RejectedRequest(HttpStatus.BAD_REQUEST, "ticket.retry.invalid-time",
					LONGEST_POSTPONEMENT.toDays());
		}
		ticket.schedule(at, volunteerId, "RETRY_SCHEDULED", null, now);
		save(ticket);
		return view(ticket);
	}

	/**
	 * Records the outcome form and closes the ticket (resolved or redirected), or
	 * schedules the next round when the citizen must be called again. Recording the same
	 * outcome twice changes nothing.
	 */
	@Transactional
	public TicketView recordOutcome(long ticketId, long volunteerId, Outcome outcome) {
		Ticket ticket = locked(ticketId);
		if (ticket.status.isClosed() && outcome.equals(this.store.outcome(ticketId).orElse(null))
				&& this.store.latestEventBy(ticketId, volunteerId, "OUTCOME_RECORDED")) {
			return view(ticket);
		}
		ticket.requireHeldBy(volunteerId);
		Instant now = this.clock.instant();
		this.store.saveOutcome(ticketId, volunteerId, now, outcome);
		ticket.write(now, volunteerId, "OUTCOME_RECORDED", outcome.completion().code());
		TicketStatus next = outcome.closingStatus();
		if (next == TicketStatus.SCHEDULED) {
			Instant tomorrow = now.atZone(zoneOf(ticket))
				.toLocalDate()
				.plusDays(1)
				.atStartOfDay(zoneOf(ticket))
				.toInstant();
			Instant at = this.policy
				.firstCallableInstant(tomorrow, ticket.departementCode, zoneOf(ticket), ticket.preferredSlots)
				.orElse(tomorrow);
			ticket.attempts = 0;
			ticket.schedule(at, volunteerId, "SCHEDULED", "must come back", now);
		}
		else {
			ticket.resolve(next, volunteerId, now);
		}
		save(ticket);
		return view(ticket);
	}

	/**
	 * Withdraws a ticket that is not closed yet; cancelling it again changes nothing.
	 */
	@Transactional
	public TicketView cancel(long ticketId, Long actorId, String reason) {
		Ticket ticket = locked(ticketId);
		if (ticket.status == TicketStatus.CANCELLED) {
			return view(ticket);
		}
		ticket.cancel(actorId, reason, this.clock.instant());
		save(ticket);
		return view(ticket);
	}

	/**
	 * The tickets a staff member holds, the oldest first.
	 */
	@Transactional(readOnly = true)
	public List<TicketView> heldBy(long accountId) {
		return this.store.heldBy(accountId).stream().map(this::view).toList();
	}

	/**
	 * The holder of a ticket hands it over to a colleague or a coordinator, who holds it
	 * from now on. A live call whose line was hung up becomes a callback: the recipient
	 * calls the citizen back. Handing it over again to the same person changes nothing.
	 * @param type {@code HANDED_TO_COLLEAGUE} or {@code HANDED_TO_COORDINATOR}, for the
	 * timeline
	 * @throws RejectedRequest when the giver does not hold it, is on the phone with the
	 * citizen, or a caller still waits on the line for them
	 */
	@Transactional
	public TicketView handOver(long ticketId, long giverId, long recipientId, String type) {
		Ticket ticket = locked(ticketId);
		if (ticket.status.isHeld() && Long.valueOf(recipientId).equals(ticket.assigneeId)
				&& this.store.latestEventBy(ticketId, giverId, "HANDED_TO_COLLEAGUE", "HANDED_TO_COORDINATOR")) {
			return view(ticket);
		}
		ticket.requireHeldBy(giverId);
		if (ticket.status == TicketStatus.IN_CALL) {
			throw new RejectedRequest(HttpStatus.CONFLICT, "ticket.handover.in-call");
		}
		Instant now = this.clock.instant();
		if (ticket.kind == TicketKind.LIVE_CALL) {
			if (!this.store.hasEvent(ticketId, "CALL_ENDED")) {
				// the caller still waits on the line for this volunteer
				throw new RejectedRequest(HttpStatus.CONFLICT, "ticket.handover.caller-waiting");
			}
			ticket.becomeCallback(now);
		}
		ticket.handTo(recipientId, giverId, type, now);
		save(ticket);
		return view(ticket);
	}

	/**
	 * A caller waiting on the line asks to be called back: the request becomes a callback
	 * and keeps its place (and its volunteer, if one was just offered it). Asking again
	 * changes nothing.
	 * @throws RejectedRequest when the request is closed already
	 */
	@Transactional
	public TicketView turnIntoCallback(long ticketId) {
		Ticket ticket = locked(ticketId);
		if (ticket.kind == TicketKind.CALLBACK) {
			return view(ticket);
		}
		if (ticket.status.isClosed()) {
			throw new RejectedRequest(HttpStatus.CONFLICT, "ticket.closed");
		}
		Instant now = this.clock.instant();
		ticket.becomeCallback(now);
		ticket.write(now, null, "TURNED_INTO_CALLBACK", null);
		ticket.raise(new CallbackRequested(ticket.id, ticket.reference, ticket.topicCode, ticket.source));
		save(ticket);
		return view(ticket);
	}

	/**
	 * How many live calls of a région wait for a volunteer.
	 */
	@Transactional(readOnly = true)
	public int waitingLiveCalls(String regionCode) {
		return this.store.waitingLiveCalls(regionCode);
	}

	/**
	 * Where a waiting live call stands in the queue (1: next), or empty once it no longer
	 * waits.
	 */
	@Transactional(readOnly = true)
	public Optional<Integer> livePosition(long ticketId) {
		return this.store.find(ticketId)
			.filter((ticket) -> ticket.kind == TicketKind.LIVE_CALL
					&& (ticket.status == TicketStatus.QUEUED || ticket.status == TicketStatus.OFFERED))
			.map(this.store::livePosition);
	}

	/**
	 * Puts scheduled callbacks whose time has come back in the queue; returns how many.
	 * Safe to run on several instances at once: each due ticket is taken by one of them.
	 */
	@Transactional
	public int queueDueCallbacks(int batch) {
		Instant now = this.clock.instant();
		List<Ticket> due = this.store.lockDueCallbacks(now, batch);
		for (Ticket ticket : due) {
			ticket.queue(now, null);
			save(ticket);
		}
		return due.size();
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

	/** What a ticket's number is sealed for: its row. */
	static String sealedRow(long ticketId) {
		return "ticket/" + ticketId;
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

	private PhoneNumber phoneOf(HelpRequest request) {
		if (request.phone() == null || request.phone().isBlank()) {
			if (request.kind() == TicketKind.CALLBACK) {
				throw new RejectedRequest(HttpStatus.BAD_REQUEST, "ticket.phone.required");
			}
			return null;
		}
		return PhoneNumber.parse(request.phone());
	}

	private static String firstName(String typed) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		String name = typed.strip();
		if (name.length() > FIRST_NAME_MAX || name.chars().anyMatch(Character::isISOControl)) {
			throw new RejectedRequest(HttpStatus.BAD_REQUEST, "ticket.first-name.invalid", FIRST_NAME_MAX);
		}
		return name;
	}

	private ZoneId zoneOf(Ticket ticket) {
		return this.territories.departement(ticket.departementCode).map(Departement::timeZone).orElseThrow();
	}

	private Ticket existing(long ticketId) {
		return this.store.find(ticketId).orElseThrow(TicketManagement::notFound);
	}

	Ticket locked(long ticketId) {
		return this.store.lock(ticketId).orElseThrow(TicketManagement::notFound);
	}

	/**
	 * What an unknown request and a request outside one's rights both answer.
	 */
	static RejectedRequest notFound() {
		return new RejectedRequest(HttpStatus.NOT_FOUND, "ticket.not-found");
	}

	/**
	 * Saves a changed request, then writes the timeline entries of its change and
	 * publishes the events it raised.
	 */
	void save(Ticket ticket) {
		this.store.update(ticket);
		this.events.publishEvent(new TicketChanged(ticket.id, ticket.status, ticket.assigneeId, ticket.assigneeBefore));
		ticket.assigneeBefore = ticket.assigneeId;
		for (Ticket.Entry entry : ticket.takeEntries()) {
			this.store.appendEvent(ticket.id, entry.at(), entry.actorId(), entry.type(), entry.detail());
		}
		ticket.takeRaised().forEach(this.events::publishEvent);
	}

	TicketView view(Ticket ticket) {
		String masked = (ticket.phoneCipher != null)
				? this.vault.open(ticket.phoneCipher, sealedRow(ticket.id)).masked() : null;
		return ticket.view(masked);
	}

}
