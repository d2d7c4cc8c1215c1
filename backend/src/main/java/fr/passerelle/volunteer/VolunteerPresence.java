package fr.passerelle.volunteer;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import fr.passerelle.platform.RejectedRequest;
import fr.passerelle.volunteer.VolunteerStore.Lock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where each volunteer stands: available, busy (as many requests as their capacity),
 * paused or offline. Every change is kept in the presence history and published
 * ({@link PresenceChanged}): routing takes back the offers of a volunteer who left, the
 * consoles and wallboards follow.
 */
@Service
public class VolunteerPresence {

	private final VolunteerStore store;

	private final PresencePeriods periods;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	VolunteerPresence(VolunteerStore store, PresencePeriods periods, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.periods = periods;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A volunteer's own choice of presence: available, on a break, or offline. Going
	 * available needs approval and training; choosing the current presence again changes
	 * nothing.
	 */
	@Transactional
	public PresenceState choosePresence(long accountId, Presence chosen) {
		if (chosen == Presence.BUSY) {
			throw new RejectedRequest(HttpStatus.BAD_REQUEST, "volunteer.presence.busy-is-automatic");
		}
		PresenceState current = lockPresence(accountId);
		if (chosen == Presence.AVAILABLE && !qualified(accountId)) {
			throw new RejectedRequest(HttpStatus.CONFLICT, "volunteer.not-qualified");
		}
		if (current.status() == chosen || (current.status() == Presence.BUSY && chosen == Presence.AVAILABLE)) {
			return current;
		}
		Instant now = this.clock.instant();
		Instant idleSince = (chosen == Presence.AVAILABLE) ? now : null;
		write(accountId, current.status(), chosen, now, idleSince);
		return new PresenceState(accountId, chosen, now, idleSince, current.wrapUpUntil());
	}

	@Transactional(readOnly = true)
	public PresenceState presence(long accountId) {
		return this.store.presence(accountId, Lock.NONE).orElseThrow(VolunteerPresence::noProfile);
	}

	/**
	 * Reads a volunteer's presence and locks it until the end of the transaction: routing
	 * serialises the requests given to one volunteer this way, so that nobody exceeds
	 * their capacity.
	 */
	@Transactional
	public PresenceState lockPresence(long accountId) {
		return this.store.presence(accountId, Lock.FOR_UPDATE).orElseThrow(VolunteerPresence::noProfile);
	}

	/**
	 * Like {@link #lockPresence}, for someone who may not be a volunteer (a coordinator
	 * holding a request): empty for them.
	 */
	@Transactional
	public Optional<PresenceState> lockPresenceIfVolunteer(long accountId) {
		return this.store.presence(accountId, Lock.FOR_UPDATE);
	}

	/**
	 * Like {@link #lockPresence}, but gives up at once when another transaction holds the
	 * lock.
	 */
	@Transactional
	public Optional<PresenceState> tryLockPresence(long accountId) {
		return this.store.presence(accountId, Lock.SKIP_LOCKED);
	}

	/**
	 * Routing gave the volunteer a request; {@code current} is their presence as routing
	 * locked it in this transaction, {@code load} how many requests they now hold.
	 */
	@Transactional
	public void requestGiven(PresenceState current, int load, int capacity) {
		Instant now = this.clock.instant();
		Presence status = (load >= capacity && current.status() == Presence.AVAILABLE) ? Presence.BUSY
				: current.status();
		write(current.accountId(), current.status(), status, (status != current.status()) ? now : current.since(), now);
	}

	/**
	 * A request left the volunteer; {@code load} is how many they still hold.
	 */
	@Transactional
	public void requestTaken(long accountId, int load, int capacity) {
		PresenceState current = lockPresence(accountId);
		if (current.status() == Presence.BUSY && load < capacity) {
			Instant now = this.clock.instant();
			write(accountId, current.status(), Presence.AVAILABLE, now, now);
		}
	}

	/** Writes a presence; a change of status goes to the history and is published. */
	void write(long accountId, Presence previous, Presence status, Instant since, Instant idleSince) {
		this.store.writePresence(accountId, status, since, idleSince);
		if (status != previous) {
			this.periods.changed(accountId, status, this.clock.instant());
			this.events.publishEvent(new PresenceChanged(accountId, status));
		}
	}

	private boolean qualified(long accountId) {
		return this.store.profiles("v.account_id = ?", accountId)
			.stream()
			.findFirst()
			.orElseThrow(VolunteerPresence::noProfile)
			.qualified();
	}

	static RejectedRequest noProfile() {
		return new RejectedRequest(HttpStatus.NOT_FOUND, "volunteer.profile.none");
	}

}
