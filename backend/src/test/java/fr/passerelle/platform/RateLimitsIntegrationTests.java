package fr.passerelle.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import fr.passerelle.IntegrationTest;
import fr.passerelle.TestClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The limits against the real database, under parallel requests as an attacker would send
 * them.
 */
@IntegrationTest
class RateLimitsIntegrationTests {

	@Autowired
	RateLimits limits;

	@Autowired
	TestClock clock;

	@Test
	void letsNoParallelBurstPastTheLimit() throws Exception {
		String subject = UUID.randomUUID().toString();
		int threads = 24;
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Boolean>> answers = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			for (int i = 0; i < threads; i++) {
				answers.add(pool.submit(() -> {
					start.await();
					return this.limits.tryAcquire("test-burst", subject, 5, Duration.ofHours(1));
				}));
			}
			start.countDown();
			int allowed = 0;
			for (Future<Boolean> answer : answers) {
				allowed += answer.get() ? 1 : 0;
			}
			assertThat(allowed).isEqualTo(5);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void countsPerHourAndPerDay() {
		String subject = UUID.randomUUID().toString();
		RateLimits.Limit limit = new RateLimits.Limit(2, 3);

		this.limits.require("test-daily", subject, limit);
		this.limits.require("test-daily", subject, limit);
		assertThatExceptionOfType(RejectedRequest.class)
			.isThrownBy(() -> this.limits.require("test-daily", subject, limit))
			.satisfies((ex) -> assertThat(ex.messageCode()).isEqualTo("limits.exceeded"));
		this.clock.advance(Duration.ofMinutes(61));
		this.limits.require("test-daily", subject, limit);
		assertThatExceptionOfType(RejectedRequest.class).as("three in a day, although the hour has passed")
			.isThrownBy(() -> this.limits.require("test-daily", subject, limit));
		this.clock.advance(Duration.ofHours(24));
		this.limits.require("test-daily", subject, limit);
		this.limits.require("test-daily", "someone else " + subject, limit);
	}

}
