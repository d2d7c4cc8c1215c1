package fr.passerelle.statistics;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

import fr.passerelle.platform.RejectedRequest;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

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
		StringWriter text = new StringWriter().append('\uFEFF');
		try (CSVPrinter printer = new CSVPrinter(text, format(header))) {
			for (List<Object> row : rows) {
				printer.printRecord(cells(row.toArray()));
			}
		}
		catch (IOException impossible) {
			throw new UncheckedIOException(impossible);
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** The format of a table with this header, for a {@link CSVPrinter}. */
	CSVFormat format(List<String> header) {
		return CSVFormat.Builder.create(CSVFormat.RFC4180)
			.setDelimiter(this.separator)
			.setQuoteMode(QuoteMode.MINIMAL)
			.setHeader(header.stream().map(CsvExport::neutralised).toArray(String[]::new))
			.get();
	}

	/** A row's values as cells: numbers in the chosen way, texts neutralised. */
	List<String> cells(Object... values) {
		List<String> cells = new ArrayList<>(values.length);
		for (Object value : values) {
			cells.add(cell(value));
		}
		return cells;
	}

	/**
	 * A table of records, a column per component, headed by {@code header} (given each
	 * component's name).
	 */
	<R extends Record> byte[] records(Class<R> type, List<R> rows, Function<String, String> header) {
		RecordComponent[] components = type.getRecordComponents();
		List<String> names = Arrays.stream(components).map(RecordComponent::getName).map(header).toList();
		List<List<Object>> values = new ArrayList<>();
		for (R row : rows) {
			List<Object> cells = new ArrayList<>();
			for (RecordComponent component : components) {
				try {
					cells.add(component.getAccessor().invoke(row));
				}
				catch (ReflectiveOperationException impossible) {
					throw new IllegalStateException(impossible);
				}
			}
			values.add(cells);
		}
		return write(names, values);
	}

	/** An exported file, to download. */
	static ResponseEntity<byte[]> attachment(String fileName, byte[] body) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName).build().toString())
			.header(HttpHeaders.CONTENT_TYPE, MEDIA_TYPE)
			.body(body);
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
