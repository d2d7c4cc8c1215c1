package fr.passerelle.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class FrenchPublicHolidaysTests {

	/** Generated from @socialgouv/jours-feries 2.0.0 (Apache-2.0) for 2000–2050. */
	private static final Map<String, Map<String, List<String>>> REFERENCE = reference();

	@Test
	void matchesTheReferenceForEveryYearFrom2000To2050() {
		for (int year = 2000; year <= 2050; year++) {
			Map<String, List<String>> expected = REFERENCE.get(String.valueOf(year));
			assertThat(dates(FrenchPublicHolidays.national(year))).as("national %d", year)
				.isEqualTo(expected.get("national"));
			assertThat(dates(FrenchPublicHolidays.in("67", year))).as("Alsace-Moselle %d", year)
				.isEqualTo(expected.get("alsaceMoselle"));
		}
	}

	@ParameterizedTest
	@CsvSource({ "2024, 2024-03-31", "2025, 2025-04-20", "2026, 2026-04-05", "2038, 2038-04-25", "2285, 2285-03-22" })
	void computesEaster(int year, LocalDate easter) {
		assertThat(FrenchPublicHolidays.easterSunday(year)).isEqualTo(easter);
	}

	@ParameterizedTest
	@CsvSource({ "971, 2026-05-27", "972, 2026-05-22", "973, 2026-06-10", "974, 2026-12-20", "976, 2026-04-27" })
	void observesTheAbolitionOfSlaveryOverseas(String departement, LocalDate day) {
		assertThat(FrenchPublicHolidays.isHolidayIn(departement, day)).isTrue();
		assertThat(FrenchPublicHolidays.isHolidayIn("75", day)).isFalse();
		assertThat(FrenchPublicHolidays.in(departement, 2026)).hasSize(12);
	}

	@Test
	void keepsAlsaceMoselleDaysToThoseThreeDepartements() {
		LocalDate goodFriday = LocalDate.of(2026, 4, 3);

		assertThat(FrenchPublicHolidays.isHolidayIn("57", goodFriday)).isTrue();
		assertThat(FrenchPublicHolidays.isHolidayIn("68", LocalDate.of(2026, 12, 26))).isTrue();
		assertThat(FrenchPublicHolidays.isHolidayIn("54", goodFriday)).isFalse();
		assertThat(FrenchPublicHolidays.isNationalHoliday(goodFriday)).isFalse();
	}

	private static List<String> dates(List<PublicHoliday> holidays) {
		return holidays.stream().map((holiday) -> holiday.date().toString()).sorted().toList();
	}

	private static Map<String, Map<String, List<String>>> reference() {
		try (InputStream json = FrenchPublicHolidaysTests.class
			.getResourceAsStream("/calendar/jours-feries-reference.json")) {
			return JsonPath.read(json, "$.years");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
