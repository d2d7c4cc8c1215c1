package fr.passerelle.statistics;

/**
 * What a day's calls to the hotline are counted by ({@code statistics_calls}); each is
 * defined in {@link DayRollup}.
 */
enum CallMeasure implements Measure {

	CALLS, OFFERED, ANSWERED, ABANDONED, SHORT_ABANDONED, QUEUE_CALLBACKS, MENU_CALLBACKS, LEFT_IN_MENU, CLOSED_HOURS,
	MISSED, ANSWERED_WAIT_MS, ANSWERED_WAIT_MAX_MS {
		@Override
		public boolean isMaximum() {
			return true;
		}
	},
	TALK_SECONDS, ON_SHIFT_SECONDS, AVAILABLE_SECONDS

}
