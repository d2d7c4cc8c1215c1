package fr.passerelle.console;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import fr.passerelle.account.Role;
import fr.passerelle.account.StaffAccount;
import fr.passerelle.volunteer.Presence;
import fr.passerelle.volunteer.Volunteers;
import fr.passerelle.volunteer.VolunteerPresence;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionConnectedEvent;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * Presence follows the console: which staff members have one connected to this instance,
 * and since when a volunteer has had none. One who stays without a console longer than
 * the grace period goes offline, and the requests being offered to them go back to the
 * queue; unless, with several instances, one came back to another instance, as the
 * instances' shared user registry shows. A volunteer who never opened a console (the
 * phone alone, the API) is left as they are.
 */
@Component
class ConsoleSessions {

	private static final Logger logger = LoggerFactory.getLogger(ConsoleSessions.class);

	private final Map<String, Set<String>> connected = new ConcurrentHashMap<>();

	private final Map<String, Instant> awaySince = new ConcurrentHashMap<>();

	private final Audience audience;

	private final Volunteers volunteers;

	private final VolunteerPresence volunteerPresence;

	private final ConsoleProperties properties;

	private final Clock clock;

	private final SimpUserRegistry users;

	ConsoleSessions(Audience audience, Volunteers volunteers, VolunteerPresence volunteerPresence,
			ConsoleProperties properties, Clock clock, SimpUserRegistry users, MeterRegistry meters) {
		Gauge.builder("passerelle.consoles.connected", this, ConsoleSessions::connected)
			.description("Consoles connected to this instance")
			.register(meters);
		this.users = users;
		this.audience = audience;
		this.volunteers = volunteers;
		this.volunteerPresence = volunteerPresence;
		this.properties = properties;
		this.clock = clock;
	}

	@EventListener
	void on(SessionConnectedEvent event) {
		Principal user = event.getUser();
		String session = (String) event.getMessage().getHeaders().get("simpSessionId");
		if (user == null || session == null) {
			return;
		}
		this.connected.compute(user.getName(), (name, sessions) -> {
			Set<String> all = (sessions != null) ? sessions : new HashSet<>();
			all.add(session);
			return all;
		});
		this.awaySince.remove(user.getName());
	}

	@EventListener
	void on(SessionDisconnectEvent event) {
		Principal user = event.getUser();
		if (user == null) {
			return;
		}
		Instant now = this.clock.instant();
		this.connected.computeIfPresent(user.getName(), (name, sessions) -> {
			sessions.remove(event.getSessionId());
			if (sessions.isEmpty()) {
				this.awaySince.put(name, now);
				return null;
			}
			return sessions;
		});
	}

	/** How many consoles are connected to this instance. */
	int connected() {
		return this.connected.values().stream().mapToInt(Set::size).sum();
	}

	/**
	 * How many consoles this staff member has connected to this instance.
	 */
	int consolesOf(String name) {
		Set<String> sessions = this.connected.get(name);
		return (sessions != null) ? sessions.size() : 0;
	}

	/**
	 * Takes offline the volunteers whose consoles closed longer ago than the grace period
	 * (routing then withdraws the offers made to them); returns how many went offline.
	 */
	int expireAbsentees() {
		Instant cutoff = this.clock.instant().minus(this.properties.disconnectGrace());
		int expired = 0;
		for (Map.Entry<String, Instant> away : Map.copyOf(this.awaySince).entrySet()) {
			if (away.getValue().isAfter(cutoff) || !this.awaySince.remove(away.getKey(), away.getValue())) {
				continue;
			}
			if (this.users.getUser(away.getKey()) != null) {
				// their console came back, to another instance: it tells them what it
				// has to
				continue;
			}
			StaffAccount staff = this.audience.staff(away.getKey()).orElse(null);
			if (staff == null || staff.role() != Role.VOLUNTEER || this.volunteers.find(staff.id()).isEmpty()) {
				continue;
			}
			try {
				// offline: routing takes back the offers made to them
				this.volunteerPresence.choosePresence(staff.id(), Presence.OFFLINE);
				expired++;
			}
			catch (RuntimeException ex) {
				logger.warn("Could not take volunteer {} offline after their console closed", staff.id(), ex);
			}
		}
		return expired;
	}

}
