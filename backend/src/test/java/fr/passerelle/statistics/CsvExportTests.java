package fr.passerelle.statistics;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import fr.passerelle.platform.RejectedRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvExportTests {

	@Test
	void neutralisesWhatASpreadsheetWouldRunAsAFormula() {
		String csv = text(CsvExport.of(null, null)
			.write(List.of("=titre", "b"),
					List.of(List.of("=SUM(A1:A9)", "+33 6"), List.of("-2+3", "@cmd"), List.of("\tx", "sans danger"))));

		assertThat(csv.split("\r\n")).containsExactly("'=titre;b", "'=SUM(A1:A9);'+33 6", "'-2+3;'@cmd",
				"'\tx;sans danger");
	}

	@Test
	void writesDecimalsWithACommaBetweenSemicolonsByDefault() {
		String csv = text(CsvExport.of(null, null)
			.write(List.of("a", "b", "c", "d"), List.of(Arrays.asList(0.1667, 12L, null, 0.0001))));

		assertThat(csv).isEqualTo("a;b;c;d\r\n0,1667;12;;0,0001\r\n");
	}

	@Test
	void quotesADecimalCommaBetweenCommas() {
		String csv = text(CsvExport.of("comma", "comma").write(List.of("a", "b"), List.of(List.of(0.5, "x, y"))));

		assertThat(csv).isEqualTo("a,b\r\n\"0,5\",\"x, y\"\r\n");
	}

	@Test
	void writesUtf8WithAByteOrderMark() {
		byte[] bytes = CsvExport.of("semicolon", "point").write(List.of("définition"), List.of(List.of(0.25)));

		assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
		assertThat(text(bytes)).isEqualTo("définition\r\n0.25\r\n");
	}

	@Test
	void refusesUnknownOptions() {
		assertThatThrownBy(() -> CsvExport.of("tab", null)).isInstanceOf(RejectedRequest.class)
			.hasMessage("statistics.csv.separator");
		assertThatThrownBy(() -> CsvExport.of(null, "virgule")).isInstanceOf(RejectedRequest.class)
			.hasMessage("statistics.csv.decimal");
	}

	private static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8).substring(1);
	}

}
