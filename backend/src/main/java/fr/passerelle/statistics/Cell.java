package fr.passerelle.statistics;

/**
 * One breakdown of a day in a rollup table.
 *
 * @param dim {@code D} the whole day, {@code T} a theme, {@code P} a département,
 * {@code H} an hour of the day (Paris time)
 * @param scope {@value #NATIONAL} for the whole country, or a région's code
 * @param item the theme's or département's code, the hour ({@code 00} to {@code 23}), or
 * empty for the whole day
 */
record Cell(char dim, String scope, String item) {

	static final String NATIONAL = "FR";

	static final char DAY = 'D';

	static final char THEME = 'T';

	static final char DEPARTEMENT = 'P';

	static final char HOUR = 'H';

	static Cell day(String scope) {
		return new Cell(DAY, scope, "");
	}

	static Cell theme(String scope, String topicCode) {
		return new Cell(THEME, scope, topicCode);
	}

	static Cell departement(String regionCode, String departementCode) {
		return new Cell(DEPARTEMENT, regionCode, departementCode);
	}

	static Cell hour(String scope, int hour) {
		return new Cell(HOUR, scope, String.format("%02d", hour));
	}

}
