package fr.passerelle.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import fr.passerelle.volunteer.RoutingProfile;

/**
 * The next waiting requests, in claim order, for each kind of volunteer (same skills,
 * languages and reach), shared by the claims of this instance.
 * <p>
 * Reading the head of the queue through its index costs the database more than everything
 * else in a claim: every claim moves an entry out of the waiting part of the index, and
 * until InnoDB purges them, the entries it leaves behind are walked over and checked by
 * every reader. So one claim reads the next {@link #SIZE} candidates and the claims that
 * follow take them one each, in order: two claims of this instance never try the same
 * request, and the claim order holds within an instance. Other instances are kept apart
 * by the row lock ({@code SKIP LOCKED}) that every claim takes before it gives a request.
 * A buffer older than {@link #FRESHNESS} is read again, so a new urgent request waits at
 * most that long behind the ones already buffered.
 */
final class CandidateBuffers {

	/** Candidates read at once. */
	static final int SIZE = 128;

	static final Duration FRESHNESS = Duration.ofMillis(250);

	private final Map<Shape, Buffer> buffers = new ConcurrentHashMap<>();

	/**
	 * The buffer shared by the volunteers like this one.
	 */
	Buffer bufferFor(RoutingProfile volunteer, Reach reach) {
		Shape shape = new Shape(volunteer.skills(), volunteer.languages(), reach);
		return this.buffers.computeIfAbsent(shape, (s) -> new Buffer());
	}

	/** Forgets every buffered candidate (a request came back to the queue, say). */
	void clear() {
		this.buffers.clear();
	}

	private record Shape(Set<String> skills, Set<String> languages, Reach reach) {
	}

	/**
	 * Candidates in claim order, taken one each.
	 */
	static final class Buffer {

		private final ArrayDeque<Long> candidates = new ArrayDeque<>(SIZE);

		private long readAt;

		private Instant readFor = Instant.MIN;

		/**
		 * The next candidate, reading the queue again with {@code read} when the buffer
		 * is empty or stale and {@code mayRead} allows it.
		 * @param now the routing clock's time, which escalation depends on
		 * @param read the first {@link #SIZE} waiting requests, in claim order, at
		 * {@code now}
		 * @return empty when there is no candidate left
		 */
		synchronized OptionalLong next(Instant now, boolean mayRead, Supplier<List<Long>> read) {
			if (System.nanoTime() - this.readAt > FRESHNESS.toNanos()
					|| Duration.between(this.readFor, now).abs().compareTo(FRESHNESS) > 0) {
				this.candidates.clear();
			}
			if (this.candidates.isEmpty() && mayRead) {
				// the others wait for this read rather than run the same one
				this.candidates.addAll(read.get());
				this.readAt = System.nanoTime();
				this.readFor = now;
			}
			Long next = this.candidates.poll();
			return (next != null) ? OptionalLong.of(next) : OptionalLong.empty();
		}

	}

}
