package fr.passerelle.statistics;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A period of volunteers' figures read from whole months where they are summed, and days
 * elsewhere: every day once, none twice.
 */
class VolunteerMonthsTests {

	@Test
	void readsAYearAsItsWholeMonthsAndTheDaysAtEitherEnd() {
		VolunteerMonths.Split split = VolunteerMonths.split(LocalDate.of(2025, 12, 7), LocalDate.of(2026, 12, 6),
				LocalDate.of(2026, 12, 1));

		assertThat(split.months()).isEqualTo(new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 11, 1)));
		assertThat(split.days()).containsExactly(new Period(LocalDate.of(2025, 12, 7), LocalDate.of(2025, 12, 31)),
				new Period(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 6)));
	}

	@Test
	void readsTheMonthsNotYetSummedDayByDay() {
		VolunteerMonths.Split split = VolunteerMonths.split(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30),
				LocalDate.of(2026, 4, 1));

		assertThat(split.months()).isEqualTo(new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 1)));
		assertThat(split.days()).containsExactly(new Period(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30)));
	}

	@Test
	void readsAWholeMonthFromItsLineAlone() {
		VolunteerMonths.Split split = VolunteerMonths.split(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28),
				LocalDate.of(2026, 12, 1));

		assertThat(split.months()).isEqualTo(new Period(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 1)));
		assertThat(split.days()).isEmpty();
	}

	@Test
	void readsDaysOnlyWhenNoWholeMonthIsSummed() {
		Period within = new Period(LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 20));
		Period across = new Period(LocalDate.of(2026, 3, 5), LocalDate.of(2026, 4, 20));

		assertThat(VolunteerMonths.split(within.from(), within.to(), LocalDate.of(2026, 12, 1)).days())
			.isEqualTo(List.of(within));
		assertThat(VolunteerMonths.split(across.from(), across.to(), LocalDate.of(2026, 12, 1)).days())
			.isEqualTo(List.of(across));
		assertThat(VolunteerMonths.split(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30), null).days())
			.isEqualTo(List.of(new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30))));
		assertThat(VolunteerMonths.split(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30), null).months()).isNull();
	}

}
