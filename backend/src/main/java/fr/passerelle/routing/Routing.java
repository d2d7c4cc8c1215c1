package fr.passerelle.routing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import fr.passerelle.platform.RejectedRequest;
import fr.passerelle.ticket.TicketKind;
import fr.passerelle.ticket.TicketManagement;
import fr.passerelle.ticket.TicketQueries;
import fr.passerelle.ticket.TicketStatus;
import fr.passerelle.ticket.TicketView;
import fr.passerelle.volunteer.Presence;
import fr.passerelle.volunteer.PresenceState;
import fr.passerelle.volunteer.RoutingProfile;
import fr.passerelle.volunteer.Volunteers;
import fr.passerelle.volunteer.VolunteerPresence;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The routing engine's entry point. Locks are always taken in the same order (the
 * volunteer's presence, then the routing entry, then the ticket), and every wait on a
 * lock that another claimer may hold is a {@code SKIP LOCKED}.
 */
@Service
public class Routing {

	/** Times a claim chosen as a deadlock victim is tried again. */
	private static final int CLAIM_ATTEMPTS = 3;

	/**
	 * Times a claim reads the queue before concluding that nothing is left for this
	 * volunteer (candidates read may all have been taken by other instances meanwhile).
	 */
	private static final int CLAIM_ROUNDS = 3;

	private static final int DISPATCH_BATCH = 200;

	private final RoutingStore store;

	private final TicketManagement tickets;

	private final TicketQueries ticketQueries;

	private final Volunteers volunteers;

	private final VolunteerPresence volunteerPresence;

	private final Eligibility eligibility;

	private final RoutingSettings settings;

	private final TransactionTemplate readCommitted;

	private final Clock clock;

	private final ProfileCache profiles;

	private final CandidateBuffers candidates = new CandidateBuffers();

	private final Counter offersExpired;

	Routing(RoutingStore store, TicketManagement tickets, TicketQueries ticketQueries, Volunteers volunteers,
			VolunteerPresence volunteerPresence, RoutingSettings settings, PlatformTransactionManager transactions,
			Clock clock, MeterRegistry meters) {
		this.offersExpired = Counter.builder("passerelle.offers.expired")
			.description("Offers not accepted in time, put back in the queue")
			.register(meters);
		this.store = store;
		this.tickets = tickets;
		this.ticketQueries = ticketQueries;
		this.volunteers = volunteers;
		this.volunteerPresence = volunteerPresence;
		this.settings = settings;
		this.eligibility = new Eligibility(settings::current);
		this.readCommitted = new TransactionTemplate(transactions);
		this.readCommitted.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
		this.clock = clock;
		this.profiles = new ProfileCache(volunteers);
	}

	/**
	 * "Prendre la suivante": gives the volunteer the first request they may handle, if
	 * any.
	 * @throws RejectedRequest when the volunteer is paused, offline, not qualified, or
	 * already at capacity
	 */
	public Optional<TicketView> takeNext(long volunteerId) {
		for (int attempt = 1;; attempt++) {
			try {
				return this.readCommitted.execute((status) -> claim(volunteerId));
			}
			catch (ConcurrencyFailureException lostToAnotherClaimer) {
				// InnoDB chose this claim as a deadlock victim: it was rolled back whole,
				// and is safe to retry
				if (attempt == CLAIM_ATTEMPTS) {
					throw lostToAnotherClaimer;
				}
			}
		}
	}

	private Optional<TicketView> claim(long volunteerId) {
		PresenceState presence = this.volunteerPresence.lockPresence(volunteerId);
		if (presence.status() == Presence.PAUSED || presence.status() == Presence.OFFLINE) {
			throw new RejectedRequest(HttpStatus.CONFLICT, "routing.not-available");
		}
		RoutingProfile volunteer = this.profiles.get(volunteerId);
		if (!volunteer.qualified()) {
			throw new RejectedRequest(HttpStatus.CONFLICT, "volunteer.not-qualified");
		}
		Load load = this.store.loadOf(volunteerId);
		if (load.held() >= volunteer.capacity()) {
			throw new RejectedRequest(HttpStatus.CONFLICT, "routing.at-capacity");
		}
		Instant now = this.clock.instant();
		Reach reach = Reach.of(volunteer);
		// A volunteer who declined requests reads the queue without them, on their own;
		// the others share the buffered head of the queue.
		CandidateBuffers.Buffer buffer = load.skips() ? new CandidateBuffers.Buffer()
				: this.candidates.bufferFor(volunteer, reach);
		AtomicInteger reads = new AtomicInteger();
		Supplier<List<Long>> read = () -> {
			reads.incrementAndGet();
			return this.store.candidatesFor(volunteer, reach, cutoffs(now, true), cutoffs(now, false), load.skips(),
					CandidateBuffers.SIZE);
		};
		for (int tries = 0; tries < CLAIM_ROUNDS * CandidateBuffers.SIZE; tries++) {
			OptionalLong candidate = buffer.next(now, reads.get() < CLAIM_ROUNDS, read);
			if (candidate.isEmpty()) {
				return Optional.empty();
			}
			long ticketId = candidate.getAsLong();
			if (this.store.tryLockWaiting(ticketId).isEmpty()) {
				continue; // another instance holds it, or it was taken since it was read
			}
			if (!isStillQueued(ticketId)) {
				this.store.delete(ticketId);
				continue;
			}
			this.store.markHeld(ticketId, volunteerId);
			TicketView ticket = this.tickets.assign(ticketId, volunteerId);
			this.volunteerPresence.requestGiven(presence, load.held() + 1, volunteer.capacity());
			return Optional.of(ticket);
		}
		return Optional.empty();
	}

