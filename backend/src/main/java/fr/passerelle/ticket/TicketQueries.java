package fr.passerelle.ticket;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.passerelle.account.StaffAccount;
import fr.passerelle.platform.RejectedRequest;
import fr.passerelle.privacy.AuditAction;
import fr.passerelle.privacy.AuditLog;
import fr.passerelle.privacy.PhoneNumber;
import fr.passerelle.privacy.PhoneVault;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the ticket module tells about requests for help, apart from what changes them
 * ({@link TicketManagement}): a request for a staff member with a current link to it, the
 * requests a filter selects, a request's timeline, notes and outcome, the citizen's
 * number for the platform to dial. Reads change nothing, and a request outside the
 * reader's rights answers as an unknown one.
 */
@Service
public class TicketQueries {

	private final TicketStore store;

	private final TicketHistory history;

	private final PhoneVault vault;

	private final CallbackPolicyProperties policySettings;

	private final AuditLog audit;

	TicketQueries(TicketStore store, TicketHistory history, PhoneVault vault, CallbackPolicyProperties policySettings,
			AuditLog audit) {
		this.store = store;
		this.history = history;
		this.vault = vault;
		this.policySettings = policySettings;
		this.audit = audit;
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
			throw TicketManagement.notFound();
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
		return this.history.timeline(ticketId);
	}

	@Transactional(readOnly = true)
	public List<Note> notes(long ticketId) {
		existing(ticketId);
		return this.history.notes(ticketId);
	}

	@Transactional(readOnly = true)
	public Optional<Outcome> outcome(long ticketId) {
		return this.history.outcome(ticketId);
	}

	/**
	 * The citizen's full number, for the platform to dial; empty once erased by the
	 * retention policy.
	 */
	@Transactional(readOnly = true)
	public Optional<PhoneNumber> phoneToDial(long ticketId) {
		Ticket ticket = existing(ticketId);
		return Optional.ofNullable(ticket.phoneCipher)
			.map((cipher) -> this.vault.open(cipher, TicketManagement.sealedRow(ticket.id)));
	}

	/**
	 * The request a volunteer just handed back to the queue, for a retried release: empty
	 * when it is not queued, or someone else released it last.
	 */
	@Transactional(readOnly = true)
	public Optional<TicketView> releasedBy(long ticketId, long volunteerId) {
		return this.store.find(ticketId)
			.filter((ticket) -> ticket.status == TicketStatus.QUEUED)
			.filter((ticket) -> this.history.latestEventBy(ticketId, volunteerId, "RELEASED"))
			.map(this::view)
			.map(TicketView::withoutPersonalData);
	}

	/**
	 * The tickets a staff member holds, the oldest first.
	 */
	@Transactional(readOnly = true)
	public List<TicketView> heldBy(long accountId) {
		return this.store.heldBy(accountId).stream().map(this::view).toList();
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

	/** A request as others see it: its number masked. */
	TicketView view(Ticket ticket) {
		String masked = (ticket.phoneCipher != null)
				? this.vault.open(ticket.phoneCipher, TicketManagement.sealedRow(ticket.id)).masked() : null;
		return ticket.view(masked);
	}

	private Ticket existing(long ticketId) {
		return this.store.find(ticketId).orElseThrow(TicketManagement::notFound);
	}

}
