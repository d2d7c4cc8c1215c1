package fr.passerelle.statistics;

import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WaitBucketsTests {

	@Test
	void keepsWholeSecondsUpToTwoMinutesThenCoarserBuckets() {
		assertThat(WaitBuckets.bucketOf(0)).isZero();
		assertThat(WaitBuckets.bucketOf(59_999)).isEqualTo(59);
		assertThat(WaitBuckets.bucketOf(119_999)).isEqualTo(119);
		assertThat(WaitBuckets.bucketOf(124_000)).isEqualTo(120);
		assertThat(WaitBuckets.bucketOf(601_000)).isEqualTo(600);
		assertThat(WaitBuckets.bucketOf(3_700_000)).isEqualTo(3600);
		assertThat(WaitBuckets.bucketOf(-5)).as("a clock that went back").isZero();
	}

	@Test
	void findsPercentilesByNearestRank() {
		SortedMap<Integer, Long> waits = new TreeMap<>();
		waits.put(10, 1L);
		waits.put(20, 1L);
		waits.put(30, 1L);
		waits.put(90, 1L);

		assertThat(WaitBuckets.percentile(waits, 0.5)).isEqualTo(20);
		assertThat(WaitBuckets.percentile(waits, 0.9)).isEqualTo(90);
		assertThat(WaitBuckets.percentile(new TreeMap<>(), 0.5)).isNull();
	}

	@Test
	void splitsWaitsAtAThreshold() {
		SortedMap<Integer, Long> waits = new TreeMap<>();
		waits.put(59, 2L);
		waits.put(60, 3L);
		waits.put(61, 5L);

		assertThat(WaitBuckets.atMost(waits, 60)).isEqualTo(5);
		assertThat(WaitBuckets.over(waits, 60)).isEqualTo(5);
	}

}
