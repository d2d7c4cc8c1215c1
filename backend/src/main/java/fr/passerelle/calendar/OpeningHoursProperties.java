package fr.passerelle.calendar;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Opening hours as configured:
 * {@code passerelle.opening-hours.weekly.monday=09:00-12:30,13:30-18:00}; a day that is
 * not listed is closed.
 */
@ConfigurationProperties("passerelle.opening-hours")
record OpeningHoursProperties(@DefaultValue("Europe/Paris") ZoneId zone, Map<DayOfWeek, String> weekly) {
}
