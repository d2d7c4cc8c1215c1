package fr.passerelle.statistics;

import java.util.Map;
import java.util.SortedMap;

/**
 * Waits kept as counts per bucket ({@code statistics_waits}), so that percentiles and the
 * service level of any period and threshold come from the daily rollups: whole seconds up
 * to 2 minutes, 5 s up to 10 minutes, 30 s up to an hour, then 5 minutes. A bucket is
 * named by its lower bound in seconds.
 */
final class WaitBuckets {

	/** Thresholds of the service level must fall where buckets are whole seconds. */
	static final int EXACT_UP_TO_SECONDS = 120;

	private WaitBuckets() {
	}

	static int bucketOf(long waitMillis) {
		long seconds = Math.max(0, waitMillis) / 1000;
		if (seconds < EXACT_UP_TO_SECONDS) {
			return (int) seconds;
		}
		if (seconds < 600) {
			return (int) (seconds - seconds % 5);
		}
		if (seconds < 3600) {
			return (int) (seconds - seconds % 30);
		}
		return (int) Math.min(Integer.MAX_VALUE, seconds - seconds % 300);
	}

	/**
	 * The nearest-rank percentile: the smallest bucket under which at least
	 * {@code fraction} of the waits fall; {@code null} without any.
	 */
	static Integer percentile(SortedMap<Integer, Long> buckets, double fraction) {
		long total = buckets.values().stream().mapToLong(Long::longValue).sum();
		if (total == 0) {
			return null;
		}
		long rank = (long) Math.ceil(fraction * total);
		long seen = 0;
		for (Map.Entry<Integer, Long> bucket : buckets.entrySet()) {
			seen += bucket.getValue();
			if (seen >= Math.max(1, rank)) {
				return bucket.getKey();
			}
		}
		return buckets.lastKey();
	}

	/** Waits of {@code seconds} or less (whole seconds, rounded down). */
	static long atMost(SortedMap<Integer, Long> buckets, int seconds) {
		return buckets.headMap(seconds + 1).values().stream().mapToLong(Long::longValue).sum();
	}

	/** Waits of more than {@code seconds}. */
	static long over(SortedMap<Integer, Long> buckets, int seconds) {
		return buckets.tailMap(seconds + 1).values().stream().mapToLong(Long::longValue).sum();
	}

}
