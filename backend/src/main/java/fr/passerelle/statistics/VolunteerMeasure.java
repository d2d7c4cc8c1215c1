package fr.passerelle.statistics;

/**
 * What a volunteer's day is counted by ({@code statistics_volunteers}); each is defined
 * in {@link DayRollup}.
 */
enum VolunteerMeasure implements Measure {

	ANSWERED, CALLBACKS_MADE, CALLBACKS_REACHED, AVAILABLE_SECONDS, IN_CALL_SECONDS, WRAP_UP_SECONDS, HANDLING_SECONDS,
	WORKING_SECONDS, PAUSED_SECONDS

}
