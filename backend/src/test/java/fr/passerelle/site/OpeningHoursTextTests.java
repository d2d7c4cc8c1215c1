package fr.passerelle.site;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import fr.passerelle.calendar.OpeningSlot;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

class OpeningHoursTextTests {

	private final OpeningHoursText text = new OpeningHoursText(catalogue());

	@Test
	void groupsConsecutiveDaysWithTheSameHours() {
		assertThat(this.text.describe(weekdays("09:00", "18:00"), Locale.FRENCH))
			.containsExactly("Du lundi au vendredi, de 9\u00a0h à 18\u00a0h");
	}

	@Test
	void saysEachPeriodOfADayAndMinutesWhenThereAreSome() {
		List<OpeningSlot> slots = new ArrayList<>();
		for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY)) {
			slots.add(slot(day, "09:00", "12:30"));
			slots.add(slot(day, "13:30", "17:00"));
		}
		slots.add(slot(DayOfWeek.SATURDAY, "09:00", "12:00"));

		assertThat(this.text.describe(slots, Locale.FRENCH)).containsExactly(
				"Du lundi au mardi, de 9\u00a0h à 12\u00a0h\u00a030 et de 13\u00a0h\u00a030 à 17\u00a0h",
				"Le samedi, de 9\u00a0h à 12\u00a0h");
	}

	@Test
	void keepsDaysApartWhenAClosedDaySeparatesThem() {
		List<OpeningSlot> slots = List.of(slot(DayOfWeek.MONDAY, "10:00", "16:00"),
				slot(DayOfWeek.WEDNESDAY, "10:00", "16:00"));

		assertThat(this.text.describe(slots, Locale.FRENCH)).containsExactly("Le lundi, de 10\u00a0h à 16\u00a0h",
				"Le mercredi, de 10\u00a0h à 16\u00a0h");
	}

	@Test
	void speaksEnglish() {
		assertThat(this.text.describe(weekdays("09:00", "18:00"), Locale.ENGLISH))
			.containsExactly("Monday to Friday, 9:00 to 18:00");
	}

	@Test
	void saysNothingWhenNeverOpen() {
		assertThat(this.text.describe(List.of(), Locale.FRENCH)).isEmpty();
	}

	private static List<OpeningSlot> weekdays(String opens, String closes) {
		return List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)
			.stream()
			.map((day) -> slot(day, opens, closes))
			.toList();
	}

	private static OpeningSlot slot(DayOfWeek day, String opens, String closes) {
		return new OpeningSlot(day, LocalTime.parse(opens), LocalTime.parse(closes));
	}

	static ResourceBundleMessageSource catalogue() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		messages.setAlwaysUseMessageFormat(true);
		return messages;
	}

}
