package fr.passerelle.statistics;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVPrinter;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The national activity report's export: one row per accompaniment (an outcome form
 * recorded during the period), with the codes of the report of the Coop de la médiation
 * numérique (DESIGN.md §6), so that Passerelle's activity can be merged with the other
 * mediation services'. Nothing about the person: no number, name, reference or note; the
 * département only. Streamed, whatever its length.
 */
@Component
class ActivityReport {

	/** The report's columns, in its order. */
	static final List<String> COLUMNS = List.of("date", "departement", "type", "lieu", "duree_minutes",
			"thematiques_demarche", "thematiques_accompagnement", "materiel", "autonomie", "demarche_finalisee",
			"structure_redirection");

	private final JdbcTemplate jdbc;

	ActivityReport(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void write(Period period, Scope scope, CsvExport csv, OutputStream out) throws IOException {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		List<Object> params = new ArrayList<>(
				List.of(Timestamp.from(ParisTime.start(period.from())), Timestamp.from(ParisTime.end(period.to()))));
		String region = "";
		if (scope.regionCode() != null) {
			region = " AND t.region_code = ?";
			params.add(scope.regionCode());
		}
		try (CSVPrinter printer = new CSVPrinter(writer, csv.format(COLUMNS))) {
			this.jdbc.query("""
					SELECT o.recorded_at, t.departement_code, o.support_type, o.duration_minutes, o.procedure_themes,
					       o.support_themes, o.equipment, o.autonomy, o.completion, o.redirection
					FROM ticket_outcome o JOIN ticket t ON t.id = o.ticket_id
					WHERE o.recorded_at >= ? AND o.recorded_at < ? AND NOT t.practice""" + region
					+ " ORDER BY o.recorded_at", (rs) -> {
						try {
							printer.printRecord(csv.cells(ParisTime.day(rs.getTimestamp(1).toInstant()).toString(),
									rs.getString(2), rs.getString(3), "a_distance", rs.getInt(4), rs.getString(5),
									rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
									rs.getString(10)));
						}
						catch (IOException failed) {
							throw new UncheckedIOException(failed);
						}
					}, params.toArray());
		}
	}

}
