package fr.passerelle.routing;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import fr.passerelle.platform.RejectedRequest;
import fr.passerelle.volunteer.RoutingProfile;
import fr.passerelle.volunteer.Volunteers;

import org.springframework.http.HttpStatus;

/**
 * Volunteers' routing profiles (skills, languages, territories, capacity) for a few
 * seconds: a volunteer taking requests one after the other does not need them read again
 * each time. A change made on this instance applies at once ({@link #forget}), one made
 * on another instance within {@link #FRESHNESS}. Presence is never cached.
 */
final class ProfileCache {

	static final Duration FRESHNESS = Duration.ofSeconds(5);

	private final Volunteers volunteers;

	private final Map<Long, Cached> profiles = new ConcurrentHashMap<>();

	ProfileCache(Volunteers volunteers) {
		this.volunteers = volunteers;
	}

	RoutingProfile get(long volunteerId) {
		long now = System.nanoTime();
		Cached cached = this.profiles.get(volunteerId);
		if (cached != null && now - cached.readAt() < FRESHNESS.toNanos()) {
			return cached.profile();
		}
		RoutingProfile profile = this.volunteers.routingProfile(volunteerId)
			.orElseThrow(() -> new RejectedRequest(HttpStatus.NOT_FOUND, "volunteer.profile.none"));
		this.profiles.put(volunteerId, new Cached(profile, now));
		return profile;
	}

	void forget(long volunteerId) {
		this.profiles.remove(volunteerId);
	}

	private record Cached(RoutingProfile profile, long readAt) {
	}

}
