package fr.passerelle.calendar;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * French public holidays, computed for any year: the eleven national ones (Easter-based
 * ones from the Gregorian computus), Good Friday and Saint Stephen's Day in
 * Alsace-Moselle (57, 67, 68), and the abolition of slavery day of each overseas
 * département (décret n° 83-1003 as amended).
 */
public final class FrenchPublicHolidays {

	private static final Set<String> ALSACE_MOSELLE = Set.of("57", "67", "68");

	private static final Map<String, MonthDay> ABOLITION_OF_SLAVERY = Map.of("971", MonthDay.of(5, 27), "972",
			MonthDay.of(5, 22), "973", MonthDay.of(6, 10), "974", MonthDay.of(12, 20), "976", MonthDay.of(4, 27));

	private FrenchPublicHolidays() {
	}

	/**
	 * The holidays observed everywhere in France.
	 */
	public static List<PublicHoliday> national(int year) {
		LocalDate easter = easterSunday(year);
		List<PublicHoliday> holidays = new ArrayList<>(List.of(holiday(year, 1, 1, "holiday.new-year"),
				new PublicHoliday(easter.plusDays(1), "holiday.easter-monday"),
				holiday(year, 5, 1, "holiday.labour-day"), holiday(year, 5, 8, "holiday.victory-day"),
				new PublicHoliday(easter.plusDays(39), "holiday.ascension"),
				new PublicHoliday(easter.plusDays(50), "holiday.whit-monday"),
				holiday(year, 7, 14, "holiday.national-day"), holiday(year, 8, 15, "holiday.assumption"),
				holiday(year, 11, 1, "holiday.all-saints"), holiday(year, 11, 11, "holiday.armistice"),
				holiday(year, 12, 25, "holiday.christmas")));
		holidays.sort(Comparator.comparing(PublicHoliday::date));
		return holidays;
	}

	/**
	 * The holidays observed in a département: the national ones plus its own.
	 */
	public static List<PublicHoliday> in(String departementCode, int year) {
		List<PublicHoliday> holidays = new ArrayList<>(national(year));
		if (ALSACE_MOSELLE.contains(departementCode)) {
			holidays.add(new PublicHoliday(easterSunday(year).minusDays(2), "holiday.good-friday"));
			holidays.add(holiday(year, 12, 26, "holiday.saint-stephen"));
		}
		MonthDay abolition = ABOLITION_OF_SLAVERY.get(departementCode);
		if (abolition != null) {
			holidays.add(new PublicHoliday(abolition.atYear(year), "holiday.abolition-of-slavery"));
		}
		holidays.sort(Comparator.comparing(PublicHoliday::date));
		return holidays;
	}

	public static boolean isNationalHoliday(LocalDate date) {
		return national(date.getYear()).stream().anyMatch((holiday) -> holiday.date().equals(date));
	}

	public static boolean isHolidayIn(String departementCode, LocalDate date) {
		return in(departementCode, date.getYear()).stream().anyMatch((holiday) -> holiday.date().equals(date));
	}

	/**
	 * Easter Sunday in the Gregorian calendar (the anonymous "Meeus/Jones/Butcher"
	 * computus).
	 */
	static LocalDate easterSunday(int year) {
		int a = year % 19;
		int b = year / 100;
		int c = year % 100;
		int d = b / 4;
		int e = b % 4;
		int f = (b + 8) / 25;
		int g = (b - f + 1) / 3;
		int h = (19 * a + b - d - g + 15) % 30;
		int i = c / 4;
		int k = c % 4;
		int l = (32 + 2 * e + 2 * i - h - k) % 7;
		int m = (a + 11 * h + 22 * l) / 451;
		int month = (h + l - 7 * m + 114) / 31;
		int day = ((h + l - 7 * m + 114) % 31) + 1;
		return LocalDate.of(year, month, day);
	}

	private static PublicHoliday holiday(int year, int month, int day, String name) {
		return new PublicHoliday(LocalDate.of(year, month, day), name);
	}

}
