package fr.passerelle.statistics;

import java.util.Arrays;

/**
 * Counts by measure, added up (or the largest kept, for a maximum).
 *
 * @param <M> the measures counted
 */
final class Tally<M extends Enum<M> & Measure> {

	private final M[] measures;

	private final long[] values;

	Tally(Class<M> type) {
		this.measures = type.getEnumConstants();
		this.values = new long[this.measures.length];
	}

	void add(M measure, long value) {
		if (measure.isMaximum()) {
			this.values[measure.ordinal()] = Math.max(this.values[measure.ordinal()], value);
		}
		else {
			this.values[measure.ordinal()] += value;
		}
	}

	void increment(M measure) {
		add(measure, 1);
	}

	long get(M measure) {
		return this.values[measure.ordinal()];
	}

	void merge(Tally<M> other) {
		for (M measure : this.measures) {
			add(measure, other.get(measure));
		}
	}

	M[] measures() {
		return this.measures;
	}

	boolean isEmpty() {
		return Arrays.stream(this.values).allMatch((value) -> value == 0);
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder("{");
		for (M measure : this.measures) {
			if (get(measure) != 0) {
				text.append((text.length() > 1) ? ", " : "").append(measure.column()).append('=').append(get(measure));
			}
		}
		return text.append('}').toString();
	}

}
