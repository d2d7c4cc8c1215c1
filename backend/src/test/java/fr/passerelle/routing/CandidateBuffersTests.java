package fr.passerelle.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import fr.passerelle.volunteer.RoutingProfile;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CandidateBuffersTests {

	private static final Instant NOW = Instant.parse("2027-03-01T09:30:00Z");

	private final CandidateBuffers buffers = new CandidateBuffers();

	private final AtomicInteger reads = new AtomicInteger();

	@Test
	void givesEachClaimOfTheSameKindTheNextCandidateFromOneRead() {
		Supplier<List<Long>> queue = queue(1L, 2L, 3L);

		assertThat(next(volunteer(1, "CAF"), NOW, queue)).hasValue(1L);
		assertThat(next(volunteer(2, "CAF"), NOW, queue)).hasValue(2L);
		assertThat(next(volunteer(3, "CAF"), NOW, queue)).hasValue(3L);
		assertThat(this.reads).hasValue(1);
	}

	@Test
	void keepsVolunteersWithOtherSkillsApart() {
		assertThat(next(volunteer(1, "CAF"), NOW, queue(1L, 2L))).hasValue(1L);
		assertThat(next(volunteer(2, "TAX"), NOW, queue(7L))).hasValue(7L);
		assertThat(next(volunteer(3, "CAF"), NOW, queue(99L))).hasValue(2L);
	}

	@Test
	void readsTheQueueAgainWhenTheBufferIsEmpty() {
		List<Long> queue = new ArrayList<>(List.of(1L));
		RoutingProfile volunteer = volunteer(1, "CAF");

		assertThat(next(volunteer, NOW, () -> read(queue))).hasValue(1L);
		queue.set(0, 2L);
		assertThat(next(volunteer, NOW, () -> read(queue))).hasValue(2L);
		assertThat(this.reads).hasValue(2);
	}

	@Test
	void readsTheQueueAgainOnceTheRoutingClockMovedOn() {
		RoutingProfile volunteer = volunteer(1, "CAF");
		next(volunteer, NOW, queue(1L, 2L));

		assertThat(next(volunteer, NOW.plus(Duration.ofMinutes(30)), queue(5L, 6L)))
			.as("escalation may have changed who is first")
			.hasValue(5L);
	}

	@Test
	void readsTheQueueAgainOnceTheBufferIsOlderThanItsFreshness() throws InterruptedException {
		RoutingProfile volunteer = volunteer(1, "CAF");
		next(volunteer, NOW, queue(1L, 2L));

		Thread.sleep(CandidateBuffers.FRESHNESS.toMillis() + 50);

		assertThat(next(volunteer, NOW, queue(5L))).hasValue(5L);
	}

	@Test
	void forgetsEverythingWhenTheQueueChanged() {
		RoutingProfile volunteer = volunteer(1, "CAF");
		next(volunteer, NOW, queue(1L, 2L));

		this.buffers.clear();

		assertThat(next(volunteer, NOW, queue(0L, 2L))).hasValue(0L);
	}

	@Test
	void answersNothingWhenItMayNotReadAndNothingIsBuffered() {
		OptionalLong next = this.buffers.bufferFor(volunteer(1, "CAF"), reach()).next(NOW, false, queue(1L));

		assertThat(next).isEmpty();
		assertThat(this.reads).hasValue(0);
	}

	private OptionalLong next(RoutingProfile volunteer, Instant now, Supplier<List<Long>> read) {
		return this.buffers.bufferFor(volunteer, reach()).next(now, true, read);
	}

	private Supplier<List<Long>> queue(Long... ids) {
		return () -> read(List.of(ids));
	}

	private List<Long> read(List<Long> queue) {
		this.reads.incrementAndGet();
		return List.copyOf(queue);
	}

	private static Reach reach() {
		return new Reach(Set.of("75"), Set.of("11"), true);
	}

	private static RoutingProfile volunteer(long id, String skill) {
		return new RoutingProfile(id, "75", "11", Set.of(skill), Set.of("fr"), 3, Set.of("75"), Set.of(), true, true,
				true);
	}

}
