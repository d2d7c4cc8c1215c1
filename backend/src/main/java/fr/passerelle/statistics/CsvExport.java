package fr.passerelle.statistics;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

import fr.passerelle.platform.RejectedRequest;

import org.springframework.http.HttpStatus;

/**
 * A table written as CSV for a spreadsheet: UTF-8 with a byte order mark (so that Excel
 * reads the accents), {@code ;} or {@code ,} between cells, a decimal comma or point, and
 * any cell that a spreadsheet would take for a formula ({@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return first) neutralised with a leading apostrophe.
 *
 * @param separator between cells
 * @param decimalComma whether decimals are written {@code 0,25} rather than {@code 0.25}
 */
record CsvExport(char separator, boolean decimalComma) {

	/** The media type, with its charset. */
	static final String MEDIA_TYPE = "text/csv;charset=UTF-8";

	/**
	 * The options as the API receives them: {@code separator=semicolon} (default) or
	 * {@code comma}, {@code decimal=comma} (default) or {@code point}.
	 * @throws RejectedRequest (400) for any other value
	 */
	static CsvExport of(String separator, String decimal) {
		boolean comma = switch ((separator != null) ? separator : "semicolon") {
			case "semicolon", ";" -> false;
			case "comma", "," -> true;
			default -> throw new RejectedRequest(HttpStatus.BAD_REQUEST, "statistics.csv.separator");
		};
		boolean decimalComma = switch ((decimal != null) ? decimal : "comma") {
			case "comma", "," -> true;
			case "point", "." -> false;
			default -> throw new RejectedRequest(HttpStatus.BAD_REQUEST, "statistics.csv.decimal");
		};
		return new CsvExport(comma ? ',' : ';', decimalComma);
	}

	byte[] write(List<String> header, List<List<Object>> rows) {
		CSVFormat format = CSVFormat.Builder.create(CSVFormat.RFC4180)
			.setDelimiter(this.separator)
			.setQuoteMode(QuoteMode.MINIMAL)
			.setHeader(header.stream().map(CsvExport::neutralised).toArray(String[]::new))
			.get();
		StringWriter text = new StringWriter().append('\uFEFF');
		try (CSVPrinter printer = new CSVPrinter(text, format)) {
			for (List<Object> row : rows) {
				printer.printRecord(row.stream().map(this::cell).toList());
			}
		}
		catch (IOException impossible) {
			throw new UncheckedIOException(impossible);
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	private String cell(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof Double || value instanceof Float) {
			String number = BigDecimal.valueOf(((Number) value).doubleValue()).stripTrailingZeros().toPlainString();
			return this.decimalComma ? number.replace('.', ',') : number;
		}
		if (value instanceof Number) {
			return value.toString();
		}
		return neutralised(value.toString());
	}

	/** A text a spreadsheet would run as a formula, made plain text. */
	static String neutralised(String text) {
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			return "'" + text;
		}
		return text;
	}

}
