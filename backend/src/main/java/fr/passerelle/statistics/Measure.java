package fr.passerelle.statistics;

import java.util.Locale;

/**
 * A count kept in a rollup table: its column is its name in lower case, and a period adds
 * the days up, except for a maximum.
 */
interface Measure {

	String name();

	default boolean isMaximum() {
		return false;
	}

	default String column() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** How a period sums the column. */
	default String aggregate() {
		return (isMaximum() ? "MAX(" : "SUM(") + column() + ")";
	}

}
