package fr.passerelle.volunteer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The short time after a request during which routing offers a volunteer nothing new, so
 * that they can write their notes; they may end it sooner.
 */
@Service
public class WrapUps {

	private final VolunteerStore store;

	private final VolunteerPresence presence;

	private final PresencePeriods periods;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	WrapUps(VolunteerStore store, VolunteerPresence presence, PresencePeriods periods, ApplicationEventPublisher events,
			Clock clock) {
		this.store = store;
		this.presence = presence;
		this.periods = periods;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A request left the volunteer's hands after they worked on it: routing offers them
	 * nothing new for {@code duration} (they may still take the next one themselves).
	 */
	@Transactional
	public void startWrapUp(long accountId, Duration duration) {
		if (duration.isZero() || duration.isNegative()) {
			return;
		}
		Instant now = this.clock.instant();
		if (this.store.wrapUpUntil(accountId, now.plus(duration))) {
			this.periods.wrapUpStarted(accountId, now, now.plus(duration));
			this.events.publishEvent(new PresenceChanged(accountId, this.presence.presence(accountId).status()));
		}
	}

	/**
	 * The volunteer is ready before their wrap-up time is over; ending it again changes
	 * nothing.
	 */
	@Transactional
	public PresenceState endWrapUp(long accountId) {
		PresenceState current = this.presence.lockPresence(accountId);
		if (current.wrapUpUntil() == null) {
			return current;
		}
		this.store.wrapUpUntil(accountId, null);
		this.periods.wrapUpEnded(accountId, this.clock.instant());
		this.events.publishEvent(new PresenceChanged(accountId, current.status()));
		return new PresenceState(accountId, current.status(), current.since(), current.idleSince(), null);
	}

}