	/**
	 * The volunteer accepts a request offered to them; accepting again changes nothing.
	 * @throws RejectedRequest when the offer went to someone else or back to the queue
	 */
	@Transactional(isolation = Isolation.READ_COMMITTED)
	public TicketView accept(long ticketId, long volunteerId) {
		this.volunteerPresence.lockPresence(volunteerId);
		Entry entry = this.store.lock(ticketId)
			.filter((e) -> Long.valueOf(volunteerId).equals(e.volunteerId()))
			.orElseThrow(() -> new RejectedRequest(HttpStatus.CONFLICT, "routing.offer.gone"));
		if (entry.state() == Entry.State.OFFERED) {
			this.store.markHeld(ticketId, volunteerId);
		}
		return this.tickets.assign(ticketId, volunteerId);
	}

	/**
	 * The volunteer declines a request offered to them: it goes back to the queue in its
	 * place, and will not be offered to them again. Declining again changes nothing.
	 */
	@Transactional(isolation = Isolation.READ_COMMITTED)
	public void decline(long ticketId, long volunteerId) {
		this.volunteerPresence.lockPresence(volunteerId);
		Optional<Entry> entry = this.store.lock(ticketId)
			.filter((e) -> e.state() == Entry.State.OFFERED && Long.valueOf(volunteerId).equals(e.volunteerId()));
		if (entry.isEmpty()) {
			return;
		}
		this.store.skip(ticketId, volunteerId);
		this.store.markWaiting(ticketId);
		this.tickets.returnToQueue(ticketId, volunteerId, "OFFER_DECLINED");
		freed(volunteerId);
	}

	/**
	 * The volunteer (or a coordinator it was handed over to) hands a request they hold
	 * back to the queue, for someone else.
	 */
	@Transactional(isolation = Isolation.READ_COMMITTED)
	public TicketView release(long ticketId, long volunteerId) {
		this.volunteerPresence.lockPresenceIfVolunteer(volunteerId);
		Optional<Entry> entry = this.store.lock(ticketId)
			.filter((e) -> e.state() == Entry.State.HELD && Long.valueOf(volunteerId).equals(e.volunteerId()));
		if (entry.isEmpty()) {
			// a retried release answers again; anyone else learns nothing of the request
			return this.ticketQueries.releasedBy(ticketId, volunteerId)
				.orElseThrow(() -> new RejectedRequest(HttpStatus.NOT_FOUND, "ticket.not-found"));
		}
		this.store.skip(ticketId, volunteerId);
		this.store.markWaiting(ticketId);
		TicketView ticket = this.tickets.returnToQueue(ticketId, volunteerId, "RELEASED");
		freed(volunteerId);
		return ticket;
	}

	/**
	 * Puts back in the queue, in their place, the requests being offered to a volunteer
	 * who went away (their console closed); they will not be offered to them again.
	 * Withdrawing again changes nothing.
	 * @return how many offers were withdrawn
	 */
	@Transactional(isolation = Isolation.READ_COMMITTED)
	public int withdrawOffers(long volunteerId) {
		this.volunteerPresence.lockPresence(volunteerId);
		List<Entry> offers = this.store.lockOffersTo(volunteerId);
		for (Entry entry : offers) {
			this.store.skip(entry.ticketId(), volunteerId);
			this.store.markWaiting(entry.ticketId());
			this.tickets.returnToQueue(entry.ticketId(), volunteerId, "VOLUNTEER_AWAY");
		}
		if (!offers.isEmpty()) {
			freed(volunteerId);
		}
		return offers.size();
	}

