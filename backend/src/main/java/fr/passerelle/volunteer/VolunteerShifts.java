package fr.passerelle.volunteer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;

import fr.passerelle.platform.RejectedRequest;
import fr.passerelle.territory.Departement;
import fr.passerelle.territory.Territories;
import fr.passerelle.volunteer.VolunteerStore.Lock;
import fr.passerelle.volunteer.VolunteerStore.ShiftStart;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Volunteers' weekly shifts, in their own time zone, and going available when one starts
 * for those who asked to.
 */
@Service
public class VolunteerShifts {

	/** At most three shifts a day. */
	private static final int MOST_SHIFTS = 21;

	private final VolunteerStore store;

	private final VolunteerPresence presence;

	private final Territories territories;

	private final Clock clock;

	VolunteerShifts(VolunteerStore store, VolunteerPresence presence, Territories territories, Clock clock) {
		this.store = store;
		this.presence = presence;
		this.territories = territories;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<Shift> shifts(long accountId) {
		return this.store.shifts(accountId);
	}

	/**
	 * Replaces a volunteer's weekly shifts, and whether they go available automatically
	 * when one starts.
	 */
	@Transactional
	public List<Shift> replaceShifts(long accountId, List<Shift> shifts, boolean availableAtShiftStart) {
		if (this.store.presence(accountId, Lock.NONE).isEmpty()) {
			throw VolunteerPresence.noProfile();
		}
		if (shifts.size() > MOST_SHIFTS) {
			throw new RejectedRequest(HttpStatus.BAD_REQUEST, "volunteer.shift.too-many");
		}
		for (int i = 0; i < shifts.size(); i++) {
			for (int j = i + 1; j < shifts.size(); j++) {
				if (shifts.get(i).overlaps(shifts.get(j))) {
					throw new RejectedRequest(HttpStatus.BAD_REQUEST, "volunteer.shift.overlap");
				}
			}
		}
		this.store.replaceShifts(accountId, shifts, availableAtShiftStart);
		return this.store.shifts(accountId);
	}

	@Transactional(readOnly = true)
	public boolean availableAtShiftStart(long accountId) {
		return this.store.availableAtShiftStart(accountId);
	}

	/**
	 * Makes available the qualified, offline volunteers who opted in and whose shift
	 * started within {@code window} (in their own time zone); returns how many.
	 */
	@Transactional
	public int startShifts(Duration window) {
		Instant now = this.clock.instant();
		List<Long> starting = this.store.shiftsOfVolunteersWaitingForThem()
			.stream()
			.filter((shift) -> justStarted(shift, now, window))
			.map(ShiftStart::accountId)
			.distinct()
			.toList();
		int started = 0;
		for (long accountId : starting) {
			PresenceState current = this.presence.lockPresence(accountId);
			if (current.status() == Presence.OFFLINE) {
				this.presence.write(accountId, current.status(), Presence.AVAILABLE, now, now);
				started++;
			}
		}
		return started;
	}

	private boolean justStarted(ShiftStart shift, Instant now, Duration window) {
		ZonedDateTime local = now
			.atZone(this.territories.departement(shift.departementCode()).map(Departement::timeZone).orElseThrow());
		if (local.getDayOfWeek().getValue() != shift.dayOfWeek()) {
			return false;
		}
		LocalTime starts = LocalTime.ofSecondOfDay(shift.startSecond());
		LocalTime time = local.toLocalTime();
		return !time.isBefore(starts) && time.isBefore(starts.plus(window));
	}

}
