package fr.passerelle.calendar;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Map;

/**
 * Builds opening hours for tests of other modules, without a Spring context.
 */
public final class OpeningHoursTestSupport {

	private OpeningHoursTestSupport() {
	}

	public static OpeningHours weekly(ZoneId zone, Map<DayOfWeek, String> weekly, Clock clock) {
		return new OpeningHours(new OpeningHoursProperties(zone, weekly), clock);
	}

}