	/**
	 * Offers waiting requests to available volunteers, the longest idle first; returns
	 * how many offers were made. Each offer is its own short transaction; entries and
	 * volunteers locked elsewhere are skipped.
	 */
	public int dispatch() {
		List<RoutingProfile> available = new ArrayList<>(this.volunteers.availableForOffers());
		if (available.isEmpty()) {
			return 0;
		}
		Map<Long, Integer> loads = this.store.loads(available.stream().map(RoutingProfile::accountId).toList());
		int offers = 0;
		Instant now = this.clock.instant();
		for (Entry entry : this.store.waiting(DISPATCH_BATCH)) {
			Set<Long> skipped = this.store.skipped(entry.ticketId());
			for (RoutingProfile volunteer : available) {
				int load = loads.getOrDefault(volunteer.accountId(), 0);
				if (load >= volunteer.capacity() || skipped.contains(volunteer.accountId())
						|| !this.eligibility.eligible(volunteer, entry, now)) {
					continue;
				}
				Boolean offered = this.readCommitted.execute((status) -> offer(entry, volunteer, now));
				if (Boolean.TRUE.equals(offered)) {
					offers++;
					loads.put(volunteer.accountId(), load + 1);
					available.remove(volunteer);
					available.add(volunteer);
				}
				break;
			}
		}
		return offers;
	}

	/**
	 * Puts offers that were not accepted in time back in the queue, skipping their
	 * volunteer for that request.
	 */
	public int sweepExpiredOffers() {
		Integer swept = this.readCommitted.execute((status) -> {
			int count = 0;
			for (Entry entry : this.store.lockExpiredOffers(this.clock.instant(), 100)) {
				long volunteerId = entry.volunteerId();
				if (this.volunteerPresence.tryLockPresence(volunteerId).isEmpty()) {
					continue;
				}
				this.store.skip(entry.ticketId(), volunteerId);
				this.store.markWaiting(entry.ticketId());
				this.tickets.returnToQueue(entry.ticketId(), null, "OFFER_EXPIRED");
				freed(volunteerId);
				count++;
			}
			return count;
		});
		if (swept != null && swept > 0) {
			this.offersExpired.increment(swept);
		}
		return (swept != null) ? swept : 0;
	}

	private boolean offer(Entry candidate, RoutingProfile volunteer, Instant now) {
		Optional<PresenceState> presence = this.volunteerPresence.tryLockPresence(volunteer.accountId());
		if (presence.isEmpty() || presence.get().status() != Presence.AVAILABLE) {
			return false;
		}
		Optional<Entry> entry = this.store.tryLockWaiting(candidate.ticketId());
		if (entry.isEmpty() || this.store.load(volunteer.accountId()) >= volunteer.capacity()) {
			return false;
		}
		if (!isStillQueued(candidate.ticketId())) {
			this.store.delete(candidate.ticketId());
			return false;
		}
		Instant expiresAt = now.plus(this.eligibility.delaysOf(candidate.kind()).offerTimeout());
		this.store.markOffered(candidate.ticketId(), volunteer.accountId(), expiresAt);
		this.tickets.offer(candidate.ticketId(), volunteer.accountId(), expiresAt);
		this.volunteerPresence.requestGiven(presence.get(), this.store.load(volunteer.accountId()),
				volunteer.capacity());
		return true;
	}

	/**
	 * A request left a volunteer: they may be free again.
	 */
	void freed(long volunteerId) {
		this.volunteers.routingProfile(volunteerId)
			.ifPresent((volunteer) -> this.volunteerPresence.requestTaken(volunteerId, this.store.load(volunteerId),
					volunteer.capacity()));
	}

	private boolean isStillQueued(long ticketId) {
		return this.ticketQueries.status(ticketId).map((status) -> status == TicketStatus.QUEUED).orElse(false);
	}

	private Map<TicketKind, Instant> cutoffs(Instant now, boolean regional) {
		Map<TicketKind, Instant> cutoffs = new EnumMap<>(TicketKind.class);
		for (TicketKind kind : TicketKind.values()) {
			cutoffs.put(kind,
					regional ? this.eligibility.regionalCutoff(kind, now) : this.eligibility.nationalCutoff(kind, now));
		}
		return cutoffs;
	}

	/**
	 * A request joined the queue, or came back to it in its place: once that is
	 * committed, the claims of this instance read the queue again.
	 */
	void queueChanged() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					Routing.this.candidates.clear();
				}
			});
		}
		else {
			this.candidates.clear();
		}
	}

	/**
	 * What routing matches the volunteer against changed: read it again.
	 */
	void profileChanged(long volunteerId) {
		this.profiles.forget(volunteerId);
	}

	RoutingProperties properties() {
		return this.settings.current();
	}

}
