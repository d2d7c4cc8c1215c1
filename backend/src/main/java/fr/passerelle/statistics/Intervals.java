package fr.passerelle.statistics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Spans of time as a union of disjoint, ordered intervals [from, to) in milliseconds, so
 * that overlapping periods (a call during a wrap-up) are counted once.
 */
final class Intervals {

	static final Intervals NONE = new Intervals(List.of());

	private final List<long[]> spans;

	private Intervals(List<long[]> spans) {
		this.spans = spans;
	}

	static Intervals of(List<long[]> spans) {
		List<long[]> sorted = new ArrayList<>(spans.stream().filter((span) -> span[1] > span[0]).toList());
		sorted.sort(Comparator.comparingLong((long[] span) -> span[0]));
		List<long[]> merged = new ArrayList<>();
		for (long[] span : sorted) {
			long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
			if (last != null && span[0] <= last[1]) {
				last[1] = Math.max(last[1], span[1]);
			}
			else {
				merged.add(new long[] { span[0], span[1] });
			}
		}
		return new Intervals(merged);
	}

	Intervals union(Intervals other) {
		List<long[]> both = new ArrayList<>(this.spans);
		both.addAll(other.spans);
		return of(both);
	}

	/** The part within [from, to). */
	Intervals within(long from, long to) {
		List<long[]> kept = new ArrayList<>();
		for (long[] span : this.spans) {
			long start = Math.max(span[0], from);
			long end = Math.min(span[1], to);
			if (end > start) {
				kept.add(new long[] { start, end });
			}
		}
		return new Intervals(kept);
	}

	long millis() {
		return this.spans.stream().mapToLong((span) -> span[1] - span[0]).sum();
	}

	long seconds() {
		return millis() / 1000;
	}

}
