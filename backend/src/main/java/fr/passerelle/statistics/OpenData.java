package fr.passerelle.statistics;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import fr.passerelle.territory.Region;
import fr.passerelle.territory.Territories;
import fr.passerelle.topic.Topic;
import fr.passerelle.topic.Topics;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The open data: the daily activity by région and theme (calls, callback requests, calls
 * answered), from the rollups, up to yesterday. Anonymised: it holds counts only, and any
 * count from 1 to {@value #SMALLEST_PUBLISHED} - 1 is left blank (statistical secrecy),
 * so that nobody can be singled out; a line with nothing at all is left out. Licence
 * Ouverte 2.0 (Etalab).
 */
@Component
class OpenData {

	/** Smaller counts are not published. */
	static final int SMALLEST_PUBLISHED = 5;

	static final List<String> COLUMNS = List.of("jour", "region_code", "region", "theme_code", "theme", "appels",
			"demandes_de_rappel", "appels_repondus");

	private final JdbcTemplate jdbc;

	private final Territories territories;

	private final Topics topics;

	OpenData(JdbcTemplate jdbc, Territories territories, Topics topics) {
		this.jdbc = jdbc;
		this.territories = territories;
		this.topics = topics;
	}

	/** Writes the days from {@code from} to {@code to}, as CSV (UTF-8, commas). */
	void write(LocalDate from, LocalDate to, OutputStream out) throws IOException {
		Map<String, String> regions = new TreeMap<>();
		this.territories.regions().forEach((Region region) -> regions.put(region.code(), region.name()));
		Map<String, String> themes = new TreeMap<>();
		this.topics.all().forEach((Topic topic) -> themes.put(topic.code(), topic.nameFr()));
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		CSVFormat format = CSVFormat.Builder.create(CSVFormat.RFC4180).setHeader(COLUMNS.toArray(String[]::new)).get();
		try (CSVPrinter printer = new CSVPrinter(writer, format)) {
			this.jdbc.query("""
					SELECT COALESCE(c.day, r.day) AS day, COALESCE(c.scope, r.scope) AS region,
					       COALESCE(c.item, r.item) AS theme, COALESCE(c.calls, 0), COALESCE(r.callbacks, 0),
					       COALESCE(c.answered, 0)
					FROM (SELECT day, scope, item, calls, answered FROM statistics_calls
					      WHERE dim = 'T' AND scope <> 'FR' AND day BETWEEN ? AND ?) c
					LEFT JOIN (SELECT day, scope, item, callbacks FROM statistics_requests
					      WHERE dim = 'T' AND scope <> 'FR' AND day BETWEEN ? AND ?) r
					  ON r.day = c.day AND r.scope = c.scope AND r.item = c.item
					UNION ALL
					SELECT r.day, r.scope, r.item, 0, r.callbacks, 0
					FROM statistics_requests r
					WHERE r.dim = 'T' AND r.scope <> 'FR' AND r.day BETWEEN ? AND ?
					  AND NOT EXISTS (SELECT 1 FROM statistics_calls c WHERE c.dim = 'T' AND c.day = r.day
					                    AND c.scope = r.scope AND c.item = r.item)
					ORDER BY 1, 2, 3""", (rs) -> {
				long calls = rs.getLong(4);
				long callbacks = rs.getLong(5);
				long answered = rs.getLong(6);
				if (calls + callbacks + answered == 0) {
					return;
				}
				String region = rs.getString(2);
				String theme = rs.getString(3);
				try {
					printer.printRecord(rs.getDate(1).toLocalDate(), region, regions.getOrDefault(region, region),
							theme, themes.getOrDefault(theme, theme), published(calls), published(callbacks),
							published(answered));
				}
				catch (IOException failed) {
					throw new UncheckedIOException(failed);
				}
			}, Date.valueOf(from), Date.valueOf(to), Date.valueOf(from), Date.valueOf(to), Date.valueOf(from),
					Date.valueOf(to));
		}
	}

	/** The first day with figures, if any. */
	LocalDate firstDay() {
		Date first = this.jdbc.queryForObject("SELECT MIN(day) FROM statistics_calls WHERE dim = 'T'", Date.class);
		Date firstRequest = this.jdbc.queryForObject("SELECT MIN(day) FROM statistics_requests WHERE dim = 'T'",
				Date.class);
		LocalDate day = (first != null) ? first.toLocalDate() : null;
		if (firstRequest != null && (day == null || firstRequest.toLocalDate().isBefore(day))) {
			day = firstRequest.toLocalDate();
		}
		return day;
	}

	/** A count as published: blank from 1 to 4. */
	static String published(long count) {
		return (count > 0 && count < SMALLEST_PUBLISHED) ? "" : String.valueOf(count);
	}

}
